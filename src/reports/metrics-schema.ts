import { z } from 'zod';
import {
  byUnit,
  CohortFigures,
  DepartmentFigures,
  EngagementFigures,
  IndicatorFigures,
  MeetingCountFigures,
  MeetingFigures,
  MentoringFigures,
  PathwayFigures,
  PooledCoverageFigures,
  ScaleFigures,
  SurveyFigures,
  YearFigures,
} from '../metrics/schema.js';

/**
 * The contract of `reports/metrics.json`, for dashboards and other communities: published
 * as `schemas/metrics.schema.json` by the build, and the type `publishedMetrics` returns, so
 * the file and its schema cannot drift apart. `schemaVersion` grows when a field changes
 * meaning or goes; new optional fields leave it as it is.
 */
export const METRICS_SCHEMA_VERSION = 1;

const count = (description: string) => z.number().int().min(0).meta({ description });

/** What disclosure control adds to a survey's figures, a question's or an indicator: why they are left out. */
const suppressed = z
  .string()
  .optional()
  .meta({ description: 'Why the figures are left out (privacy.minResponses or privacy.minGroupSize)' });

// The published figures are the metrics' own schemas (metrics/schema.ts), with what disclosure control changes.
const Engagement = EngagementFigures.extend({
  engaged: EngagementFigures.shape.engaged.meta({
    description:
      'Units with at least one member at a session, sorted; without units below privacy.minGroupSize members ' +
      'when privacy.listSmallUnits is false',
  }),
  unengaged: EngagementFigures.shape.unengaged.meta({ description: 'Units with none, sorted; likewise' }),
  engagedCount: count('How many units were engaged, named or not'),
  unengagedCount: count('How many units were not, named or not'),
  attendance: byUnit('Member attendances by unit; units with fewer members than privacy.minGroupSize are left out'),
  members: byUnit('Members in the year by unit; units with fewer members than privacy.minGroupSize are left out'),
});

const Scale = ScaleFigures.partial().extend({ n: ScaleFigures.shape.n, suppressed });

/** A question's figures without their type (the survey file has it), every field present where its type has it. */
const Question = z
  .object({
    n: count('Responses with an answer').optional(),
    asked: count('Responses shown the question (askedIf)').optional(),
    notApplicable: ScaleFigures.shape.notApplicable.optional(),
    mean: ScaleFigures.shape.mean.optional(),
    median: ScaleFigures.shape.median.optional(),
    counts: ScaleFigures.shape.counts.optional(),
    coded: count('With a codebook: written answers given at least one code').optional(),
    codes: z
      .record(z.string(), z.number().int().min(0))
      .optional()
      .meta({ description: 'With a codebook: written answers given each code, zeros included' }),
    items: z
      .record(z.string(), Scale)
      .optional()
      .meta({ description: 'A matrix question: each item with its scale figures' }),
    suppressed,
  })
  .meta({ description: "A question's figures, as the data model defines them" });

const Survey = SurveyFigures.extend({
  questions: z
    .record(z.string(), Question)
    .optional()
    .meta({ description: 'By question id; absent when the survey has fewer responses than privacy.minResponses' }),
  suppressed,
});

const roundedNote = 'rounded to privacy.roundMentees where set';
const MeetingCounts = MeetingCountFigures.extend({
  mentees: MeetingCountFigures.shape.mentees.meta({ description: `Mentees allocated, ${roundedNote}` }),
  menteesMet: MeetingCountFigures.shape.menteesMet.meta({ description: `Distinct mentees met, ${roundedNote}` }),
});
const Pooled = PooledCoverageFigures.extend({
  mentees: PooledCoverageFigures.shape.mentees.nullable(),
  menteesMet: PooledCoverageFigures.shape.menteesMet.nullable(),
  suppressed,
});
const Meetings = MeetingFigures.extend(MeetingCounts.shape).extend({
  units: z
    .record(z.string(), MeetingCounts)
    .meta({ description: 'Each unit with returns and privacy.minGroupSize mentees or more, by unit id' }),
  unitsWithheld: count('Units with returns but fewer mentees than privacy.minGroupSize: in the totals only'),
  engaged: Pooled.meta({ description: 'Departments engaged with the community, with returns (an association)' }),
  notEngaged: Pooled.meta({ description: 'Departments not engaged, with returns' }),
});

const Mentoring = MentoringFigures.extend({
  byUnit: MentoringFigures.shape.byUnit.meta({
    description: 'The counts of each unit with privacy.minGroupSize members or more that year',
  }),
  unitsWithheld: count('Units with fewer members: in the totals only'),
});
const Pathway = PathwayFigures.partial().extend({
  title: PathwayFigures.shape.title,
  stages: PathwayFigures.shape.stages,
  suppressed,
});

const Year = YearFigures.extend({
  departments: DepartmentFigures.extend(Engagement.shape),
  services: Engagement,
  surveys: z.record(z.string(), Survey).meta({ description: 'The year’s surveys by id' }),
  mentoring: Mentoring.optional().meta({ description: 'Members by mentoring status; absent unless some have one' }),
  pathways: z
    .record(z.string(), Pathway)
    .optional()
    .meta({ description: 'Each pathway; its figures absent when fewer than privacy.minGroupSize members started' }),
  meetings: Meetings.optional().meta({ description: 'Mentoring meetings from the year’s returns; absent without' }),
  valueCreation: z
    .record(z.string(), z.array(IndicatorFigures.extend({ suppressed })))
    .optional()
    .meta({ description: 'Value-creation evidence by cycle, in the order of data/community.json’s mapping' }),
});

const PublishedMetricsSchema = z
  .object({
    schemaVersion: z.literal(METRICS_SCHEMA_VERSION).meta({ description: 'The version of this format' }),
    privacy: z.object({
      minResponses: z.number().int().min(1).meta({ description: 'A survey with fewer responses shows only its count' }),
      minGroupSize: z.number().int().min(1).meta({ description: 'No breakdown, unit count or attendance of fewer' }),
      listSmallUnits: z
        .boolean()
        .meta({ description: 'Whether units below minGroupSize members are named as engaged or not' }),
      roundMentees: z
        .number()
        .int()
        .min(1)
        .optional()
        .meta({ description: 'The base counts of mentees are rounded to, where set' }),
      note: z.string().meta({ description: 'What is left out, in words' }),
    }),
    years: z.array(Year).meta({ description: 'Every academic year of the records, oldest first' }),
    cohorts: z
      .array(CohortFigures)
      .meta({ description: 'Each year’s first-time members, followed through the years after' }),
  })
  .meta({
    title: 'Community of practice metrics',
    description:
      'reports/metrics.json: the published metrics of a community of practice, with disclosure control applied',
  });

export type PublishedMetrics = z.input<typeof PublishedMetricsSchema>;

/** The published metrics' schema, for the documentation of every field. */
export const PUBLISHED_METRICS = PublishedMetricsSchema;

export function metricsSchemaText(): string {
  const schema = z.toJSONSchema(PublishedMetricsSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    io: 'input',
  });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
