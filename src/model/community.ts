import { z } from 'zod';
import { isPhoneRegion } from './phone-region.js';
import { Id, MonthDay, Text, TimeZone, idList, oneOf } from './fields.js';

export const CommunitySchema = z
  .strictObject({
    name: Text.meta({ title: 'Name', description: 'The name of the community, as its reports are titled' }),
    institution: Text.meta({ title: 'Institution', description: 'The institution the community belongs to' }),
    yearStart: MonthDay.meta({ title: 'Year start', description: 'The first day of the academic year, MM-DD (for example 08-01)' }),
    /** Where sessions' times are local: the calendar's events are placed by it. */
    timeZone: TimeZone.optional().meta({ title: 'Time zone', description: 'Where session times are local, an IANA name such as Europe/London; used by the calendar' }),
    aims: z
      .array(
        z.strictObject({
          id: Id.meta({ title: 'Id', description: 'The aim id' }),
          title: Text.meta({ title: 'Title', description: 'The aim in words' }),
        }),
      )
      .meta({ title: 'Aims', description: 'What the community sets out to do; themes name the aims they serve' }),
    themes: z
      .array(
        z.strictObject({
          id: Id.meta({ title: 'Id', description: 'The theme id, as minutes name it' }),
          title: Text.meta({ title: 'Title', description: 'The theme in words' }),
          aims: idList('aim').meta({ title: 'Aims', description: 'The aims the theme serves (aim ids); may be empty' }),
        }),
      )
      .meta({ title: 'Themes', description: 'The themes sessions discuss' }),
    team: z
      .array(
        z.strictObject({
          id: Id.meta({ title: 'Id', description: 'The id minutes use for them as facilitators or action owners' }),
          name: Text.meta({ title: 'Name', description: 'The person or team' }),
        }),
      )
      .meta({ title: 'Team', description: 'The people or teams who run the community: they facilitate and own actions, and are not counted as members' }),
    privacy: z
      .strictObject({
        minResponses: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({ title: 'Minimum responses', description: 'A survey with fewer responses shows only its count in reports (default 5)' }),
        minGroupSize: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({ title: 'Minimum group size', description: 'No report breaks answers or attendance down into a group smaller than this (default 5)' }),
        /** A regular expression for the institution's student numbers. */
        studentNumber: z
          .string()
          .refine(isRegExp, { error: (issue) => `"${String(issue.input)}" is not a valid regular expression` })
          .optional()
          .meta({ title: 'Student number', description: "A regular expression for the institution's student numbers, which the privacy check reports" }),
        /** The country whose national phone numbers are recognised (ISO 3166-1 alpha-2, default GB). */
        phoneRegion: z
          .string()
          .refine(isPhoneRegion, { error: (issue) => `"${String(issue.input)}" is not a country code the phone check knows: use a two-letter ISO 3166 code such as GB, US or DE` })
          .optional()
          .meta({ title: 'Phone region', description: 'The country whose national phone numbers are recognised, a two-letter code (default GB)' }),
        /** Text that is public on purpose (the team's shared address, say): never reported. */
        allow: z.array(Text).optional().meta({ title: 'Allowed text', description: "Text that is public on purpose (a team's shared address): never reported as personal data" }),
      })
      .optional()
      .meta({ title: 'Privacy', description: 'The thresholds of disclosure control in reports, and settings of the privacy checks' }),
    /** The community's own severities: `{ "personal-name": "off" }`. Rule ids are checked by the rules stage, which knows them. */
    rules: z
      .record(z.string(), oneOf(['error', 'warning', 'off']))
      .optional()
      .meta({ title: 'Rules', description: "The community's own severity for a rule, by rule id: error, warning or off" }),
    /** Named terms of the academic year, each running until the next one starts. */
    terms: z
      .array(
        z.strictObject({
          name: Text.meta({ title: 'Name', description: 'The name of the term' }),
          starts: MonthDay.meta({ title: 'Starts', description: 'Its first day, MM-DD; it runs until the next term starts' }),
        }),
      )
      .optional()
      .meta({ title: 'Terms', description: 'Named terms of the academic year, for the reports' }),
  })
  .meta({ title: 'Community', description: 'data/community.json: who the community is, its aims, themes, team and settings' });

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
