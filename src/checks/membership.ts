import { compareYears, formatDate } from '../model/dates.js';
import { everyMinutesFile } from '../model/repository.js';
import type { CheckContext } from './context.js';

/** Dates that must agree: roster dates in order, attendees members on the day, units open before they close. */
export function checkMembershipDates(ctx: CheckContext): void {
  const { repo, lookup, out } = ctx;

  for (const { index, data } of repo.members.entries) {
    if (data.left !== undefined && data.left < data.joined) {
      out.error('left-before-joined', repo.members, [index, 'left'], `${data.id} left (${data.left}) before joining (${data.joined}): correct one of the dates`);
    }
  }

  for (const { index, data } of repo.units.entries) {
    if (data.from && data.until && compareYears(data.until, data.from) < 0) {
      out.error('unit-years', repo.units, [index, 'until'], `unit "${data.id}" closes (${data.until}) before it opens (${data.from})`);
    }
  }

  for (const s of everyMinutesFile(repo)) {
    const date = s.data.date;
    if (date === undefined) continue;
    s.data.attendees?.forEach((id, i) => {
      const m = lookup.members.get(id);
      if (!m || lookup.isMemberOn(m, date)) return;
      const why =
        m.joined > date
          ? `joined on ${formatDate(m.joined)}, after this session (${formatDate(date)})`
          : `left on ${formatDate(m.left!)}, before this session (${formatDate(date)})`;
      out.error(
        'not-a-member',
        s,
        ['attendees', i],
        `attendee "${id}" was not a member on the day: they ${why}. Correct the roster dates, or record them as a guest.`,
      );
    });
  }
}
