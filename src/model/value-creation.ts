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

/** A pathway's figures an indicator may name: `pathways.<pathway id>.<figure>`. */
const PATHWAY_FIGURES = [
  'started',
  'awarded',
  'withdrawn',
  'inProgress',
  'everStarted',
  'completionRate',
  'medianDaysToAward',
] as const;

/** Every path an indicator may name, the pathways of data/pathways.json included. */
export function metricPaths(pathways: readonly string[]): string[] {
  return [...METRIC_PATHS, ...pathways.flatMap((id) => PATHWAY_FIGURES.map((f) => `pathways.${id}.${f}`))];
}

/** The metric paths that are shares between 0 and 1: reports print them as percents. */
const SHARE_PATHS: ReadonlySet<string> = new Set([
  'members.attendanceRetention',
  'meetings.coverage',
  'meetings.engaged.coverage',
  'meetings.notEngaged.coverage',
]);

/** A metric's value as reports print it: a share as a percent (whole in prose), a ratio to one decimal, a count. */
export function metricText(path: string, value: number, prose = false): string {
  if (SHARE_PATHS.has(path) || /^pathways\.[^.]+\.completionRate$/.test(path))
    return `${decimal(100 * value, prose ? 0 : 1)}%`;
  return Number.isInteger(value) ? String(value) : decimal(value);
}
