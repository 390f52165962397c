import type { z } from 'zod';
import type { ValueCycle } from '../model/community.js';
import type { Output } from '../model/output.js';
import type { SessionFormat, SessionStatus, SessionType } from '../model/session.js';
import type { Question } from '../model/survey.js';
import type { Unit } from '../model/unit.js';
import type { AcademicYear, IsoDate } from '../model/dates.js';
import type {
  ActionFigures,
  CohortFigures,
  DepartmentFigures,
  EngagementFigures,
  IndicatorFigures,
  MeetingCountFigures,
  MeetingFigures,
  MemberFigures,
  MentoringFigures,
  PathwayFigures,
  PooledCoverageFigures,
  QuestionFigures,
  ScaleFigures,
  SessionFigures,
  SurveyFigures,
  ThemeFigures,
  YearFigures,
} from './schema.js';

// The figures' types are their schemas' (metrics/schema.ts): one source, with what each field means.
export type MemberMetrics = z.output<typeof MemberFigures>;
/** Community health across years: the year's tiers, its newcomers and its returners. */
export type HealthMetrics = Pick<
  MemberMetrics,
  'core' | 'occasional' | 'peripheral' | 'firstTime' | 'returning' | 'attendanceRetention'
>;
export type SessionMetrics = z.output<typeof SessionFigures>;
export type EngagementMetrics = z.output<typeof EngagementFigures>;
export type DepartmentChanges = Omit<z.output<typeof DepartmentFigures>, keyof EngagementMetrics>;
export type ThemeMetrics = z.output<typeof ThemeFigures>;
export type ActionMetrics = z.output<typeof ActionFigures>;
export type ScaleMetrics = z.output<typeof ScaleFigures>;
/** A question's figures, tagged with its type. */
export type QuestionMetrics = z.output<typeof QuestionFigures>;
export type SurveyMetrics = z.output<typeof SurveyFigures>;
/** One piece of value-creation evidence for a year. */
export type IndicatorValue = z.output<typeof IndicatorFigures>;
export type MentoringMetrics = z.output<typeof MentoringFigures>;
export type PathwayMetrics = z.output<typeof PathwayFigures>;
export type MeetingCountMetrics = z.output<typeof MeetingCountFigures>;
export type MeetingMetrics = z.output<typeof MeetingFigures>;
export type PooledCoverage = z.output<typeof PooledCoverageFigures>;
/** One year's intake of first-time members, followed through the years after. */
export type CohortMetrics = z.output<typeof CohortFigures>;

/** A year's figures, and what the reports print besides them (its records). */
export interface YearMetrics extends Omit<z.output<typeof YearFigures>, 'valueCreation'> {
  /**
   * Evidence by cycle of the value-creation framework, in the order of data/community.json's mapping; absent without
   * one.
   */
  valueCreation?: Partial<Record<ValueCycle, IndicatorValue[]>>;
  /** What the reports print besides the figures; not part of the published metrics. */
  records: YearRecords;
}

interface YearRecords {
  sessions: Record<string, SessionRecord>;
  surveys: Record<string, SurveyRecord>;
  /** Null when the repository keeps no data/outputs.json. */
  outputs: OutputRecord[] | null;
}

export interface SessionRecord {
  file: string;
  themes: string[];
  /** The minutes' Markdown body, as written: the report reads its `## Summary` points. Text, never a Markdown tree. */
  body: string;
  actions: Array<{ id: string; text: string; status: 'open' | 'done' | 'dropped'; owner?: string; due?: IsoDate }>;
}

export interface SurveyRecord {
  questions: Question[];
  /** The written answers chosen for publication, by question, with the codes they were given. */
  quotes: Array<{ question: string; text: string; codes: string[] }>;
  /** The themes written answers are coded with; empty without a codebook. */
  codebook: Array<{ id: string; title: string; description?: string }>;
}

export type OutputRecord = Omit<Output, 'authors'> & { authors: string[] };

export interface AllMetrics {
  years: YearMetrics[];
  /** Every unit, for the names and kinds the reports print. */
  units: Unit[];
  /** Each year's first-time members followed through the years: over all years. */
  cohorts: CohortMetrics[];
  /**
   * Every minutes file, held, planned or cancelled, by date: the calendar and the lists of sessions to come. Not
   * figures.
   */
  calendar: CalendarEntry[];
}

/** A session as a calendar shows it. Planned and cancelled sessions are here and nowhere among the figures. */
export interface CalendarEntry {
  id: string;
  file: string;
  /** The academic year of its date, which may be one the repository has no figures for yet. */
  year: AcademicYear;
  date: IsoDate;
  /** `12:00-14:00`, local to the community's time zone; absent for a session of no set time. */
  time?: string;
  title: string;
  type: SessionType;
  format: SessionFormat;
  status: SessionStatus;
  location?: string;
  themes: string[];
}
