import type { SourceRef } from '../diagnostics/collector.js';
import { isAnswered, singleValue, wasAsked } from '../model/answers.js';
import type { Question, ScaleQuestion } from '../model/survey.js';
import type { CheckContext } from './context.js';

const list = (values: Array<string | number>): string => values.map((v) => String(v)).join(', ');

/** Every answer fits its question; `askedIf` conditions refer to real questions and options. */
export function checkSurveyAnswers(ctx: CheckContext): void {
  const { out } = ctx;
  for (const survey of ctx.repo.surveys) {
    const questions = new Map<string, Question>();
    for (const q of survey.data.questions) if (!questions.has(q.id)) questions.set(q.id, q);

    survey.data.questions.forEach((q, i) => {
      if (!q.askedIf) return;
      const target = questions.get(q.askedIf.question);
      const at = ['questions', i, 'askedIf'];
      if (!target || target.id === q.id) {
        out.error('unknown-reference', survey, [...at, 'question'], `askedIf refers to question "${q.askedIf.question}", which is not another question of this survey`);
        return;
      }
      const allowed = answerValues(target);
      q.askedIf.in.forEach((v, j) => {
        if (allowed && !allowed.includes(String(v))) {
          out.error('unknown-reference', survey, [...at, 'in', j], `"${String(v)}" is not an answer of question ${target.id}: use one of ${list(allowed)}`);
        }
      });
    });

    const responses = new Map(survey.data.responses.map((r) => [r.id, r]));
    survey.data.quotes?.forEach((quote, i) => {
      const response = responses.get(quote.response);
      const question = questions.get(quote.question);
      const problem = !response
        ? `response "${quote.response}" does not exist in this survey`
        : !question || question.type !== 'text'
          ? `"${quote.question}" is not a free-text question of this survey`
          : !isAnswered(response.answers[quote.question])
            ? `response "${quote.response}" has no written answer to ${quote.question}`
            : undefined;
      if (problem) out.error('quote', survey, ['quotes', i], `a chosen quote must name a written answer: ${problem}`);
    });

    survey.data.responses.forEach((response, r) => {
      for (const [qid, answer] of Object.entries(response.answers)) {
        const path = ['responses', r, 'answers', qid];
        const q = questions.get(qid);
        if (!q) {
          out.error('unknown-question', survey, path, `response "${response.id}" answers "${qid}", which is not a question of this survey`, 'key');
          continue;
        }
        if (q.askedIf && isAnswered(answer) && !wasAsked(q, response)) {
          out.error(
            'not-asked',
            survey,
            path,
            `response "${response.id}" answers ${qid}, which is asked only when ${q.askedIf.question} is one of ${list(q.askedIf.in)}: remove this answer or correct the answer to ${q.askedIf.question}`,
            'key',
          );
        }
        const problem = answerProblem(q, answer, survey, path, ctx);
        if (problem) out.error('survey-answer', survey, path, `${qid}: ${problem}`);
      }
    });
  }
}

function answerValues(q: Question): string[] | undefined {
  if (q.type === 'single' || q.type === 'multi') return q.options.map((o) => o.value);
  if (q.type === 'scale') return [...q.scale.map((p) => String(p.value)), ...(q.notApplicable ?? []).map((n) => n.value)];
  return undefined;
}

/** Returns a sentence for an answer that does not fit, or reports item-level problems itself. */
function answerProblem(q: Question, answer: unknown, src: SourceRef, path: Array<string | number>, ctx: CheckContext): string | undefined {
  if (answer === null) return 'write no answer by leaving the question out, not null';
  switch (q.type) {
    case 'text':
      return typeof answer === 'string' ? undefined : 'a text answer must be written in double quotes';
    case 'single': {
      const value = singleValue(answer);
      const option = q.options.find((o) => o.value === value);
      if (!option) return `${JSON.stringify(value)} is not an option: use one of ${list(q.options.map((o) => o.value))}`;
      if (typeof answer === 'object') return specifyProblem(option, answer);
      return undefined;
    }
    case 'multi': {
      if (!Array.isArray(answer)) return `a multiple-choice answer must be a list, for example ["${q.options[0]!.value}"]`;
      const seen = new Set<string>();
      answer.forEach((a, j) => {
        const value = typeof a === 'object' && a !== null ? (a as { value?: unknown }).value : a;
        const option = q.options.find((o) => o.value === value);
        const here = [...path, j];
        if (!option) {
          ctx.out.error('survey-answer', src, here, `${q.id}: ${JSON.stringify(value)} is not an option: use one of ${list(q.options.map((o) => o.value))}`);
          return;
        }
        if (seen.has(option.value)) ctx.out.error('survey-answer', src, here, `${q.id}: "${option.value}" is chosen twice`);
        seen.add(option.value);
        if (typeof a === 'object' && a !== null) {
          const p = specifyProblem(option, a);
          if (p) ctx.out.error('survey-answer', src, here, `${q.id}: ${p}`);
        }
      });
      return undefined;
    }
    case 'scale':
      return scaleProblem(q, answer);
    case 'matrix': {
      if (typeof answer !== 'object' || Array.isArray(answer)) return `a matrix answer must map item ids to values, for example { "${q.items[0]!.id}": ${String(q.scale[0]!.value)} }`;
      const items = new Set(q.items.map((it) => it.id));
      for (const [item, value] of Object.entries(answer as Record<string, unknown>)) {
        if (!items.has(item)) {
          ctx.out.error('survey-answer', src, [...path, item], `${q.id}: "${item}" is not an item of this question: use one of ${list([...items])}`, 'key');
          continue;
        }
        const p = scaleProblem(q, value);
        if (p) ctx.out.error('survey-answer', src, [...path, item], `${q.id} item ${item}: ${p}`);
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
  if (keys.some((k) => k !== 'value' && k !== 'text')) return `an answer with text is written { "value": "${option.value}", "text": "..." }`;
  if (text !== undefined && typeof text !== 'string') return 'the text of an "other" answer must be written in double quotes';
  return undefined;
}
