import { ascending, rollup } from 'd3-array';
import type { AcademicYear } from '../model/dates.js';
import type { Lookup } from '../model/lookup.js';
import type { Session } from '../model/repository.js';
import type { Unit } from '../model/unit.js';
import type { DepartmentChanges, EngagementMetrics } from './types.js';

const byId = (a: string, b: string): number => ascending(a, b);

/**
 * Which units of a kind existed in the year and which of them were engaged: at least one
 * member of the unit attended a session. Guests do not engage a unit.
 */
export function engagement(
  lookup: Lookup,
  year: AcademicYear,
  sessions: readonly Session[],
  kind: Unit['kind'],
  members: ReadonlySet<string>,
): EngagementMetrics {
  const existing = [...lookup.units.values()].filter((u) => u.kind === kind && lookup.unitExistsIn(u, year));
  const attendance = rollup(
    sessions.flatMap((s) =>
      [...new Set(s.data.attendees)].map((a) => lookup.memberUnit(a)?.id).filter((u): u is string => u !== undefined),
    ),
    (v) => v.length,
    (u) => u,
  );
  const engaged = existing
    .filter((u) => attendance.has(u.id))
    .map((u) => u.id)
    .sort(byId);
  const unengaged = existing
    .filter((u) => !attendance.has(u.id))
    .map((u) => u.id)
    .sort(byId);
  const size = rollup(
    [...members].map((m) => lookup.memberUnit(m)?.id).filter((u): u is string => u !== undefined),
    (v) => v.length,
    (u) => u,
  );
  return {
    total: existing.length,
    engaged,
    unengaged,
    attendance: Object.fromEntries(engaged.map((id) => [id, attendance.get(id)!])),
    members: Object.fromEntries(existing.filter((u) => size.has(u.id)).map((u) => [u.id, size.get(u.id)!])),
  };
}

/**
 * Year-on-year changes of department engagement. `previous` is undefined for the first
 * year of the repository, whose year before has no records.
 */
export function departmentChanges(
  current: EngagementMetrics,
  previous: EngagementMetrics | undefined,
  history: ReadonlyArray<{ year: AcademicYear; departments: EngagementMetrics }>,
): DepartmentChanges {
  const streak: Record<string, number> = {};
  for (const id of current.unengaged) {
    let n = 1;
    for (let i = history.length - 1; i >= 0 && history[i]!.departments.unengaged.includes(id); i--) n++;
    streak[id] = n;
  }
  if (!previous) return { unengagedStreak: streak };
  const wasEngaged = new Set(previous.engaged);
  const unengagedNow = new Set(current.unengaged);
  return {
    newlyEngaged: current.engaged.filter((id) => !wasEngaged.has(id)),
    lapsed: previous.engaged.filter((id) => unengagedNow.has(id)).sort(byId),
    unengagedStreak: streak,
  };
}
