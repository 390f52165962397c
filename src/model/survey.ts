import { z } from 'zod';
import { Count, DateString, Id, Text } from './fields.js';

const Option = z.strictObject({ value: Id, label: Text, specify: z.boolean().optional() });
const ScalePoint = z.strictObject({ value: z.number({ error: 'a scale value must be a number' }), label: Text.optional() });
const NotApplicable = z.strictObject({ value: Id, label: Text });
const AskedIf = z.strictObject({ question: Id, in: z.array(z.union([Id, z.number()])).min(1) });

const common = { id: Id, text: Text, askedIf: AskedIf.optional() };

const QuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ ...common, type: z.literal('single'), options: z.array(Option).min(1) }),
    z.strictObject({ ...common, type: z.literal('multi'), options: z.array(Option).min(1) }),
    z.strictObject({ ...common, type: z.literal('scale'), scale: z.array(ScalePoint).min(2), notApplicable: z.array(NotApplicable).optional() }),
    z.strictObject({
      ...common,
      type: z.literal('matrix'),
      scale: z.array(ScalePoint).min(2),
      notApplicable: z.array(NotApplicable).optional(),
      items: z.array(z.strictObject({ id: Id, text: Text })).min(1),
    }),
    z.strictObject({ ...common, type: z.literal('text') }),
  ],
  { error: (issue) => `"${String((issue.input as { type?: unknown } | undefined)?.type)}" is not a question type: use single, multi, scale, matrix or text` },
);

const Population = z.union(
  [z.strictObject({ count: Count }), z.strictObject({ rule: z.literal('attended-any') }), z.strictObject({ rule: z.literal('session'), session: z.string() })],
  { error: 'population must be { "count": N }, { "rule": "attended-any" } or { "rule": "session", "session": "<session id>" }' },
);

/**
 * Answers are checked against their questions by the survey-answer rules, with positions.
 * Keys beside `id` and `answers` are let through here and reported by the privacy check
 * (response-identifier), so that one leaked email does not stop the survey being checked.
 */
const Response = z
  .object({
    id: Id,
    answers: z.record(z.string(), z.unknown(), { error: 'answers must be an object from question id to answer' }),
  })
  .catchall(z.unknown());

/** A free-text answer a coordinator chose to publish in the reports. */
const Quote = z.strictObject({ response: Id, question: Id });

export const SurveySchema = z.strictObject({
  id: Id,
  title: Text,
  kind: Id,
  opened: DateString,
  closed: DateString.optional(),
  population: Population,
  questions: z.array(QuestionSchema).min(1),
  responses: z.array(Response),
  /** The only free-text answers reports may print: chosen one by one. */
  quotes: z.array(Quote).optional(),
});

export type Survey = z.output<typeof SurveySchema>;
export type Question = z.output<typeof QuestionSchema>;
export type SurveyResponse = z.output<typeof Response>;
export type ScaleQuestion = Extract<Question, { type: 'scale' | 'matrix' }>;
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multi' }>;
