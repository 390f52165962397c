import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportSchemaFindings } from './support/findings.js';

export default defineRule({
  id: 'missing-field',
  severity: 'error',
  summary: 'a required field is missing',
  stage: 'schema',
  alwaysError: true,
  check: reportSchemaFindings('missing-field'),
  examples: [
    { title: 'every required field', files: {}, expect: [] },
    {
      title: 'no themes',
      files: change(MINUTES, 'themes: [induction]\n', ''),
      expect: ['minutes/2024-25/2024-10-15-welcome.md:2:1 required field "themes" is missing'],
    },
  ],
});
