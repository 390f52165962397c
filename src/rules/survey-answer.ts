import { singleValue } from '../model/answers.js';
import type { DocPath, SourceRef } from '../model/positions.js';
import type { Question, ScaleQuestion } from '../model/survey.js';
import { defineRule, type Report } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { everyAnswer } from './support/questions.js';

const list = (values: Array<string | number>): string => values.map((v) => String(v)).join(', ');

export default defineRule({
  id: 'survey-answer',
  severity: 'error',
  summary:
    'an answer that does not fit its question (option, scale or `notApplicable` value, matrix item, list shape, ' +
    '`specify` text)',
  stage: 'records',
  check({ repo, report }) {
    for (const visit of everyAnswer(repo.surveys)) {
      const { survey, question, qid, answer } = visit;
      if (!question) continue; // unknown-question
      const problem = answerProblem(question, answer, survey, visit, report);
      if (problem) report(survey, visit.path, `${qid}: ${problem}`);
    }
  },
  examples: [
    { title: 'answers that fit', files: {}, expect: [] },
    {
      title: 'a rating off the scale',
      files: change(SURVEY, '"useful": 4,', '"useful": 6,'),
      expect: ['surveys/2024-25/feedback.json:22:42 useful: 6 is not on the scale: use one of 1, 2, 3, 4, 5'],
    },
    {
      title: 'a choice that is no option',
      files: change(SURVEY, '"again": "no"', '"again": "maybe"'),
      expect: ['surveys/2024-25/feedback.json:22:54 again: "maybe" is not an option: use one of yes, no'],
    },
  ],
});

/** Returns a sentence for an answer that does not fit, or reports item-level problems itself. */
function answerProblem(
  q: Question,
  answer: unknown,
  src: SourceRef,
  /** Where the answer is, asked for only when a problem is told. */
  at: { readonly path: DocPath },
  report: Report,
): string | undefined {
  if (answer === null) return 'write no answer by leaving the question out, not null';
  switch (q.type) {
    case 'text':
      return typeof answer === 'string' ? undefined : 'a text answer must be written in double quotes';
    case 'single': {
      const value = singleValue(answer);
      const option = q.options.find((o) => o.value === value);
      if (!option)
        return `${JSON.stringify(value)} is not an option: use one of ${list(q.options.map((o) => o.value))}`;
      if (typeof answer === 'object') return specifyProblem(option, answer);
      return undefined;
    }
    case 'multi': {
      if (!Array.isArray(answer))
        return `a multiple-choice answer must be a list, for example ["${q.options[0]!.value}"]`;
      const seen = new Set<string>();
      answer.forEach((a, j) => {
        const value = typeof a === 'object' && a !== null ? (a as { value?: unknown }).value : a;
        const option = q.options.find((o) => o.value === value);
        const here = [...at.path, j];
        if (!option) {
          report(
            src,
            here,
            `${q.id}: ${JSON.stringify(value)} is not an option: use one of ${list(q.options.map((o) => o.value))}`,
            { expected: q.options.map((o) => o.value) },
          );
          return;
        }
        if (seen.has(option.value)) report(src, here, `${q.id}: "${option.value}" is chosen twice`);
        seen.add(option.value);
        if (typeof a === 'object' && a !== null) {
          const p = specifyProblem(option, a);
          if (p) report(src, here, `${q.id}: ${p}`);
        }
      });
      return undefined;
    }
    case 'scale':
      return scaleProblem(q, answer);
    case 'matrix': {
      if (typeof answer !== 'object' || Array.isArray(answer))
        return (
          `a matrix answer must map item ids to values, for example { "${q.items[0]!.id}": ` +
          `${String(q.scale[0]!.value)} }`
        );
      const items = new Set(q.items.map((it) => it.id));
      for (const [item, value] of Object.entries(answer as Record<string, unknown>)) {
        if (!items.has(item)) {
          report(
            src,
            [...at.path, item],
            `${q.id}: "${item}" is not an item of this question: use one of ${list([...items])}`,
            { part: 'key', expected: [...items] },
          );
          continue;
        }
        const p = scaleProblem(q, value);
        if (p) report(src, [...at.path, item], `${q.id} item ${item}: ${p}`);
      }
      return undefined;
    }
  }
}

function scaleProblem(q: ScaleQuestion, value: unknown): string | undefined {
  if (typeof value === 'number' && q.scale.some((p) => p.value === value)) return undefined;
  if (typeof value === 'string' && q.notApplicable?.some((n) => n.value === value)) return undefined;
  const allowed = [...q.scale.map((p) => p.value), ...(q.notApplicable ?? []).map((n) => `"${n.value}"`)];
  return `${JSON.stringify(value)} is not on the scale: use one of ${list(allowed)}`;
}

function specifyProblem(option: { value: string; specify?: boolean | undefined }, answer: object): string | undefined {
  if (!option.specify) return `the option "${option.value}" takes no text: write just "${option.value}"`;
  const keys = Object.keys(answer);
  const text = (answer as { text?: unknown }).text;
  if (keys.some((k) => k !== 'value' && k !== 'text'))
    return `an answer with text is written { "value": "${option.value}", "text": "..." }`;
  if (text !== undefined && typeof text !== 'string')
    return 'the text of an "other" answer must be written in double quotes';
  return undefined;
}
