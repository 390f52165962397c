import { compareYears, yearRange, type AcademicYear, type IsoDate } from '../model/dates.js';
import type { Lookup } from '../model/lookup.js';

/**
 * The repository's years: from the year of the earliest minutes to that of the latest
 * minutes or survey, with no gaps (a year with no sessions is still a year).
 */
export function repositoryYears(lookup: Lookup): AcademicYear[] {
  const years = [
    ...lookup.repo.sessions.map((s) => lookup.yearOf(s.data.date)),
    ...lookup.repo.surveys.map((s) => lookup.yearOf(s.data.opened)),
  ].sort(compareYears);
  const firstSession = lookup.repo.sessions.map((s) => lookup.yearOf(s.data.date)).sort(compareYears)[0];
  const first = firstSession ?? years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return [];
  return yearRange(first, last);
}

/**
 * The date of the latest record: a session, a survey's opening or closing, an output, the end of a meeting
 * return's period, a stage reached on a pathway or a withdrawal.
 * A year whose last day comes after it is still in progress: its figures describe the
 * year so far, and what falls due later is not yet late.
 */
export function latestRecord(lookup: Lookup): IsoDate | undefined {
  const dates = [
    ...lookup.repo.sessions.map((s) => s.data.date),
    ...lookup.repo.surveys.flatMap((s) => [s.data.opened, ...(s.data.closed ? [s.data.closed] : [])]),
    ...(lookup.repo.outputs?.entries ?? []).flatMap((o) => (o.data.date ? [o.data.date] : [])),
    ...lookup.repo.meetings.map((m) => m.data.period.to),
    ...(lookup.repo.pathways?.data.progress ?? []).flatMap((p) => [
      ...Object.values(p.stages),
      ...(p.withdrawn ? [p.withdrawn] : []),
    ]),
  ];
  return dates.reduce<IsoDate | undefined>((max, d) => (max === undefined || d > max ? d : max), undefined);
}
