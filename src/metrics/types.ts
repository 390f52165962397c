import type { AcademicYear, IsoDate } from '../model/dates.js';
import type { ListItem } from 'mdast';
import type { ValueCycle } from '../model/community.js';
import type { Output } from '../model/output.js';
import type { SessionFormat, SessionStatus, SessionType } from '../model/session.js';
import type { Question } from '../model/survey.js';
import type { Unit } from '../model/unit.js';

/** The metrics contract of the data model, plus extra keys the reports use. */
export interface YearMetrics {
  year: AcademicYear;
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** The day the figures describe: the last day, or the latest record while the year is in progress. */
  asOf: IsoDate;
  inProgress: boolean;
  members: MemberMetrics;
  sessions: SessionMetrics[];
  departments: EngagementMetrics & DepartmentChanges;
  services: EngagementMetrics;
  themes: ThemeMetrics[];
  actions: ActionMetrics;
  surveys: Record<string, SurveyMetrics>;
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
  /** The points of its `## Summary` section, as Markdown list items. */
  summary: ListItem[];
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

export interface MemberMetrics extends HealthMetrics {
  total: number;
  attendedAny: number;
  attendedAtLeast3: number;
  new: number;
  retained: number;
  left: number;
  academic: number;
  professional: number;
  /** Members by role, every role of the community (built-in and its own) with zeros. */
  roles: Record<string, number>;
}

/** Community health across years: the year's tiers, its newcomers and its returners. */
export interface HealthMetrics {
  /** Members of the year who attended at least half of its sessions. */
  core: number;
  /** At least one session, fewer than half. */
  occasional: number;
  /** No session (every member, in a year without sessions). */
  peripheral: number;
  /** Members whose first session ever is in this year. */
  firstTime: number;
  /** Members who attended this year and the year before; absent for the first year. */
  returning?: number;
  /** `returning` ÷ the year before's `attendedAny`, unrounded; absent for the first year and when that is 0. */
  attendanceRetention?: number;
}

/** One year's intake of first-time members, followed through the years after. */
export interface CohortMetrics {
  year: AcademicYear;
  size: number;
  /** Year → how many of the cohort attended at least one session in it, from the cohort's year on. */
  attended: Record<AcademicYear, number>;
}

/** One piece of value-creation evidence for a year. */
export interface IndicatorValue {
  label: string;
  /**
   * Null when the survey is not in the year, or has fewer responses than privacy.minResponses, or the figure does not
   * exist that year.
   */
  value: number | null;
  /** For survey evidence: the question's (or item's) n. */
  n?: number;
}

export interface SessionMetrics {
  id: string;
  date: IsoDate;
  title: string;
  type: SessionType;
  format: SessionFormat;
  term?: string;
  memberAttendees: number;
  guests: number;
  headcount: number;
  departmentsPresent: number;
  /** Member attendees for whom it was their first session ever. */
  firstTime: number;
  /** Actions recorded in the minutes. */
  actions: number;
}

export interface EngagementMetrics {
  total: number;
  engaged: string[];
  unengaged: string[];
  /** Member attendances (one per member per session) by unit id, engaged units only. */
  attendance: Record<string, number>;
  /** Members in the year by unit id, units with members only. */
  members: Record<string, number>;
}

export interface DepartmentChanges {
  newlyEngaged?: string[];
  lapsed?: string[];
  unengagedStreak: Record<string, number>;
}

export interface ThemeMetrics {
  id: string;
  sessions: string[];
}

export interface ActionMetrics {
  recorded: number;
  done: number;
  open: number;
  dropped: number;
  /**
   * Open actions whose due date fell before `asOf`: the year's last day, or the latest record in a year in progress.
   */
  pastDue: string[];
}

export interface ScaleMetrics {
  n: number;
  notApplicable: number;
  mean: number | null;
  median: number | null;
  counts: Record<string, number>;
}

interface ChoiceMetrics {
  n: number;
  asked?: number;
  counts: Record<string, number>;
}

interface TextMetrics {
  n: number;
  asked?: number;
  /** With a codebook: answers given at least one code. */
  coded?: number;
  /** With a codebook: answers given each code, zeros included. */
  codes?: Record<string, number>;
}

/** A question's figures, tagged with its type. */
export type QuestionMetrics =
  | ({ type: 'single' | 'multi' } & ChoiceMetrics)
  | ({ type: 'scale' } & ScaleMetrics & { asked?: number })
  | { type: 'matrix'; asked?: number; items: Record<string, ScaleMetrics> }
  | ({ type: 'text' } & TextMetrics);

export interface SurveyMetrics {
  title: string;
  file: string;
  responses: number;
  population: number | null;
  responseRate: number | null;
  questions: Record<string, QuestionMetrics>;
  /** With a codebook: for each code, the distinct responses given it in any question. */
  codes?: Record<string, number>;
  /** With a codebook: responses with at least one written answer, what the codes' shares are of. */
  wrote?: number;
}

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
