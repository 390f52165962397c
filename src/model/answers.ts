import type { Question, SurveyResponse } from './survey.js';

/** Shared readings of survey answers, for the answer checks and the survey metrics alike. */

/** A `multi` answer's option values, whether written as values or as `{ value, text }`. */
export function multiValues(answer: unknown): string[] {
  if (!Array.isArray(answer)) return [];
  return answer.map((a) =>
    typeof a === 'object' && a !== null ? String((a as { value?: unknown }).value) : String(a),
  );
}

/** The value of a `single` answer, which may also be written `{ value, text }` for an option to specify. */
export function singleValue(answer: unknown): unknown {
  return typeof answer === 'object' && answer !== null && !Array.isArray(answer)
    ? (answer as { value?: unknown }).value
    : answer;
}

/** Whether the respondent answered at all: an empty list or empty text is no answer. */
export function isAnswered(answer: unknown): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.length > 0;
  if (typeof answer === 'string') return answer.trim().length > 0;
  return true;
}

/** Whether a question with `askedIf` was shown to this respondent. */
export function wasAsked(question: Question, response: SurveyResponse): boolean {
  const cond = question.askedIf;
  if (!cond) return true;
  const answer = response.answers[cond.question];
  const wanted = new Set(cond.in.map(String));
  if (Array.isArray(answer)) return multiValues(answer).some((v) => wanted.has(v));
  const v = singleValue(answer);
  return v !== undefined && v !== null && wanted.has(String(v));
}
