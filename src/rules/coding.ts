import { isAnswered } from '../model/answers.js';
import type { SurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { questionsOf } from './support/questions.js';
import { suggestion } from './support/suggest.js';

const CODEBOOK =
  '  "codebook": [{ "id": "good-start", "title": "A good start" }, { "id": "pace", "title": "The pace of the ' +
  'session" }],\n';
const coded = (codes: string) =>
  change(SURVEY, '  "responses": [', `${CODEBOOK}  "codes": [${codes}],\n  "responses": [`);

/** What is wrong with one coded answer, and at which of its fields, or undefined. */
function problemOf(
  survey: SurveyFile,
  entry: NonNullable<SurveyFile['data']['codes']>[number],
): { field: string; message: string } | undefined {
  const response = survey.data.responses.find((r) => r.id === entry.response);
  if (!response)
    return {
      field: 'response',
      message: `response "${entry.response}" is not in this survey.${suggestion(
        entry.response,
        survey.data.responses.map((r) => r.id),
      )}`,
    };
  const question = questionsOf(survey).get(entry.question);
  if (!question)
    return {
      field: 'question',
      message:
        `question "${entry.question}" is not in this ` +
        `survey.${suggestion(entry.question, [...questionsOf(survey).keys()])}`,
    };
  if (question.type !== 'text')
    return {
      field: 'question',
      message: `question "${entry.question}" is not a written (text) question: only written answers are coded`,
    };
  if (!isAnswered(response.answers[entry.question])) {
    return {
      field: 'question',
      message:
        `response "${entry.response}" wrote no answer to ${entry.question}: remove this entry, or correct ` +
        `the response or question`,
    };
  }
  return undefined;
}

export default defineRule({
  id: 'coding',
  severity: 'error',
  summary: 'a coded answer that names no written answer, a code not in the codebook, or an answer coded in two entries',
  stage: 'records',
  check({ repo, report }) {
    for (const survey of repo.surveys) {
      const codebook = (survey.data.codebook ?? []).map((c) => c.id);
      const seen = new Map<string, number>();
      survey.data.codes?.forEach((entry, i) => {
        const problem = problemOf(survey, entry);
        if (problem) report(survey, ['codes', i, problem.field], problem.message);
        entry.codes.forEach((code, j) => {
          if (codebook.includes(code)) return;
          report(
            survey,
            ['codes', i, 'codes', j],
            codebook.length === 0
              ? `"${code}" is not in the codebook, and this survey has none: add a "codebook" with the themes the ` +
                  `answers are coded with`
              : `"${code}" is not in the codebook.${suggestion(code, codebook)} Add it to "codebook", or use one ` +
                  `of ${codebook.join(', ')}`,
          );
        });
        const pair = `${entry.response}\u0000${entry.question}`;
        const first = seen.get(pair);
        if (first === undefined) seen.set(pair, i);
        else
          report(
            survey,
            ['codes', i, 'response'],
            `response "${entry.response}"'s answer to ${entry.question} is coded in two entries: put all its ` +
              `codes in the first one and remove this one`,
            {
              cause: { source: survey, path: ['codes', first, 'response'], message: 'the first entry for this answer' },
            },
          );
      });
    }
  },
  examples: [
    {
      title: 'a written answer coded with the codebook',
      files: coded('{ "response": "r1", "question": "comments", "codes": ["good-start"] }'),
      expect: [],
    },
    {
      title: 'a code that is not in the codebook',
      files: coded('{ "response": "r1", "question": "comments", "codes": ["good-strat"] }'),
      expect: [
        'surveys/2024-25/feedback.json:21:67 "good-strat" is not in the codebook. Did you mean "good-start"? Add ' +
          'it to "codebook", or use one of good-start, pace',
      ],
    },
    {
      title: 'an answer that was never written',
      files: coded('{ "response": "r2", "question": "comments", "codes": ["pace"] }'),
      expect: [
        'surveys/2024-25/feedback.json:21:45 response "r2" wrote no answer to comments: remove this entry, or ' +
          'correct the response or question',
      ],
    },
    {
      title: 'a question that is not written',
      files: coded('{ "response": "r1", "question": "useful", "codes": ["pace"] }'),
      expect: [
        'surveys/2024-25/feedback.json:21:45 question "useful" is not a written (text) question: only written ' +
          'answers are coded',
      ],
    },
    {
      title: 'one answer coded in two entries',
      files: coded(
        '{ "response": "r1", "question": "comments", "codes": ["pace"] }, { "response": "r1", "question": ' +
          '"comments", "codes": ["good-start"] }',
      ),
      expect: [
        'surveys/2024-25/feedback.json:21:92 response "r1"\'s answer to comments is coded in two entries: put all ' +
          'its codes in the first one and remove this one',
      ],
    },
  ],
});
