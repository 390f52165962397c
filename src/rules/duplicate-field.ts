import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'duplicate-field',
  severity: 'error',
  summary: 'a field written twice in one JSON object, or named `__proto__`, which JavaScript cannot keep as a field',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('duplicate-field'),
  examples: [
    { title: 'each field once', files: {}, expect: [] },
    {
      title: 'an id written twice',
      files: change('data/units.json', '{ "id": "physics",', '{ "id": "physics", "id": "physics",'),
      expect: ['data/units.json:3:22 the field "id" is written twice in the same object: keep one'],
    },
    {
      title: 'an answer keyed __proto__',
      files: change(
        SURVEY,
        '{ "id": "r2", "answers": { "useful": 4,',
        '{ "id": "r2", "answers": { "__proto__": "x", "useful": 4,',
      ),
      expect: [
        'surveys/2024-25/feedback.json:22:32 the field name "__proto__" cannot be used: JavaScript reads it as ' +
          'something else, so its value would vanish. Rename it (an answer is keyed by its question id)',
      ],
    },
  ],
});
