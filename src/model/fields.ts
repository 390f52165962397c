import { z } from 'zod';
import { isAcademicYear, isMonthDay } from './dates.js';
import { nearestFirst } from './suggest.js';

/** Field types shared by every file of the data model, with messages a coordinator can act on. */

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const Id = z
  .string({ error: 'must be an id written in quotes or as a plain word' })
  .regex(ID_PATTERN, { error: 'must be an id: lower-case letters, digits and hyphens, starting with a letter or digit (for example "m01" or "social-policy")' });

/**
 * An id that names something defined in another file. Its spelling is checked by the
 * references rule, which knows that file and can say `"Member 01" is the name of m01:
 * write m01` where a schema could only say what ids look like.
 */
export const Ref = z.string({ error: 'must be an id written in quotes or as a plain word' }).refine((s) => s.trim().length > 0, { error: 'must not be empty' });

export const Text = z.string({ error: 'must be text' }).refine((s) => s.trim().length > 0, { error: 'must not be empty' });

/** Zod's ISO date: the YYYY-MM-DD form, and a day the calendar has (no 30 February, 29 February in leap years only). */
export const DateString = z.iso.date({
  error: (issue) =>
    issue.code === 'invalid_format' ? `"${String(issue.input)}" is not a calendar date: write it as YYYY-MM-DD, for example 2024-10-15` : 'must be a date written YYYY-MM-DD',
});

export const MonthDay = z
  .string({ error: 'must be a month and day written MM-DD' })
  .refine(isMonthDay, { error: (issue) => `"${String(issue.input)}" is not a month and day: write it as MM-DD, for example 08-01 (29 February is not allowed)` });

export const YearString = z
  .string({ error: 'must be an academic year written like 2024-25' })
  .refine(isAcademicYear, { error: (issue) => `"${String(issue.input)}" is not an academic year: write it like 2024-25` });

export const Count = z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' });

export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: (issue) => `"${String(issue.input)}" is not allowed here: use one of ${nearestFirst(String(issue.input), values, values.length).join(', ')}` });
}

export function idList(what: string) {
  return z.array(Id, { error: `must be a list of ${what} ids, for example [m01, m02]` });
}

export function refList(what: string) {
  return z.array(Ref, { error: `must be a list of ${what} ids, for example [m01, m02]` });
}
