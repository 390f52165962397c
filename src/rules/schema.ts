import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportSchemaFindings } from './support/findings.js';

export default defineRule({
  id: 'schema',
  severity: 'error',
  summary: 'a value has the wrong type or is outside its list',
  stage: 'schema',
  fixed: true,
  check: reportSchemaFindings('schema'),
  examples: [
    { title: 'a format from the list', files: {}, expect: [] },
    {
      title: 'a format not in the list',
      files: change(MINUTES, 'format: hybrid', 'format: face-to-face'),
      expect: ['minutes/2024-25/2024-10-15-welcome.md:5:9 format: "face-to-face" is not allowed here: use one of online, in-person, hybrid'],
    },
  ],
});
