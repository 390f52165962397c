import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { everyAnswer } from './support/questions.js';
import { expectedIds } from './support/suggest.js';

export default defineRule({
  id: 'unknown-question',
  severity: 'error',
  summary: 'an answer to a question that does not exist',
  stage: 'records',
  check({ repo, report }) {
    for (const visit of everyAnswer(repo.surveys)) {
      const { survey, response, questions, question, qid } = visit;
      if (question) continue;
      report(survey, visit.path, `response "${response.id}" answers "${qid}", which is not a question of this survey`, {
        part: 'key',
        expected: expectedIds(qid, questions.keys()),
      });
    }
  },
  examples: [
    { title: 'answers to its questions', files: {}, expect: [] },
    {
      title: 'an answer to a question it does not have',
      files: change(SURVEY, '"again": "no" }', '"again": "no", "again2": "yes" }'),
      expect: [
        'surveys/2024-25/feedback.json:22:60 response "r2" answers "again2", which is not a question of this survey',
      ],
    },
  ],
});
