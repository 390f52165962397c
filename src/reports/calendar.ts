import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { slugHint } from '../format/slug.js';
import { SESSION_FORMAT_LABELS, SESSION_TYPE_LABELS } from '../model/labels.js';
import type { CalendarEntry } from '../metrics/types.js';
import { type ReportContext, themeTitle } from './context.js';

const STATUS: Record<CalendarEntry['status'], ICalEventStatus> = {
  held: ICalEventStatus.CONFIRMED,
  planned: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * `reports/calendar.ics` (RFC 5545): one event per minutes file. Times are local to the
 * community's time zone and written in UTC, computed with the zone's real rules (summer
 * time included), so every calendar app places them right; without a time zone they are
 * floating, the same hour wherever the reader is. Nothing in it depends on the clock.
 */
export function calendarFile(ctx: ReportContext): string {
  const community = ctx.community;
  const zone = community.timeZone;
  const domain = slugHint(community.name, 'community');
  // Data only: the day of the latest record, so that a calendar app sees a change as newer.
  const stamp = utcDay(ctx.metrics.years.at(-1)?.asOf ?? ctx.metrics.calendar[0]?.date ?? '1970-01-01');
  // ical-generator escapes an event's text, but writes the calendar's name as it is given.
  const calendar = ical({
    name: icsText(community.name),
    prodId: { company: 'cop-records', product: 'calendar', language: 'EN' },
  });
  for (const e of ctx.metrics.calendar) {
    const themes = e.themes.map((id) => themeTitle(ctx, id));
    calendar.createEvent({
      id: `${e.id}@${domain}`,
      // A session recorded as held or cancelled has moved on from the plan: apps replace the planned event.
      sequence: e.status === 'planned' ? 0 : 1,
      stamp,
      lastModified: stamp,
      summary: e.title,
      ...times(e, zone),
      ...(e.location ? { location: e.location } : {}),
      description:
        `${SESSION_TYPE_LABELS[e.type].title}, ` +
        `${SESSION_FORMAT_LABELS[e.format].toLowerCase()}.${themes.length > 0 ? ` Themes: ${themes.join('; ')}.` : ''}`,
      status: STATUS[e.status],
    });
  }
  return calendar.toString();
}

const utcDay = (date: string) => DateTime.fromISO(date, { zone: 'utc' });

function times(e: CalendarEntry, zone: string | undefined) {
  if (!e.time) return { allDay: true, start: utcDay(e.date), end: utcDay(e.date).plus({ days: 1 }) };
  const [from, to] = e.time.split('-') as [string, string];
  if (!zone)
    return {
      floating: true,
      start: DateTime.fromISO(`${e.date}T${from}`, { zone: 'utc' }),
      end: DateTime.fromISO(`${e.date}T${to}`, { zone: 'utc' }),
    };
  return {
    start: DateTime.fromISO(`${e.date}T${from}`, { zone }).toUTC(),
    end: DateTime.fromISO(`${e.date}T${to}`, { zone }).toUTC(),
  };
}

/** A TEXT value as RFC 5545 (3.3.11) writes it: backslash, semicolon and comma escaped, every line break as `\n`. */
const icsText = (text: string): string =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n');
