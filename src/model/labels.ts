import type { SessionFormat, SessionStatus, SessionType } from './session.js';

/**
 * How reports, messages and forms name the data model's values: one typed table, so that
 * a new session type or format does not compile until it has its words.
 */
export const SESSION_TYPE_LABELS: Readonly<Record<SessionType, { title: string; one: string; many: string }>> = {
  meeting: { title: 'Meeting', one: 'meeting', many: 'meetings' },
  'learning-exchange': { title: 'Learning exchange', one: 'learning exchange', many: 'learning exchanges' },
  webinar: { title: 'Webinar', one: 'webinar', many: 'webinars' },
  workshop: { title: 'Workshop', one: 'workshop', many: 'workshops' },
};

export const SESSION_FORMAT_LABELS: Readonly<Record<SessionFormat, string>> = {
  'in-person': 'In person',
  hybrid: 'Hybrid',
  online: 'Online',
};

export const SESSION_STATUS_LABELS: Readonly<Record<SessionStatus, string>> = {
  held: 'Held',
  planned: 'Planned',
  cancelled: 'Cancelled',
};

/** `12:00-14:00` as a reader writes it: `12:00–14:00`. */
export const timeLabel = (time: string | undefined): string => (time ? time.replace('-', '–') : '');
