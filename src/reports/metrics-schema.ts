import { z } from 'zod';

/**
 * The contract of `reports/metrics.json`, for dashboards and other communities: published
 * as `schemas/metrics.schema.json` by the build, and the type `publishedMetrics` returns, so
 * the file and its schema cannot drift apart. `schemaVersion` grows when a field changes
 * meaning or goes; new optional fields leave it as it is.
 */
export const METRICS_SCHEMA_VERSION = 1;

const count = (description: string) => z.number().int().min(0).meta({ description });
const ids = (description: string) => z.array(z.string()).meta({ description });
const date = (description: string) => z.string().meta({ description, format: 'date' });
const byUnit = (description: string) => z.record(z.string(), z.number().int().min(0)).meta({ description });

const Engagement = {
  total: count('Units of this kind that existed in the year'),
  engaged: ids(
    'Units with at least one member at a session, sorted; without units below privacy.minGroupSize members when ' +
      'privacy.listSmallUnits is false',
  ),
  unengaged: ids('Units with none, sorted; likewise'),
  engagedCount: count('How many units were engaged, named or not'),
  unengagedCount: count('How many units were not, named or not'),
  attendance: byUnit('Member attendances by unit; units with fewer members than privacy.minGroupSize are left out'),
  members: byUnit('Members in the year by unit; units with fewer members than privacy.minGroupSize are left out'),
};

const ScaleFigures = {
  n: count('Answers on the scale'),
  notApplicable: count('Answers off the scale ("Didn\'t attend")').optional(),
  mean: z.number().nullable().optional().meta({ description: 'Mean over n, unrounded' }),
  median: z.number().nullable().optional().meta({ description: 'Median over n' }),
  counts: z
    .record(z.string(), z.number().int().min(0))
    .optional()
    .meta({ description: 'Every option or scale value with its count, zeros included' }),
};

const suppressed = z
  .string()
  .optional()
  .meta({ description: 'Why the figures are left out (privacy.minResponses or privacy.minGroupSize)' });

const Question = z
  .object({
    n: count('Responses with an answer').optional(),
    asked: count('Responses shown the question (askedIf)').optional(),
    notApplicable: ScaleFigures.notApplicable,
    mean: ScaleFigures.mean,
    median: ScaleFigures.median,
    counts: ScaleFigures.counts,
    coded: count('With a codebook: written answers given at least one code').optional(),
    codes: z
      .record(z.string(), z.number().int().min(0))
      .optional()
      .meta({ description: 'With a codebook: written answers given each code, zeros included' }),
    items: z
      .record(z.string(), z.object({ ...ScaleFigures, suppressed }))
      .optional()
      .meta({ description: 'A matrix question: each item with its scale figures' }),
    suppressed,
  })
  .meta({ description: "A question's figures, as the data model defines them" });

const Survey = z.object({
  title: z.string(),
  file: z.string().meta({ description: 'The survey file, relative to the repository' }),
  responses: count('Responses'),
  population: z.number().int().min(0).nullable().meta({ description: 'Who was asked; null when it cannot be known' }),
  responseRate: z.number().nullable().meta({ description: 'responses ÷ population, unrounded' }),
  questions: z
    .record(z.string(), Question)
    .optional()
    .meta({ description: 'By question id; absent when the survey has fewer responses than privacy.minResponses' }),
  codes: z
    .record(z.string(), z.number().int().min(0))
    .optional()
    .meta({ description: 'With a codebook: distinct responses given each code in any question, zeros included' }),
  wrote: count('With a codebook: responses with at least one written answer').optional(),
  suppressed,
});

const Indicator = z.object({
  label: z.string(),
  value: z
    .number()
    .nullable()
    .meta({ description: 'A share (0–1), a mean, a count or a figure; null when there is no evidence to show' }),
  n: count("For survey evidence: the question's n").optional(),
  suppressed,
});

const Year = z.object({
  year: z.string().meta({ description: 'The academic year, 2024-25' }),
  firstDay: date('Its first day'),
  lastDay: date('Its last day'),
  asOf: date('The day the figures describe: the last day, or the latest record while the year is in progress'),
  inProgress: z.boolean(),
  members: z.object({
    total: count('Members in the year'),
    attendedAny: count('Members at one session or more'),
    attendedAtLeast3: count('Members at three sessions or more'),
    new: count('Members who were not members the year before'),
    retained: count('Members who were'),
    left: count('Members of the year before who are not members now'),
    academic: count('Academic members'),
    professional: count('Professional members'),
    roles: z
      .record(z.string(), z.number().int().min(0))
      .meta({ description: 'Members by role, every role of the community with zeros' }),
    core: count('Members at half of the year’s sessions or more'),
    occasional: count('Members at one session or more, fewer than half'),
    peripheral: count('Members at no session'),
    firstTime: count('Members whose first session ever is in the year'),
    returning: count('Members at a session this year and the year before; absent for the first year').optional(),
    attendanceRetention: z.number().min(0).max(1).optional().meta({
      description: 'returning ÷ the year before’s attendedAny, unrounded; absent for the first year and when that is 0',
    }),
  }),
  sessions: z.array(
    z.object({
      id: z.string(),
      date: date('The session’s date'),
      title: z.string(),
      type: z.string(),
      format: z.string(),
      term: z.string().optional(),
      memberAttendees: count('Members present'),
      guests: count('Guests present'),
      headcount: count('Members and guests'),
      departmentsPresent: count('Distinct departments among members and guests'),
      actions: count('Actions recorded'),
      firstTime: count('Members for whom it was their first session ever'),
    }),
  ),
  departments: z.object({
    ...Engagement,
    newlyEngaged: ids('Engaged this year, not the year before; absent for the first year').optional(),
    lapsed: ids('Engaged the year before, unengaged now; absent for the first year').optional(),
    unengagedStreak: byUnit('Consecutive unengaged years, up to this one, of each unengaged department'),
  }),
  services: z.object(Engagement),
  themes: z.array(z.object({ id: z.string(), sessions: ids('Sessions that discussed the theme') })),
  actions: z.object({
    recorded: count('Actions recorded in the year’s minutes'),
    done: count('Done'),
    open: count('Open'),
    dropped: count('Dropped'),
    pastDue: ids('Open actions due before asOf'),
  }),
  surveys: z.record(z.string(), Survey).meta({ description: 'The year’s surveys by id' }),
  valueCreation: z
    .record(z.string(), z.array(Indicator))
    .optional()
    .meta({ description: 'Value-creation evidence by cycle, in the order of data/community.json’s mapping' }),
});

const PublishedMetricsSchema = z
  .object({
    schemaVersion: z.literal(METRICS_SCHEMA_VERSION).meta({ description: 'The version of this format' }),
    privacy: z.object({
      minResponses: z.number().int(),
      minGroupSize: z.number().int(),
      listSmallUnits: z
        .boolean()
        .meta({ description: 'Whether units below minGroupSize members are named as engaged or not' }),
      note: z.string().meta({ description: 'What is left out, in words' }),
    }),
    years: z.array(Year).meta({ description: 'Every academic year of the records, oldest first' }),
    cohorts: z
      .array(
        z.object({
          year: z.string().meta({ description: 'The year of the cohort’s first session' }),
          size: count('Members whose first session was that year'),
          attended: z
            .record(z.string(), z.number().int().min(0))
            .meta({ description: 'Year → how many of them came to a session in it, from the cohort’s year on' }),
        }),
      )
      .meta({ description: 'Each year’s first-time members, followed through the years after' }),
  })
  .meta({
    title: 'Community of practice metrics',
    description:
      'reports/metrics.json: the published metrics of a community of practice, with disclosure control applied',
  });

export type PublishedMetrics = z.input<typeof PublishedMetricsSchema>;

export function metricsSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(PublishedMetricsSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }), null, 2)}\n`;
}
