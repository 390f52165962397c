import { z } from 'zod';
import { Count, DateString, Id, Text, oneOf } from './fields.js';

const Option = z.strictObject({
  value: Id.meta({ title: 'Value', description: 'What an answer stores for this option' }),
  label: Text.meta({ title: 'Label', description: 'The option as respondents saw it' }),
  specify: z.boolean().optional().meta({
    title: 'Specify',
    description: 'true for an "Other" option with a text box: answered as { "value", "text" }',
  }),
});
const ScalePoint = z.strictObject({
  value: z
    .number({ error: 'a scale value must be a number' })
    .meta({ title: 'Value', description: 'The number this point stands for' }),
  label: Text.optional().meta({ title: 'Label', description: 'Its words, where respondents saw some ("Not useful")' }),
});
const NotApplicable = z.strictObject({
  value: Id.meta({ title: 'Value', description: 'What an answer stores for it' }),
  label: Text.meta({ title: 'Label', description: 'Its words ("Didn\'t attend")' }),
});
const AskedIf = z
  .strictObject({
    question: Id.meta({ title: 'Question', description: 'The question whose answer decides' }),
    in: z
      .array(z.union([Id, z.number()]))
      .min(1)
      .meta({ title: 'In', description: 'The answers of that question for which this one is shown' }),
  })
  .meta({
    title: 'Asked if',
    description: 'Shown only to respondents whose answer to another question is in the list',
  });

const common = {
  id: Id.meta({ title: 'Id', description: 'The question id, as answers name it (q1)' }),
  text: Text.meta({ title: 'Text', description: 'The question as respondents saw it' }),
  askedIf: AskedIf.optional(),
};
const scale = z
  .array(ScalePoint)
  .min(2)
  .meta({ title: 'Scale', description: 'The points of the rating scale, lowest first' });
const notApplicable = z
  .array(NotApplicable)
  .optional()
  .meta({ title: 'Not applicable', description: 'Answers off the scale ("Didn\'t attend"): counted apart, not in n' });
const options = z.array(Option).min(1).meta({ title: 'Options', description: 'The choices' });

const QuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      ...common,
      type: z.literal('single').meta({ title: 'Type', description: 'One option' }),
      options,
    }),
    z.strictObject({
      ...common,
      type: z.literal('multi').meta({ title: 'Type', description: 'Any number of options' }),
      options,
    }),
    z.strictObject({
      ...common,
      type: z.literal('scale').meta({ title: 'Type', description: 'One point of a rating scale' }),
      scale,
      notApplicable,
    }),
    z.strictObject({
      ...common,
      type: z.literal('matrix').meta({ title: 'Type', description: 'A rating for each of several items' }),
      scale,
      notApplicable,
      items: z
        .array(
          z.strictObject({
            id: Id.meta({ title: 'Id', description: 'The item id, as answers name it' }),
            text: Text.meta({ title: 'Text', description: 'The item as respondents saw it' }),
          }),
        )
        .min(1)
        .meta({ title: 'Items', description: 'The rows of the matrix' }),
    }),
    z.strictObject({ ...common, type: z.literal('text').meta({ title: 'Type', description: 'A written answer' }) }),
  ],
  {
    error: (issue) =>
      `"${String((issue.input as { type?: unknown } | undefined)?.type)}" is not a question type: use single, ` +
      `multi, scale, matrix or text`,
  },
);

const Population = z
  .union(
    [
      z.strictObject({
        count: Count.meta({ title: 'Count', description: 'How many people were asked' }),
        of: oneOf(['members', 'mentees', 'mentors']).optional().meta({
          title: 'Of',
          description: 'Whom the survey asked: members (the default), mentees or mentors; reports title it so',
        }),
      }),
      z.strictObject({
        rule: z
          .literal('attended-any')
          .meta({ title: 'Rule', description: 'Every member who attended a session of the year' }),
      }),
      z.strictObject({
        rule: z.literal('session').meta({ title: 'Rule', description: 'Everyone present at one session' }),
        session: z
          .string()
          .meta({ title: 'Session', description: 'The session id: its minutes file name without .md' }),
      }),
    ],
    {
      error:
        'population must be { "count": N } (with "of": "members", "mentees" or "mentors" where it asked others ' +
        'than members), { "rule": "attended-any" } or { "rule": "session", "session": "<session id>" }',
    },
  )
  .meta({ title: 'Population', description: 'Who was asked, for the response rate' });

/**
 * Answers are checked against their questions by the survey-answer rules, with positions.
 * Keys beside `id` and `answers` are let through here and reported by the privacy check
 * (response-identifier), so that one leaked email does not stop the survey being checked.
 */
const Response = z
  .object({
    id: Id.meta({ title: 'Id', description: 'The response id (r01): no names, emails or other identifiers' }),
    answers: z.record(z.string(), z.unknown(), { error: 'answers must be an object from question id to answer' }).meta({
      title: 'Answers',
      description:
        'Question id → answer: an option value, a list of them, a scale value, an object of item ratings, or text',
    }),
  })
  .catchall(z.unknown())
  .meta({ title: 'Response', description: 'One anonymous response' });

/** A free-text answer a coordinator chose to publish in the reports. */
const Quote = z
  .strictObject({
    response: Id.meta({ title: 'Response', description: 'The response id' }),
    question: Id.meta({ title: 'Question', description: 'The text question it answered' }),
  })
  .meta({ title: 'Quote', description: 'A written answer a coordinator chose to publish' });

/** A theme coordinators code written answers with. */
const CodebookEntry = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The code, as coded answers name it' }),
    title: Text.meta({ title: 'Title', description: 'The theme, as the report prints it' }),
    description: Text.optional().meta({ title: 'Description', description: 'What answers given this code talk about' }),
  })
  .meta({ title: 'Theme', description: 'A theme of the written answers' });

/** The codes a coordinator gave one written answer. */
const CodedAnswer = z
  .strictObject({
    response: Id.meta({ title: 'Response', description: 'The response id' }),
    question: Id.meta({ title: 'Question', description: 'The written (text) question it answered' }),
    codes: z.array(Id).min(1).meta({ title: 'Codes', description: 'Codebook ids given to the answer' }),
  })
  .meta({ title: 'Coded answer', description: 'The codes of one written answer' });

export const SurveySchema = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The survey id, the file name without .json' }),
    title: Text.meta({ title: 'Title', description: 'Its title, as reports print it' }),
    kind: Id.meta({
      title: 'Kind',
      description: 'What survey it is (member-evaluation, event-feedback): surveys of one kind compare across years',
    }),
    opened: DateString.meta({ title: 'Opened', description: 'The day it opened, YYYY-MM-DD: its academic year' }),
    closed: DateString.optional().meta({ title: 'Closed', description: 'The day it closed, YYYY-MM-DD' }),
    population: Population,
    questions: z.array(QuestionSchema).min(1).meta({ title: 'Questions', description: 'Its questions, in order' }),
    responses: z.array(Response).meta({ title: 'Responses', description: 'The anonymous responses' }),
    /** The only free-text answers reports may print: chosen one by one. */
    quotes: z
      .array(Quote)
      .optional()
      .meta({ title: 'Quotes', description: 'The only written answers reports may print: chosen one by one' }),
    codebook: z
      .array(CodebookEntry)
      .optional()
      .meta({ title: 'Codebook', description: 'The themes written answers are coded with' }),
    codes: z
      .array(CodedAnswer)
      .optional()
      .meta({ title: 'Codes', description: 'The codes given to written answers, one entry per answer' }),
  })
  .meta({ title: 'Survey', description: 'surveys/<year>/<survey-id>.json: its questions and its anonymous responses' });

export type Survey = z.output<typeof SurveySchema>;
export type Question = z.output<typeof QuestionSchema>;
export type SurveyResponse = z.output<typeof Response>;
export type ScaleQuestion = Extract<Question, { type: 'scale' | 'matrix' }>;
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multi' }>;
