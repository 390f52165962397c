import { wilson } from '../format/numbers.js';
import type { MeetingReturn, MeetingUnit } from '../model/meeting.js';
import type { Lookup } from '../model/lookup.js';
import type { AcademicYear } from '../model/dates.js';
import type { EngagementMetrics, MeetingCountMetrics, MeetingMetrics, PooledCoverage } from './types.js';
import { compareStrings } from '../format/compare.js';

type Tallies = Record<string, number>;

/** Sums of counts by key, the keys sorted so that the figures do not depend on the order of the returns. */
function sum(all: ReadonlyArray<Tallies | undefined>): Tallies {
  const out = new Map<string, number>();
  for (const t of all) for (const [k, v] of Object.entries(t ?? {})) out.set(k, (out.get(k) ?? 0) + v);
  return Object.fromEntries([...out].sort(([a], [b]) => compareStrings(a, b)));
}

const coverageOf = (met: number, of: number) => {
  const ci = wilson(met, of);
  return {
    coverage: of === 0 ? null : met / of,
    coverageLow: ci?.low ?? null,
    coverageHigh: ci?.high ?? null,
  };
};

function figures(parts: Omit<MeetingCountMetrics, 'coverage' | 'coverageLow' | 'coverageHigh' | 'perMenteeMet'>) {
  const oneToOne = parts.meetings['one-to-one'] ?? 0;
  return {
    ...parts,
    ...coverageOf(parts.menteesMet, parts.mentees),
    perMenteeMet: parts.menteesMet === 0 ? null : oneToOne / parts.menteesMet,
  };
}

/**
 * One unit's year from its returns: allocations (mentors, mentees) are the largest of any return, not sums; mentees
 * met are the largest of cumulative returns and otherwise summed, never more than the mentees allocated; meetings,
 * modes, referrals and topics are sums.
 */
function unitYear(entries: ReadonlyArray<{ entry: MeetingUnit; cumulative: boolean }>): MeetingCountMetrics {
  const max = (f: (u: MeetingUnit) => number | undefined) => Math.max(0, ...entries.map((e) => f(e.entry) ?? 0));
  const mentees = max((u) => u.mentees);
  const met = entries.every((e) => e.cumulative)
    ? max((u) => u.menteesMet)
    : entries.reduce((n, e) => n + (e.entry.menteesMet ?? 0), 0);
  return figures({
    mentors: max((u) => u.mentors),
    mentorsReporting: max((u) => u.mentorsReporting),
    mentees,
    menteesMet: mentees > 0 ? Math.min(met, mentees) : met,
    meetings: sum(entries.map((e) => e.entry.meetings)),
    modes: sum(entries.map((e) => e.entry.modes)),
    referrals: sum(entries.map((e) => e.entry.referrals)),
    topics: sum(entries.map((e) => e.entry.topics)),
  });
}

function pooled(units: readonly MeetingCountMetrics[]): PooledCoverage {
  const mentees = units.reduce((n, u) => n + u.mentees, 0);
  const menteesMet = units.reduce((n, u) => n + u.menteesMet, 0);
  return { units: units.length, mentees, menteesMet, ...coverageOf(menteesMet, mentees) };
}

/**
 * The year's mentoring meetings, per unit and for all units (sums over the units with returns), and the coverage of
 * the departments engaged with the community that year against those not engaged: an association, not an effect.
 * Undefined for a year without returns.
 */
export function meetingMetrics(
  lookup: Lookup,
  year: AcademicYear,
  departments: Pick<EngagementMetrics, 'engaged'>,
): MeetingMetrics | undefined {
  const returns: MeetingReturn[] = lookup.repo.meetings
    .filter((m) => lookup.yearStart !== undefined && lookup.yearOf(m.data.period.from) === year)
    .map((m) => m.data);
  if (returns.length === 0) return undefined;
  const byUnit = new Map<string, Array<{ entry: MeetingUnit; cumulative: boolean }>>();
  for (const r of returns)
    for (const entry of r.units)
      byUnit.set(entry.unit, [...(byUnit.get(entry.unit) ?? []), { entry, cumulative: r.cumulative === true }]);
  const units = Object.fromEntries(
    [...byUnit].sort(([a], [b]) => compareStrings(a, b)).map(([unit, entries]) => [unit, unitYear(entries)]),
  );
  const all = Object.values(units);
  const total = (f: (u: MeetingCountMetrics) => number) => all.reduce((n, u) => n + f(u), 0);
  const departmentUnits = Object.entries(units).filter(([id]) => lookup.unit(id)?.kind === 'department');
  const engaged = new Set(departments.engaged);
  return {
    ...figures({
      mentors: total((u) => u.mentors),
      mentorsReporting: total((u) => u.mentorsReporting),
      mentees: total((u) => u.mentees),
      menteesMet: total((u) => u.menteesMet),
      meetings: sum(all.map((u) => u.meetings)),
      modes: sum(all.map((u) => u.modes)),
      referrals: sum(all.map((u) => u.referrals)),
      topics: sum(all.map((u) => u.topics)),
    }),
    returns: returns.length,
    units,
    engaged: pooled(departmentUnits.filter(([id]) => engaged.has(id)).map(([, u]) => u)),
    notEngaged: pooled(departmentUnits.filter(([id]) => !engaged.has(id)).map(([, u]) => u)),
  };
}
