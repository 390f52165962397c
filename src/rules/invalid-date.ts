import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportSchemaFindings } from './support/findings.js';

export default defineRule({
  id: 'invalid-date',
  severity: 'error',
  summary: 'a date is not a real `YYYY-MM-DD` calendar date',
  stage: 'schema',
  alwaysError: true,
  check: reportSchemaFindings('invalid-date'),
  examples: [
    { title: 'a real date', files: {}, expect: [] },
    {
      title: 'the 31st of a 30-day month',
      files: change(MINUTES, 'due: 2024-10-31', 'due: 2024-11-31'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:13:10 due: "2024-11-31" is not a calendar date: write it as ' +
          'YYYY-MM-DD, for example 2024-10-15',
      ],
    },
  ],
});
