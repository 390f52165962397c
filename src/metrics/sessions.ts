import { sum } from 'd3-array';
import type { Community } from '../model/community.js';
import type { Lookup } from '../model/lookup.js';
import type { Session } from '../model/repository.js';
import type { SessionMetrics } from './types.js';

/** Distinct department units among a session's member attendees and guests. */
function departmentsPresent(lookup: Lookup, session: Session): Set<string> {
  const ids = new Set<string>();
  for (const a of session.data.attendees) {
    const unit = lookup.memberUnit(a);
    if (unit?.kind === 'department') ids.add(unit.id);
  }
  for (const g of session.data.guests ?? []) {
    const unit = g.unit === undefined ? undefined : lookup.unit(g.unit);
    if (unit?.kind === 'department') ids.add(unit.id);
  }
  return ids;
}

export function guestCount(session: Session): number {
  return sum(session.data.guests ?? [], (g) => g.count ?? 1);
}

/** The named term a date falls in: terms run from their start until the next one, in academic-year order. */
function termOf(date: string, community: Community): string | undefined {
  const terms = community.terms;
  if (!terms || terms.length === 0) return undefined;
  const offset = (monthDay: string): string => (monthDay >= community.yearStart ? `0${monthDay}` : `1${monthDay}`);
  const ordered = [...terms].sort((a, b) =>
    offset(a.starts) < offset(b.starts) ? -1 : offset(a.starts) > offset(b.starts) ? 1 : 0,
  );
  const at = offset(date.slice(5));
  let current = ordered[ordered.length - 1]!;
  for (const t of ordered) if (offset(t.starts) <= at) current = t;
  return current.name;
}

export function sessionMetrics(
  lookup: Lookup,
  sessions: readonly Session[],
  first: ReadonlyMap<string, { session: string }>,
): SessionMetrics[] {
  const community = lookup.repo.community?.data;
  return sessions.map((s) => {
    const memberAttendees = new Set(s.data.attendees).size;
    const guests = guestCount(s);
    const term = community ? termOf(s.data.date, community) : undefined;
    return {
      id: s.id,
      date: s.data.date,
      title: s.data.title,
      type: s.data.type,
      format: s.data.format,
      ...(term === undefined ? {} : { term }),
      memberAttendees,
      guests,
      headcount: memberAttendees + guests,
      departmentsPresent: departmentsPresent(lookup, s).size,
      firstTime:
        new Set(s.data.attendees).size -
        [...new Set(s.data.attendees)].filter((id) => first.get(id)?.session !== s.id).length,
      actions: s.data.actions?.length ?? 0,
    };
  });
}
