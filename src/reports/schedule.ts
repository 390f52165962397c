import type { Table } from 'mdast';
import { link, table } from '../format/markdown.js';
import { formatDate } from '../model/dates.js';
import { SESSION_FORMAT_LABELS, SESSION_STATUS_LABELS, SESSION_TYPE_LABELS, timeLabel } from '../model/labels.js';
import type { CalendarEntry } from '../metrics/types.js';
import { relativeLink } from './context.js';

/** Sessions that are not (or not yet) held, by their status alone: never by comparing with today's date. */
export const notHeld = (calendar: readonly CalendarEntry[], status: 'planned' | 'cancelled') =>
  calendar.filter((e) => e.status === status);

/** Sessions as a table of dates, times and places, for the lists of sessions to come and of cancelled ones. */
export function scheduleTable(entries: readonly CalendarEntry[], from: string, opts: { status?: boolean } = {}): Table {
  return table(
    [
      { header: 'Date' },
      { header: 'Time' },
      { header: 'Session' },
      { header: 'Type' },
      { header: 'Format' },
      { header: 'Location' },
      ...(opts.status ? [{ header: 'Status' }] : []),
    ],
    entries.map((e) => [
      formatDate(e.date),
      timeLabel(e.time),
      link(relativeLink(from, e.file), e.title),
      SESSION_TYPE_LABELS[e.type].title,
      SESSION_FORMAT_LABELS[e.format],
      e.location ?? '',
      ...(opts.status ? [SESSION_STATUS_LABELS[e.status]] : []),
    ]),
  );
}
