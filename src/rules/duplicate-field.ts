import { defineRule } from './define.js';
import { change } from './examples/community.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'duplicate-field',
  severity: 'error',
  summary: 'a field written twice in one JSON object',
  stage: 'load',
  fixed: true,
  check: reportLoadFindings('duplicate-field'),
  examples: [
    { title: 'each field once', files: {}, expect: [] },
    {
      title: 'an id written twice',
      files: change('data/units.json', '{ "id": "physics",', '{ "id": "physics", "id": "physics",'),
      expect: ['data/units.json:3:22 the field "id" is written twice in the same object: keep one'],
    },
  ],
});
