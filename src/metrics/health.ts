import type { AcademicYear } from '../model/dates.js';
import type { Session } from '../model/repository.js';
import type { CohortMetrics, HealthMetrics } from './types.js';

/** Each member's first session ever, over every held session in date order (ties by id). */
export function firstSessions(
  sessionsInOrder: readonly Session[],
  yearOf: (date: string) => AcademicYear,
): Map<string, { session: string; year: AcademicYear }> {
  const first = new Map<string, { session: string; year: AcademicYear }>();
  for (const s of sessionsInOrder)
    for (const id of s.data.attendees) if (!first.has(id)) first.set(id, { session: s.id, year: yearOf(s.data.date) });
  return first;
}

/** Distinct member attendees of a year's sessions. */
export function attendeesOf(sessions: readonly Session[]): Set<string> {
  return new Set(sessions.flatMap((s) => s.data.attendees));
}

/**
 * The community's health in a year: its core (at least half of the year's sessions), its
 * occasional members (at least one, fewer than half) and its periphery (none); who came for
 * the first time, who came back from the year before, and the share of last year's
 * participants that did. `previous` is undefined for the repository's first year.
 */
export function healthOf(
  year: AcademicYear,
  sessions: readonly Session[],
  members: ReadonlySet<string>,
  first: ReadonlyMap<string, { year: AcademicYear }>,
  previous: { attendees: ReadonlySet<string>; attendedAny: number } | undefined,
): HealthMetrics {
  const attended = new Map<string, number>();
  for (const s of sessions) for (const id of new Set(s.data.attendees)) attended.set(id, (attended.get(id) ?? 0) + 1);
  let core = 0;
  let occasional = 0;
  let firstTime = 0;
  let returning = 0;
  for (const id of members) {
    const n = attended.get(id) ?? 0;
    if (n > 0 && 2 * n >= sessions.length) core++;
    else if (n > 0) occasional++;
    if (first.get(id)?.year === year) firstTime++;
    if (n > 0 && previous?.attendees.has(id)) returning++;
  }
  return {
    core,
    occasional,
    peripheral: members.size - core - occasional,
    firstTime,
    ...(previous ? { returning } : {}),
    ...(previous && previous.attendedAny > 0 ? { attendanceRetention: returning / previous.attendedAny } : {}),
  };
}

/** Each year's first-time members, and how many of them attended in each year from then on. */
export function cohortsOf(
  years: readonly AcademicYear[],
  attendeesByYear: ReadonlyMap<AcademicYear, ReadonlySet<string>>,
  first: ReadonlyMap<string, { year: AcademicYear }>,
): CohortMetrics[] {
  return years.flatMap((c, i) => {
    const cohort = [...first].filter(([, f]) => f.year === c).map(([id]) => id);
    if (cohort.length === 0) return [];
    const attended = Object.fromEntries(
      years.slice(i).map((y) => [y, cohort.filter((id) => attendeesByYear.get(y)?.has(id)).length]),
    );
    return [{ year: c, size: cohort.length, attended }];
  });
}
