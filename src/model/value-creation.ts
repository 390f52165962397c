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
