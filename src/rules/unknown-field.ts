import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportSchemaFindings } from './support/findings.js';

export default defineRule({
  id: 'unknown-field',
  severity: 'error',
  summary: 'a field is unknown (a typo such as `atendees` gets "did you mean")',
  stage: 'schema',
  alwaysError: true,
  check: reportSchemaFindings('unknown-field'),
  examples: [
    { title: 'known fields', files: {}, expect: [] },
    {
      title: 'a misspelt field',
      files: change(MINUTES, 'attendees:', 'atendees:'),
      expect: ['minutes/2024-25/2024-10-15-welcome.md:7:1 unknown field "atendees": did you mean "attendees"?'],
    },
  ],
});
