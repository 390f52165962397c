import { z } from 'zod';
import { SESSION_FORMATS, SESSION_TYPES } from '../model/session.js';

/**
 * The figures of the analytics, one zod schema each, with what each field means: the one source
 * of the metrics' TypeScript types (metrics/types.ts), of `reports/metrics.json`'s JSON Schema
 * (reports/metrics-schema.ts extends these with disclosure control) and of docs/metrics-fields.md.
 */
const count = (description: string) => z.number().int().min(0).meta({ description });
const ids = (description: string) => z.array(z.string()).meta({ description });
const date = (description: string) => z.string().meta({ description, format: 'date' });
export const byUnit = (description: string) => z.record(z.string(), z.number().int().min(0)).meta({ description });
const counts = (description: string) => z.record(z.string(), z.number().int().min(0)).meta({ description });

export const MemberFigures = z.object({
  total: count('Members in the year'),
  attendedAny: count('Members at one session or more'),
  attendedAtLeast3: count('Members at three sessions or more'),
  new: count('Members who were not members the year before'),
  retained: count('Members who were'),
  left: count('Members of the year before who are not members now'),
  academic: count('Academic members'),
  professional: count('Professional members'),
  roles: counts('Members by role, every role of the community (built-in and its own) with zeros'),
  core: count('Members at half of the year’s sessions or more'),
  occasional: count('Members at one session or more, fewer than half'),
  peripheral: count('Members at no session (every member, in a year without sessions)'),
  firstTime: count('Members whose first session ever is in the year'),
  returning: count('Members at a session this year and the year before; absent for the first year').optional(),
  attendanceRetention: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({
      description:
        'returning ÷ the year before’s attendedAny, unrounded; absent for the first year and when that ' + 'is 0',
    }),
});

export const SessionFigures = z.object({
  id: z.string().meta({ description: 'The session: its minutes file’s name without ".md"' }),
  date: date('The session’s date'),
  title: z.string(),
  type: z.enum(SESSION_TYPES),
  format: z.enum(SESSION_FORMATS),
  term: z.string().optional().meta({ description: 'The community’s term it fell in, where terms are set' }),
  memberAttendees: count('Members present'),
  guests: count('Guests present'),
  headcount: count('Members and guests'),
  departmentsPresent: count('Distinct departments among members and guests'),
  firstTime: count('Members for whom it was their first session ever'),
  actions: count('Actions recorded in the minutes'),
});

export const EngagementFigures = z.object({
  total: count('Units of this kind that existed in the year'),
  engaged: ids('Units with at least one member at a session, sorted'),
  unengaged: ids('Units with none, sorted'),
  attendance: byUnit('Member attendances (one per member per session) by unit, engaged units only'),
  members: byUnit('Members in the year by unit, units with members only'),
});

export const DepartmentFigures = EngagementFigures.extend({
  newlyEngaged: ids('Engaged this year, not the year before; absent for the first year').optional(),
  lapsed: ids('Engaged the year before, unengaged now; absent for the first year').optional(),
  unengagedStreak: byUnit('Consecutive unengaged years, up to this one, of each unengaged department'),
});

export const ThemeFigures = z.object({ id: z.string(), sessions: ids('Sessions that discussed the theme') });

export const ActionFigures = z.object({
  recorded: count('Actions recorded in the year’s minutes'),
  done: count('Done'),
  open: count('Open'),
  dropped: count('Dropped'),
  pastDue: ids('Open actions whose due date fell before asOf'),
});

export const ScaleFigures = z.object({
  n: count('Answers on the scale'),
  notApplicable: count('Answers off the scale ("Didn\'t attend")'),
  mean: z.number().nullable().meta({ description: 'Mean over n, unrounded' }),
  median: z.number().nullable().meta({ description: 'Median over n' }),
  counts: counts('Every option or scale value with its count, zeros included'),
});

const asked = count('Responses shown the question (askedIf)').optional();
const ChoiceFigures = z.object({ n: count('Responses with an answer'), asked, counts: ScaleFigures.shape.counts });
const TextFigures = z.object({
  n: count('Responses with a written answer'),
  asked,
  coded: count('With a codebook: written answers given at least one code').optional(),
  codes: counts('With a codebook: written answers given each code, zeros included').optional(),
});

/** A question's figures, tagged with its type. */
export const QuestionFigures = z.discriminatedUnion('type', [
  ChoiceFigures.extend({ type: z.enum(['single', 'multi']) }),
  ScaleFigures.extend({ type: z.literal('scale'), asked }),
  z.object({
    type: z.literal('matrix'),
    asked,
    items: z.record(z.string(), ScaleFigures).meta({ description: 'A matrix question: each item with its figures' }),
  }),
  TextFigures.extend({ type: z.literal('text') }),
]);

export const SurveyFigures = z.object({
  title: z.string(),
  file: z.string().meta({ description: 'The survey file, relative to the repository' }),
  responses: count('Responses'),
  population: z.number().int().min(0).nullable().meta({ description: 'Who was asked; null when it cannot be known' }),
  of: z
    .enum(['members', 'mentees', 'mentors'])
    .meta({ description: 'Whom it asked: members, or the mentees or mentors of the community’s mentoring' }),
  responseRate: z.number().nullable().meta({ description: 'responses ÷ population, unrounded' }),
  questions: z.record(z.string(), QuestionFigures).meta({ description: 'By question id' }),
  codes: counts('With a codebook: distinct responses given each code in any question, zeros included').optional(),
  wrote: count('With a codebook: responses with at least one written answer').optional(),
});

export const IndicatorFigures = z.object({
  label: z.string(),
  value: z
    .number()
    .nullable()
    .meta({
      description:
        'A share (0–1), a mean, a count or a figure; null when the survey is not in the year, has fewer responses ' +
        'than privacy.minResponses, or the figure does not exist that year',
    }),
  n: count("For survey evidence: the question's (or item's) n").optional(),
});

const share = (description: string) => z.number().min(0).max(1).nullable().meta({ description });

/** A unit's or all units' counts of mentoring meetings over a year, summed from the returns as the contract says. */
export const MeetingCountFigures = z.object({
  mentors: count('Mentors allocated: the largest of the year’s returns'),
  mentorsReporting: count('Mentors whose meetings are counted: the largest of the year’s returns'),
  mentees: count('Mentees allocated: the largest of the year’s returns'),
  menteesMet: count(
    'Distinct mentees met: the largest of cumulative returns, otherwise their sum; never more than mentees',
  ),
  meetings: counts('Meetings by type, summed'),
  modes: counts('Meetings by mode, summed'),
  referrals: counts('Referrals by service or referral target, summed'),
  topics: counts('Meetings by theme or meeting topic, summed'),
  coverage: share('menteesMet ÷ mentees, unrounded; null without mentees'),
  coverageLow: share('The 95% Wilson interval of the coverage: its lower end'),
  coverageHigh: share('Its upper end'),
  perMenteeMet: z
    .number()
    .min(0)
    .nullable()
    .meta({ description: 'One-to-one meetings ÷ mentees met, unrounded; null when none were met' }),
});

/** Coverage pooled over a group of department units with returns: an association, not an effect. */
export const PooledCoverageFigures = z.object({
  units: count('Department units in the group with returns'),
  mentees: count('Their mentees, summed'),
  menteesMet: count('Their mentees met, summed'),
  coverage: share('menteesMet ÷ mentees over the group, unrounded'),
  coverageLow: share('The 95% Wilson interval: its lower end'),
  coverageHigh: share('Its upper end'),
});

export const MeetingFigures = MeetingCountFigures.extend({
  returns: count('Meeting returns of the year'),
  units: z.record(z.string(), MeetingCountFigures).meta({ description: 'Each unit with returns, by unit id' }),
  engaged: PooledCoverageFigures.meta({
    description: 'Departments engaged with the community in the year (a member at a session), with returns',
  }),
  notEngaged: PooledCoverageFigures.meta({ description: 'Departments not engaged, with returns' }),
});

const statusCounts = z.object({
  active: count('Members in a mentoring relationship'),
  waiting: count('Members waiting to be matched'),
  none: count('Members with no mentoring role'),
  unknown: count('Members whose status the roster does not give'),
});

export const MentoringFigures = statusCounts.extend({
  byUnit: z.record(z.string(), statusCounts).meta({ description: 'The same counts for each unit with members' }),
  waitingWithSince: count('Members waiting who give since when'),
  medianDaysWaiting: z
    .number()
    .min(0)
    .nullable()
    .meta({ description: 'Median days those have waited by the day the figures describe; null without any' }),
});

export const PathwayFigures = z.object({
  title: z.string(),
  stages: z.array(z.string()).meta({ description: 'Its stages in order; the last is the award' }),
  reached: counts('Members who reached each stage in the year'),
  reachedByEnd: counts('Members who had reached each stage by the year’s end'),
  started: count('Members who reached the first stage in the year'),
  awarded: count('Members who reached the last stage, the award, in the year'),
  withdrawn: count('Members who withdrew in the year'),
  inProgress: count('Members at the year’s end with a stage reached, not the award, and not withdrawn'),
  everStarted: count('Members who had started by the year’s end'),
  completionRate: share('Of those, the share awarded by the year’s end, unrounded; null when nobody started'),
  medianDaysToAward: z
    .number()
    .min(0)
    .nullable()
    .meta({ description: 'Median days from the first stage to the award, over those awarded by the year’s end' }),
  cohorts: z
    .record(
      z.string(),
      z.object({
        started: count('Members'),
        awarded: count('Awarded'),
        withdrawn: count('Withdrew'),
        inProgress: count('In progress'),
      }),
    )
    .meta({ description: 'By the year members started: how they stand at the year’s end' }),
});

export const YearFigures = z.object({
  year: z.string().meta({ description: 'The academic year, 2024-25' }),
  firstDay: date('Its first day'),
  lastDay: date('Its last day'),
  asOf: date('The day the figures describe: the last day, or the latest record while the year is in progress'),
  inProgress: z.boolean(),
  members: MemberFigures,
  sessions: z.array(SessionFigures),
  departments: DepartmentFigures,
  services: EngagementFigures,
  themes: z.array(ThemeFigures),
  actions: ActionFigures,
  surveys: z.record(z.string(), SurveyFigures).meta({ description: 'The year’s surveys by id' }),
  mentoring: MentoringFigures.optional().meta({
    description: 'Members by mentoring status; absent unless the roster gives some member one',
  }),
  pathways: z
    .record(z.string(), PathwayFigures)
    .optional()
    .meta({ description: 'Each recognition pathway of data/pathways.json, by id; absent without the file' }),
  meetings: MeetingFigures.optional().meta({
    description: 'Mentoring meetings between sessions, from the year’s meeting returns; absent without any',
  }),
  valueCreation: z
    .record(z.string(), z.array(IndicatorFigures))
    .optional()
    .meta({ description: 'Value-creation evidence by cycle, in the order of data/community.json’s mapping' }),
});

export const CohortFigures = z.object({
  year: z.string().meta({ description: 'The year of the cohort’s first session' }),
  size: count('Members whose first session was that year'),
  attended: z
    .record(z.string(), z.number().int().min(0))
    .meta({ description: 'Year → how many of them came to a session in it, from the cohort’s year on' }),
});
