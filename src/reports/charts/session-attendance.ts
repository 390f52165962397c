import type { YearMetrics } from '../../metrics/types.js';
import { CATEGORY, CHART_WIDTH } from './style.js';
import { plural } from '../../format/numbers.js';
import { defineChart, type Drawn } from './define.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const short = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

/** Members and guests at each session of the year, in date order. */
function draw(year: YearMetrics): Drawn | undefined {
  if (year.sessions.length === 0) return undefined;
  const labels = year.sessions.map((s) => short(s.date));
  const rows = year.sessions
    .flatMap((s, i) => [
      {
        session: labels[i],
        when: i,
        kind: 'Members',
        count: s.memberAttendees,
        order: 0,
        text: `${labels[i]}: ${plural(s.memberAttendees, 'member')}`,
      },
      {
        session: labels[i],
        when: i,
        kind: 'Guests',
        count: s.guests,
        order: 1,
        text: `${labels[i]}: ${plural(s.guests, 'guest')}`,
      },
    ])
    .filter((r) => r.count > 0);
  // A legend entry only for what the chart draws: no "Guests" in a year without guests.
  const kinds = (['Members', 'Guests'] as const).filter((k) => rows.some((r) => r.kind === k));
  const colours = { Members: CATEGORY.blue, Guests: CATEGORY.orange };
  const totals = year.sessions.map((s, i) => ({ session: labels[i], when: i, headcount: s.headcount }));
  return {
    alt: `Attendance at each session of ${year.year}: ${year.sessions
      .map(
        (s, i) =>
          `${labels[i]}, ${plural(s.memberAttendees, 'member')}` +
          (s.guests > 0 ? ` and ${plural(s.guests, 'guest')}` : ''),
      )
      .join('; ')}.`,
    spec: {
      title: {
        text: 'Attendance by session',
        subtitle: kinds.includes('Guests')
          ? 'Members present, and guests from other units and institutions'
          : 'Members present',
      },
      description: 'Session attendance',
      width: Math.min(CHART_WIDTH, Math.max(240, 70 * year.sessions.length)),
      height: 220,
      encoding: {
        x: {
          field: 'session',
          type: 'ordinal',
          sort: { field: 'when', op: 'min' },
          title: null,
          axis: { labelAngle: 0 },
        },
      },
      layer: [
        {
          data: { values: rows },
          mark: { type: 'bar' },
          encoding: {
            y: { field: 'count', type: 'quantitative', stack: 'zero', title: 'People', axis: { tickMinStep: 1 } },
            color: {
              field: 'kind',
              type: 'nominal',
              title: null,
              scale: { domain: kinds, range: kinds.map((k) => colours[k]) },
            },
            order: { field: 'order', type: 'quantitative' },
            description: { field: 'text' },
          },
        },
        {
          data: { values: totals },
          mark: { type: 'text', dy: -6, color: '#222' },
          encoding: {
            y: { field: 'headcount', type: 'quantitative' },
            text: { field: 'headcount', type: 'quantitative' },
          },
        },
      ],
    },
  };
}

export default defineChart<{ year: YearMetrics }>({
  id: 'session-attendance',
  path: ({ year }) => `reports/${year.year}/session-attendance.svg`,
  draw: ({ year }) => draw(year),
});
