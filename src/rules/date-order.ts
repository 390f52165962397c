import { everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';

export default defineRule({
  id: 'date-order',
  severity: 'error',
  summary: 'a survey that closes before it opens',
  stage: 'records',
  check({ repo, report }) {
    for (const s of everySurveyFile(repo)) {
      const { opened, closed } = s.data;
      if (opened !== undefined && closed !== undefined && closed < opened)
        report(s, ['closed'], `the survey closes (${closed}) before it opens (${opened})`);
    }
  },
  examples: [
    { title: 'closing after opening', files: {}, expect: [] },
    {
      title: 'closing before opening',
      files: change(SURVEY, '"closed": "2024-10-31"', '"closed": "2024-10-01"'),
      expect: ['surveys/2024-25/feedback.json:6:13 the survey closes (2024-10-01) before it opens (2024-10-15)'],
    },
  ],
});
