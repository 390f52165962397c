import type { AcademicYear, IsoDate } from '../model/dates.js';
import type { SessionFormat, SessionType } from '../model/session.js';

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
}

export interface MemberMetrics {
  total: number;
  attendedAny: number;
  attendedAtLeast3: number;
  new: number;
  retained: number;
  left: number;
  academic: number;
  professional: number;
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
  /** Open actions whose due date fell before `asOf`: the year's last day, or the latest record in a year in progress. */
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
}

export type QuestionMetrics = ChoiceMetrics | (ScaleMetrics & { asked?: number }) | { asked?: number; items: Record<string, ScaleMetrics> } | TextMetrics;

export interface SurveyMetrics {
  title: string;
  file: string;
  responses: number;
  population: number | null;
  responseRate: number | null;
  questions: Record<string, QuestionMetrics>;
}

export interface AllMetrics {
  years: YearMetrics[];
}
