import { isAnswered } from '../model/answers.js';
import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { questionsOf } from './support/questions.js';

export default defineRule({
  id: 'quote',
  severity: 'error',
  summary: 'a quote chosen for publication that names no written answer',
  stage: 'records',
  check({ repo, report }) {
    for (const survey of repo.surveys) {
      const questions = questionsOf(survey);
      const responses = new Map(survey.data.responses.map((r) => [r.id, r]));
      survey.data.quotes?.forEach((quote, i) => {
        const response = responses.get(quote.response);
        const question = questions.get(quote.question);
        const problem = !response
          ? `response "${quote.response}" does not exist in this survey`
          : question?.type !== 'text'
            ? `"${quote.question}" is not a free-text question of this survey`
            : !isAnswered(response.answers[quote.question])
              ? `response "${quote.response}" has no written answer to ${quote.question}`
              : undefined;
        if (problem) report(survey, ['quotes', i], `a chosen quote must name a written answer: ${problem}`);
      });
    }
  },
  examples: [
    {
      title: 'a quote of a written answer',
      files: change(
        SURVEY,
        '  "responses": [',
        '  "quotes": [{ "response": "r1", "question": "comments" }],\n  "responses": [',
      ),
      expect: [],
    },
    {
      title: 'a quote of an answer never written',
      files: change(
        SURVEY,
        '  "responses": [',
        '  "quotes": [{ "response": "r2", "question": "comments" }],\n  "responses": [',
      ),
      expect: [
        'surveys/2024-25/feedback.json:20:14 a chosen quote must name a written answer: response "r2" has no ' +
          'written answer to comments',
      ],
    },
  ],
});
