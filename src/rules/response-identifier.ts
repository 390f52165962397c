import { everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';

export default defineRule({
  id: 'response-identifier',
  severity: 'error',
  summary: 'a survey response with anything beside `id` and `answers` (an email, a name, an IP address, a timestamp)',
  personalData: true,
  stage: 'records',
  check({ repo, report }) {
    for (const survey of everySurveyFile(repo)) {
      survey.data.responses?.forEach((r, i) => {
        for (const key of Object.keys(r)) {
          if (key === 'id' || key === 'answers') continue;
          report(
            survey,
            ['responses', i, key],
            `"${key}" is not allowed in a response: responses are anonymous and hold only "id" and "answers". ` +
              `Remove it (exports from survey tools carry emails, names, IP addresses and timestamps)`,
            { part: 'key' },
          );
        }
      });
    }
  },
  examples: [
    { title: 'responses with only their answers', files: {}, expect: [] },
    {
      title: 'a response with its IP address',
      files: change(SURVEY, '{ "id": "r2", "answers"', '{ "id": "r2", "ipAddress": "192.0.2.7", "answers"'),
      expect: [
        'surveys/2024-25/feedback.json:22:19 "ipAddress" is not allowed in a response: responses are anonymous ' +
          'and hold only "id" and "answers". Remove it (exports from survey tools carry emails, names, IP ' +
          'addresses and timestamps)',
      ],
    },
  ],
});
