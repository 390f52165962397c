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
  let events = '';
  for (const e of ctx.metrics.calendar) {
    const themes = e.themes.map((id) => themeTitle(ctx, id));
    const event = calendar.createEvent({
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
    events += event.toString();
    calendar.clear();
  }
  // ical-generator 10 folds a whole calendar's lines one character at a time through a new TextEncoder, most of the
  // calendar's time (its issue #765; the fix needs Node 22). The events are written unfolded and folded here, the
  // same way; the calendar's frame is folded by the library.
  const frame = calendar.toString();
  const end = frame.lastIndexOf('END:VCALENDAR');
  return frame.slice(0, end) + foldLines(events) + frame.slice(end);
}

/**
 * RFC 5545 (3.1) line folding as ical-generator does it: a line longer than 75 octets of UTF-8 goes on in lines that
 * start with a space, never splitting a character.
 */
function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length * 3 <= 74) return line;
      let out = '';
      let octets = 0;
      for (let i = 0; i < line.length; i++) {
        const code = line.charCodeAt(i);
        let size = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
        let ch = line[i]!;
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < line.length) {
          const low = line.charCodeAt(i + 1);
          ch += line[++i];
          // A pair is one character of four octets; a high surrogate before anything else encodes as U+FFFD, twice.
          size = low >= 0xdc00 && low <= 0xdfff ? 4 : 3 + (low < 0x80 ? 1 : low < 0x800 ? 2 : 3);
        }
        octets += size;
        if (octets > 74) {
          out += '\r\n ';
          octets = size;
        }
        out += ch;
      }
      return out;
    })
    .join('\r\n');
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
