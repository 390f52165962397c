import { z } from 'zod';
import { isPhoneRegion } from './phone-region.js';
import { Id, MonthDay, Text, idList, oneOf } from './fields.js';

export const CommunitySchema = z.strictObject({
  name: Text,
  institution: Text,
  yearStart: MonthDay,
  aims: z.array(z.strictObject({ id: Id, title: Text })),
  themes: z.array(z.strictObject({ id: Id, title: Text, aims: idList('aim') })),
  team: z.array(z.strictObject({ id: Id, name: Text })),
  privacy: z
    .strictObject({
      minResponses: z.number().int().min(1).optional(),
      minGroupSize: z.number().int().min(1).optional(),
      /** A regular expression for the institution's student numbers. */
      studentNumber: z
        .string()
        .refine(isRegExp, { error: (issue) => `"${String(issue.input)}" is not a valid regular expression` })
        .optional(),
      /** The country whose national phone numbers are recognised (ISO 3166-1 alpha-2, default GB). */
      phoneRegion: z
        .string()
        .refine(isPhoneRegion, { error: (issue) => `"${String(issue.input)}" is not a country code the phone check knows: use a two-letter ISO 3166 code such as GB, US or DE` })
        .optional(),
      /** Text that is public on purpose (the team's shared address, say): never reported. */
      allow: z.array(Text).optional(),
    })
    .optional(),
  /** The community's own severities: `{ "personal-name": "off" }`. Rule ids are checked by the rules stage, which knows them. */
  rules: z.record(z.string(), oneOf(['error', 'warning', 'off'])).optional(),
  /** Named terms of the academic year, each running until the next one starts. */
  terms: z.array(z.strictObject({ name: Text, starts: MonthDay })).optional(),
});

export type Community = z.output<typeof CommunitySchema>;

export const DEFAULT_PRIVACY = { minResponses: 5, minGroupSize: 5 } as const;

/** Eight to ten digits in a row: the shape of most UK student numbers. */
export const DEFAULT_STUDENT_NUMBER = '\\b\\d{8,10}\\b';

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}
