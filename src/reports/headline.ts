import type { YearMetrics } from '../metrics/types.js';
import { capital, type Words } from '../model/vocabulary.js';

/** The headline figures every summary of a year shows, in one place so all reports agree. */
export interface Headline {
  label: string;
  /** The value, or undefined when the year has none (e.g. a survey not run). */
  value: (y: YearMetrics) => number | undefined;
  /** How to print it. */
  kind: 'count' | 'percent';
}

const ratio = (a: number, b: number): number | undefined => (b === 0 ? undefined : (100 * a) / b);

/** The headline figures, in the institution's words for its units. */
export const headlines = ({ department, service }: Pick<Words, 'department' | 'service'>): Headline[] => [
  { label: 'Members', value: (y) => y.members.total, kind: 'count' },
  { label: 'Attended at least one session', value: (y) => y.members.attendedAny, kind: 'count' },
  {
    label: 'Attendance rate (attended at least one, % of members)',
    value: (y) => ratio(y.members.attendedAny, y.members.total),
    kind: 'percent',
  },
  { label: 'Attended at least three sessions', value: (y) => y.members.attendedAtLeast3, kind: 'count' },
  { label: 'New members', value: (y) => y.members.new, kind: 'count' },
  { label: 'Members who left', value: (y) => y.members.left, kind: 'count' },
  { label: 'Sessions', value: (y) => y.sessions.length, kind: 'count' },
  {
    label: 'Member attendances (all sessions)',
    value: (y) => y.sessions.reduce((n, s) => n + s.memberAttendees, 0),
    kind: 'count',
  },
  { label: capital(department.many), value: (y) => y.departments.total, kind: 'count' },
  { label: `${capital(department.many)} engaged`, value: (y) => y.departments.engaged.length, kind: 'count' },
  {
    label: `${capital(department.many)} engaged (% of ${department.many})`,
    value: (y) => ratio(y.departments.engaged.length, y.departments.total),
    kind: 'percent',
  },
  { label: `${capital(service.many)} engaged`, value: (y) => y.services.engaged.length, kind: 'count' },
  { label: 'Actions recorded', value: (y) => y.actions.recorded, kind: 'count' },
  { label: 'Actions done', value: (y) => y.actions.done, kind: 'count' },
];
