import { compareYears, yearRange, type AcademicYear } from '../model/dates.js';
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
