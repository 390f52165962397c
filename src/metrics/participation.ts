import { rollup } from 'd3-array';
import { previousYear, type AcademicYear } from '../model/dates.js';
import type { Lookup } from '../model/lookup.js';
import type { Session } from '../model/repository.js';
import { wordsOf } from '../model/vocabulary.js';
import type { HealthMetrics, MemberMetrics } from './types.js';

/** Member ids in year Y (coordinators in `team` are not members). */
export function membersIn(lookup: Lookup, year: AcademicYear): Set<string> {
  const ids = new Set<string>();
  for (const m of lookup.members.values()) if (lookup.isMemberIn(m, year)) ids.add(m.id);
  return ids;
}

/** How many sessions of the year each member attended. */
function attendanceByMember(sessions: readonly Session[]): Map<string, number> {
  return rollup(
    sessions.flatMap((s) => [...new Set(s.data.attendees)]),
    (v) => v.length,
    (id) => id,
  );
}

export function memberMetrics(
  lookup: Lookup,
  year: AcademicYear,
  sessions: readonly Session[],
  now: ReadonlySet<string>,
): Omit<MemberMetrics, keyof HealthMetrics> {
  const before = membersIn(lookup, previousYear(year));
  const attended = attendanceByMember(sessions);
  let attendedAny = 0;
  let attendedAtLeast3 = 0;
  let academic = 0;
  for (const id of now) {
    const n = attended.get(id) ?? 0;
    if (n >= 1) attendedAny++;
    if (n >= 3) attendedAtLeast3++;
    if (lookup.members.get(id)?.role === 'academic') academic++;
  }
  const retained = [...now].filter((id) => before.has(id)).length;
  const roles = Object.fromEntries(wordsOf(lookup.repo.community?.data).roles.map((r) => [r.id, 0]));
  for (const id of now) {
    const role = lookup.members.get(id)?.role;
    if (role !== undefined && role in roles) roles[role]!++;
  }
  return {
    total: now.size,
    attendedAny,
    attendedAtLeast3,
    new: now.size - retained,
    retained,
    left: [...before].filter((id) => !now.has(id)).length,
    academic,
    professional: roles.professional ?? 0,
    roles,
  };
}
