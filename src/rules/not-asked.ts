import { isAnswered, wasAsked } from '../model/answers.js';
import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { everyAnswer } from './support/questions.js';

export default defineRule({
  id: 'not-asked',
  severity: 'error',
  summary: 'an answer to an `askedIf` question the respondent was not shown',
  stage: 'records',
  check({ repo, report }) {
    for (const visit of everyAnswer(repo.surveys)) {
      const { survey, response, question: q, qid, answer } = visit;
      if (!q?.askedIf || !isAnswered(answer) || wasAsked(q, response)) continue;
      report(
        survey,
        visit.path,
        `response "${response.id}" answers ${qid}, which is asked only when ${q.askedIf.question} is one of ` +
          `${q.askedIf.in.map(String).join(', ')}: remove this answer or correct the answer to ${q.askedIf.question}`,
        { part: 'key' },
      );
    }
  },
  examples: [
    { title: 'answered where it was asked', files: {}, expect: [] },
    {
      title: 'answered where it was not asked',
      files: change(SURVEY, '"again": "no" }', '"again": "no", "topics": ["wellbeing"] }'),
      expect: [
        'surveys/2024-25/feedback.json:22:60 response "r2" answers topics, which is asked only when again is one ' +
          'of yes: remove this answer or correct the answer to again',
      ],
    },
  ],
});
