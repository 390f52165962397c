import { z } from 'zod';
import { isAcademicYear, isMonthDay } from './dates.js';
import { nearestFirst } from './suggest.js';

/** Field types shared by every file of the data model, with messages a coordinator can act on. */

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const Id = z.string({ error: 'must be an id written in quotes or as a plain word' }).regex(ID_PATTERN, {
  error:
    'must be an id: lower-case letters, digits and hyphens, starting with a letter or digit (for example "m01" ' +
    'or "social-policy")',
});

/**
 * An id that names something defined in another file. Its spelling is checked by the
 * references rule, which knows that file and can say `"Member 01" is the name of m01:
 * write m01` where a schema could only say what ids look like.
 */
export const Ref = z
  .string({ error: 'must be an id written in quotes or as a plain word' })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

export const Text = z
  .string({ error: 'must be text' })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** Zod's ISO date: the YYYY-MM-DD form, and a day the calendar has (no 30 February, 29 February in leap years only). */
export const DateString = z.iso.date({
  error: (issue) =>
    issue.code === 'invalid_format'
      ? `"${String(issue.input)}" is not a calendar date: write it as YYYY-MM-DD, for example 2024-10-15`
      : 'must be a date written YYYY-MM-DD',
});

export const MonthDay = z
  .string({ error: 'must be a month and day written MM-DD' })
  .refine(isMonthDay, {
    error: (issue) =>
      `"${String(issue.input)}" is not a month and day: write it as MM-DD, for example 08-01 (29 February is not ` +
      `allowed)`,
  })
  .meta({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export const YearString = z
  .string({ error: 'must be an academic year written like 2024-25' })
  .refine(isAcademicYear, {
    error: (issue) => `"${String(issue.input)}" is not an academic year: write it like 2024-25`,
  })
  .meta({ pattern: '^\\d{4}-\\d{2}$' });

export const Count = z
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be 1 or more' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      `"${String(issue.input)}" is not allowed here: use one of ` +
      `${nearestFirst(String(issue.input), values, values.length).join(', ')}`,
  });
}

export function idList(what: string) {
  return z.array(Id, { error: `must be a list of ${what} ids, for example [m01, m02]` });
}

export function refList(what: string) {
  return z.array(Ref, { error: `must be a list of ${what} ids, for example [m01, m02]` });
}

/** `12:00-14:00`: 24-hour local start and end, the end after the start. */
export const TimeRange = z
  .string({ error: 'must be a time range written HH:MM-HH:MM, for example "12:00-14:00"' })
  .refine((s) => /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(s), {
    error: (issue) =>
      `"${String(issue.input)}" is not a time range: write the start and end in 24-hour time, as in "12:00-14:00" ` +
      `(in quotes)`,
  })
  .refine((s) => s.slice(0, 5) < s.slice(6), {
    error: (issue) => `"${String(issue.input)}" ends before it starts: write the start first, as in "12:00-14:00"`,
  })
  .meta({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d$' });

/** An IANA time-zone name as the machine's time-zone database knows it. */
export const TimeZone = z.string({ error: 'must be a time-zone name such as "Europe/London"' }).refine(isTimeZone, {
  error: (issue) =>
    `"${String(issue.input)}" is not a time-zone name: use an IANA name such as "Europe/London", "Europe/Dublin" ` +
    `or "America/New_York"`,
});

function isTimeZone(name: string): boolean {
  // Intl also takes offsets ("+01:00") and abbreviations in some versions: a zone name has a slash, or is UTC.
  if (!/^(?:[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+|UTC)$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
