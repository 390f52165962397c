import { ascending } from 'd3-array';
import { firstDay, lastDay, type AcademicYear } from '../model/dates.js';
import type { Lookup } from '../model/lookup.js';
import type { Session, SurveyFile } from '../model/repository.js';
import { meetingMetrics } from './meetings.js';
import { mentoringMetrics, pathwayMetrics } from './pathways.js';
import { outputRecords, sessionRecord, surveyRecord } from './records.js';
import { departmentChanges, engagement } from './engagement.js';
import { memberMetrics, membersIn } from './participation.js';
import { sessionMetrics } from './sessions.js';
import { attendeesOf, cohortsOf, firstSessions, healthOf } from './health.js';
import { valueCreationOf } from './value-creation.js';
import { surveyMetrics } from './survey-results.js';
import { statusOf } from '../model/session.js';
import type {
  ActionMetrics,
  AllMetrics,
  CalendarEntry,
  EngagementMetrics,
  ThemeMetrics,
  YearMetrics,
} from './types.js';
import { latestRecord, repositoryYears } from './years.js';

const bySessionOrder = (a: Session, b: Session): number => ascending(a.data.date, b.data.date) || ascending(a.id, b.id);

/**
 * What each year's metrics start from, worked out for every year in turn because each year's departments and health
 * are told against the years before: the year's sessions, members and departments. The rest of a year's metrics
 * (surveys, meetings, pathways, value creation, records) are the year's own, and made when asked for.
 */
interface Chain {
  years: AcademicYear[];
  yearStart: string;
  first: ReturnType<typeof firstSessions>;
  attendeesByYear: Map<AcademicYear, ReturnType<typeof attendeesOf>>;
  latest: string | undefined;
  of: Map<
    AcademicYear,
    {
      sessions: Session[];
      current: Set<string>;
      members: YearMetrics['members'];
      departments: EngagementMetrics;
      changes: ReturnType<typeof departmentChanges>;
    }
  >;
  /** The years made so far. */
  made: Map<AcademicYear, YearMetrics>;
}

function chainOf(lookup: Lookup): Chain {
  const yearStart = lookup.yearStart;
  if (yearStart === undefined) throw new Error('metrics need data/community.json with a valid yearStart');
  const years = repositoryYears(lookup);
  const held = [...lookup.repo.sessions].sort(bySessionOrder);
  const sessionsByYear = new Map<AcademicYear, Session[]>();
  for (const s of held) {
    const y = lookup.yearOf(s.data.date);
    const list = sessionsByYear.get(y);
    if (list) list.push(s);
    else sessionsByYear.set(y, [s]);
  }
  const first = firstSessions(held, (date) => lookup.yearOf(date));
  const attendeesByYear = new Map(years.map((y) => [y, attendeesOf(sessionsByYear.get(y) ?? [])]));
  const history: Array<{ year: AcademicYear; departments: EngagementMetrics }> = [];
  const of: Chain['of'] = new Map();
  let before: { year: AcademicYear; attendedAny: number } | undefined;
  for (const year of years) {
    const sessions = sessionsByYear.get(year) ?? [];
    const current = membersIn(lookup, year);
    const health = healthOf(
      year,
      sessions,
      current,
      first,
      before && { attendees: attendeesByYear.get(before.year)!, attendedAny: before.attendedAny },
    );
    const members = { ...memberMetrics(lookup, year, sessions, current), ...health };
    const departments = engagement(lookup, year, sessions, 'department', current);
    const previous = history[history.length - 1]?.departments;
    const changes = departmentChanges(departments, previous, history);
    history.push({ year, departments });
    of.set(year, { sessions, current, members, departments, changes });
    before = { year, attendedAny: members.attendedAny };
  }
  return { years, yearStart, first, attendeesByYear, latest: latestRecord(lookup), of, made: new Map() };
}

/** A year's metrics, made once per chain. */
function yearMetrics(lookup: Lookup, chain: Chain, year: AcademicYear): YearMetrics {
  const made = chain.made.get(year);
  if (made) return made;
  const { yearStart, latest, first } = chain;
  const { sessions, current, members, departments, changes } = chain.of.get(year)!;
  const community = lookup.repo.community?.data;
  const last = lastDay(year, yearStart);
  const asOf = latest !== undefined && latest < last ? latest : last;
  const surveyFiles = surveyFilesOf(lookup, year);
  const surveys = Object.fromEntries(
    surveyFiles.map((s) => [s.data.id, surveyMetrics(lookup, s, members.attendedAny)]),
  );
  const outputs = lookup.repo.outputs ? outputRecords(lookup, year, firstDay(year, yearStart), last) : null;
  const actions = actionMetrics(sessions, asOf);
  const services = engagement(lookup, year, sessions, 'service', current);
  const meetings = meetingMetrics(lookup, year, departments);
  const mentoring = mentoringMetrics(lookup, current, asOf);
  const pathways = pathwayMetrics(lookup, firstDay(year, yearStart), last);
  const valueCreation =
    community &&
    valueCreationOf(
      community,
      {
        members,
        departments: { ...departments, ...changes },
        services,
        actions,
        ...(meetings ? { meetings } : {}),
        ...(pathways ? { pathways } : {}),
      },
      surveys,
      surveyFiles,
      outputs ?? [],
    );
  const metrics: YearMetrics = {
    year,
    firstDay: firstDay(year, yearStart),
    lastDay: last,
    asOf,
    inProgress: asOf < last,
    members,
    sessions: sessionMetrics(lookup, sessions, first),
    departments: { ...departments, ...changes },
    services,
    themes: themeMetrics(lookup, sessions),
    actions,
    surveys,
    ...(mentoring ? { mentoring } : {}),
    ...(pathways ? { pathways } : {}),
    ...(meetings ? { meetings } : {}),
    ...(valueCreation ? { valueCreation } : {}),
    records: {
      sessions: Object.fromEntries(sessions.map((s) => [s.id, sessionRecord(s)])),
      surveys: Object.fromEntries(surveyFiles.map((s) => [s.data.id, surveyRecord(s)])),
      outputs,
    },
  };
  chain.made.set(year, metrics);
  return metrics;
}

function allOf(lookup: Lookup, chain: Chain): AllMetrics {
  return {
    years: chain.years.map((y) => yearMetrics(lookup, chain, y)),
    cohorts: cohortsOf(chain.years, chain.attendeesByYear, chain.first),
    units: lookup.repo.units.entries.map((e) => e.data),
    calendar: calendarOf(lookup),
  };
}

/** Every metric of every academic year in the repository, oldest first. Pure: the same model gives the same numbers. */
export function computeMetrics(lookup: Lookup): AllMetrics {
  return allOf(lookup, chainOf(lookup));
}

const chains = new WeakMap<Lookup, Chain>();
const cachedChain = (lookup: Lookup): Chain => {
  let chain = chains.get(lookup);
  if (!chain) {
    chain = chainOf(lookup);
    chains.set(lookup, chain);
  }
  return chain;
};

/**
 * computeMetrics, made once per lookup and shared: the validator's narrative checks and the build that follows them
 * read the same figures. The metrics are read, never changed, by those who ask.
 */
export function metricsOf(lookup: Lookup): AllMetrics {
  return allOf(lookup, cachedChain(lookup));
}

/**
 * The years of the records, and one year's metrics when asked for, as metricsOf has them: a narrative names the
 * figures of a year or two, and the validator makes only those (the build then makes the rest).
 */
export function yearsOf(lookup: Lookup): YearSource {
  const chain = cachedChain(lookup);
  return { years: chain.years, year: (y) => (chain.of.has(y) ? yearMetrics(lookup, chain, y) : undefined) };
}

/** The years of some metrics, and each year's metrics when asked for. */
export interface YearSource {
  years: readonly AcademicYear[];
  year: (y: AcademicYear) => YearMetrics | undefined;
}

function calendarOf(lookup: Lookup): CalendarEntry[] {
  const usual = lookup.repo.community?.data.sessionTime;
  return [...lookup.repo.sessions, ...lookup.repo.scheduledSessions].sort(bySessionOrder).map((s) => ({
    id: s.id,
    file: s.file,
    year: lookup.yearOf(s.data.date),
    date: s.data.date,
    // A session without a time of its own is at the community's usual time, if it has one.
    ...((s.data.time ?? usual) ? { time: s.data.time ?? usual } : {}),
    title: s.data.title,
    type: s.data.type,
    format: s.data.format,
    status: statusOf(s.data),
    ...(s.data.location ? { location: s.data.location } : {}),
    themes: s.data.themes,
  }));
}

function themeMetrics(lookup: Lookup, sessions: readonly Session[]): ThemeMetrics[] {
  const themes = lookup.repo.community?.data.themes ?? [];
  return themes
    .map((t) => ({ id: t.id, sessions: sessions.filter((s) => s.data.themes.includes(t.id)).map((s) => s.id) }))
    .filter((t) => t.sessions.length > 0);
}

function actionMetrics(sessions: readonly Session[], asOf: string): ActionMetrics {
  const actions = sessions.flatMap((s) => s.data.actions ?? []);
  return {
    recorded: actions.length,
    done: actions.filter((a) => a.status === 'done').length,
    open: actions.filter((a) => a.status === 'open').length,
    dropped: actions.filter((a) => a.status === 'dropped').length,
    pastDue: actions
      .filter((a) => a.status === 'open' && a.due !== undefined && a.due < asOf)
      .map((a) => a.id)
      .sort(ascending),
  };
}

function surveyFilesOf(lookup: Lookup, year: AcademicYear): SurveyFile[] {
  return lookup.repo.surveys
    .filter((s) => lookup.yearOf(s.data.opened) === year)
    .sort((a, b) => ascending(a.data.opened, b.data.opened) || ascending(a.data.id, b.data.id));
}

/** The figures alone, as `cop metrics` prints them: without what only the reports print. */
export function figuresOf(metrics: AllMetrics): {
  years: Array<Omit<YearMetrics, 'records'>>;
  cohorts: AllMetrics['cohorts'];
} {
  return { years: metrics.years.map(({ records: _records, ...figures }) => figures), cohorts: metrics.cohorts };
}
