import { decimal } from '../format/numbers.js';
/**
 * The figures of a year's metrics that a value-creation indicator may name by path
 * (`"metric": "members.attendedAny"`). The rules check names against this list; the
 * metrics resolve them, and a test holds every path to a number of a computed year.
 */
export const METRIC_PATHS = [
  'members.total',
  'members.attendedAny',
  'members.attendedAtLeast3',
  'members.new',
  'members.retained',
  'members.left',
  'members.academic',
  'members.professional',
  'members.core',
  'members.occasional',
  'members.peripheral',
  'members.firstTime',
  'members.returning',
  'members.attendanceRetention',
  'departments.total',
  'services.total',
  'actions.recorded',
  'actions.done',
  'actions.open',
  'actions.dropped',
  'meetings.coverage',
  'meetings.mentors',
  'meetings.mentorsReporting',
  'meetings.mentees',
  'meetings.menteesMet',
  'meetings.perMenteeMet',
  'meetings.engaged.coverage',
  'meetings.notEngaged.coverage',
] as const;

/** The metric paths that are shares between 0 and 1: reports print them as percents. */
const SHARE_PATHS: ReadonlySet<string> = new Set([
  'members.attendanceRetention',
  'meetings.coverage',
  'meetings.engaged.coverage',
  'meetings.notEngaged.coverage',
]);

/** A metric's value as reports print it: a share as a percent (whole in prose), a ratio to one decimal, a count. */
export function metricText(path: string, value: number, prose = false): string {
  if (SHARE_PATHS.has(path)) return `${decimal(100 * value, prose ? 0 : 1)}%`;
  return Number.isInteger(value) ? String(value) : decimal(value);
}
