import { z } from 'zod';
import { isPhoneRegion } from './phone-region.js';
import { Id, MonthDay, Text, TimeRange, TimeZone, idList, oneOf } from './fields.js';

const Word = z.strictObject({
  one: Text.meta({ title: 'One', description: 'The word for one of them' }),
  many: Text.meta({ title: 'Many', description: 'The word for several' }),
});

/** The cycles of Wenger, Trayner and de Laat's value-creation framework, in its order. */
export const VALUE_CYCLES = ['immediate', 'potential', 'applied', 'realised', 'reframing'] as const;
export type ValueCycle = (typeof VALUE_CYCLES)[number];

/** One piece of evidence of a cycle: a survey question, a kind of output, or a figure of the metrics. */
const Indicator = z
  .strictObject({
    label: Text.meta({
      title: 'Label',
      description: 'What the evidence shows, in words for the report ("Changed their practice")',
    }),
    survey: Id.optional().meta({
      title: 'Survey',
      description: "A survey's id: its question of that year is the evidence",
    }),
    question: Id.optional().meta({ title: 'Question', description: 'The question of that survey' }),
    item: Id.optional().meta({
      title: 'Item',
      description: "For a matrix question: the item whose ratings' mean is the evidence",
    }),
    values: z
      .array(z.union([Id, z.number()]))
      .min(1)
      .optional()
      .meta({
        title: 'Values',
        description: 'The answers whose share of n is the evidence; without them, the mean of a rating question',
      }),
    outputs: oneOf(['presentation', 'publication', 'recognition']).optional().meta({
      title: 'Outputs',
      description: 'A kind of output of data/outputs.json: how many the year produced is the evidence',
    }),
    metric: z.string().optional().meta({
      title: 'Metric',
      description: 'A figure of the year\'s metrics by its path, such as "members.attendedAny"',
    }),
  })
  .refine((i) => [i.survey, i.outputs, i.metric].filter((x) => x !== undefined).length === 1, {
    error:
      'an indicator names exactly one source: a survey and its question ("survey", "question"), a kind of output ' +
      '("outputs"), or a figure ("metric")',
  })
  .refine((i) => (i.survey === undefined) === (i.question === undefined), {
    error: 'a survey indicator names both the survey and its question',
  });

export type ValueIndicator = z.output<typeof Indicator>;

// A record keeps the mapping's own order of cycles, which the metrics follow.
const ValueCreation = z
  .partialRecord(
    z.enum(VALUE_CYCLES, {
      error: (issue) => `"${String(issue.input)}" is not a cycle of the framework: use ${VALUE_CYCLES.join(', ')}`,
    }),
    z.array(Indicator),
  )
  .meta({
    title: 'Value creation',
    description:
      'Evidence for each cycle of the value-creation framework (immediate, potential, applied, realised, ' +
      'reframing): survey questions, outputs or figures',
  });

/** An optional list of things the records name by id and reports by title. */
const titledIds = (id: string, title: string) =>
  z
    .array(
      z.strictObject({
        id: Id.meta({ title: 'Id', description: id }),
        title: Text.meta({ title: 'Title', description: title }),
      }),
    )
    .optional();

export const CommunitySchema = z
  .strictObject({
    name: Text.meta({ title: 'Name', description: 'The name of the community, as its reports are titled' }),
    institution: Text.meta({ title: 'Institution', description: 'The institution the community belongs to' }),
    yearStart: MonthDay.meta({
      title: 'Year start',
      description: 'The first day of the academic year, MM-DD (for example 08-01)',
    }),
    /** Where sessions' times are local: the calendar's events are placed by it. */
    timeZone: TimeZone.optional().meta({
      title: 'Time zone',
      description: 'Where session times are local, an IANA name such as Europe/London; used by the calendar',
    }),
    aims: z
      .array(
        z.strictObject({
          id: Id.meta({ title: 'Id', description: 'The aim id' }),
          title: Text.meta({ title: 'Title', description: 'The aim in words' }),
          description: z
            .string()
            .optional()
            .meta({ title: 'Description', description: 'What the aim means and why, in Markdown: printed under it' }),
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
      .meta({
        title: 'Team',
        description:
          'The people or teams who run the community: they facilitate and own actions, and are not counted as members',
      }),
    privacy: z
      .strictObject({
        minResponses: z.number().int().min(1).optional().meta({
          title: 'Minimum responses',
          description: 'A survey with fewer responses shows only its count in reports (default 5)',
        }),
        minGroupSize: z.number().int().min(1).optional().meta({
          title: 'Minimum group size',
          description: 'No report breaks answers or attendance down into a group smaller than this (default 5)',
        }),
        listSmallUnits: z
          .boolean()
          .optional()
          .meta({
            title: 'List small units',
            description:
              'Whether a unit with fewer members than minGroupSize is named among the engaged and not-yet-engaged ' +
              'units (default true); its member counts are never published',
          }),
        roundMentees: z
          .number()
          .int()
          .min(1)
          .optional()
          .meta({
            title: 'Round mentees',
            description:
              'Rounds the published counts of mentees (allocated and met) to this base, 5 as HESA does; shares are ' +
              'computed from the exact counts',
          }),
        /** A regular expression for the institution's student numbers. */
        studentNumber: z
          .string()
          .refine(isRegExp, { error: (issue) => `"${String(issue.input)}" is not a valid regular expression` })
          .optional()
          .meta({
            title: 'Student number',
            description: "A regular expression for the institution's student numbers, which the privacy check reports",
          }),
        /** The country whose national phone numbers are recognised (ISO 3166-1 alpha-2, default GB). */
        phoneRegion: z
          .string()
          .refine(isPhoneRegion, {
            error: (issue) =>
              `"${String(issue.input)}" is not a country code the phone check knows: use a two-letter ISO 3166 ` +
              `code such as GB, US or DE`,
          })
          .optional()
          .meta({
            title: 'Phone region',
            description: 'The country whose national phone numbers are recognised, a two-letter code (default GB)',
          }),
        /** Text that is public on purpose (the team's shared address, say): never reported. */
        allow: z.array(Text).optional().meta({
          title: 'Allowed text',
          description: "Text that is public on purpose (a team's shared address): never reported as personal data",
        }),
      })
      .optional()
      .meta({
        title: 'Privacy',
        description: 'The thresholds of disclosure control in reports, and settings of the privacy checks',
      }),
    /**
     * The community's own severities: `{ "personal-name": "off" }`. Rule ids are checked by the rules stage, which
     * knows them.
     */
    rules: z
      .record(z.string(), oneOf(['error', 'warning', 'off']))
      .optional()
      .meta({
        title: 'Rules',
        description: "The community's own severity for a rule, by rule id: error, warning or off",
      }),
    /** Named terms of the academic year, each running until the next one starts. */
    terms: z
      .array(
        z.strictObject({
          name: Text.meta({ title: 'Name', description: 'The name of the term' }),
          starts: MonthDay.meta({
            title: 'Starts',
            description: 'Its first day, MM-DD; it runs until the next term starts',
          }),
        }),
      )
      .optional()
      .meta({ title: 'Terms', description: 'Named terms of the academic year, for the reports' }),
    valueCreation: ValueCreation.optional(),
    description: Text.optional().meta({
      title: 'Description',
      description: 'What the community is, in Markdown: shown at the top of reports/README.md',
    }),
    contact: Text.optional().meta({
      title: 'Contact',
      description: "Whom to contact: a team's shared address or a web page (not a person's own address)",
    }),
    joining: Text.optional().meta({ title: 'Joining', description: 'Who may join, and how' }),
    sessionTime: TimeRange.optional().meta({
      title: 'Session time',
      description: 'The usual time of a session, "12:00-14:00": the calendar uses it for minutes that give no time',
    }),
    vocabulary: z
      .strictObject({
        department: Word.optional().meta({
          title: 'Department',
          description: 'What the institution calls a department: { "one": "school", "many": "schools" }',
        }),
        service: Word.optional().meta({
          title: 'Service',
          description: 'What it calls a service: { "one": "division", "many": "divisions" }',
        }),
        mentee: Word.optional().meta({
          title: 'Mentee',
          description: 'Whom mentors meet: { "one": "colleague", "many": "colleagues" } (default student)',
        }),
        mentor: Word.optional().meta({
          title: 'Mentor',
          description: 'Who meets them: { "one": "academic mentor", "many": "academic mentors" } (default mentor)',
        }),
      })
      .optional()
      .meta({
        title: 'Vocabulary',
        description:
          'The words reports, forms and messages use for the two kinds of unit and for mentees and mentors; ' +
          'units.json keeps "department" and "service"',
      }),
    referralTargets: titledIds('The id meeting returns use for it', 'Its name in reports ("Nightline")').meta({
      title: 'Referral targets',
      description: 'Services outside the units that mentors refer mentees to, for meeting returns',
    }),
    meetingTopics: titledIds('The id meeting returns use for it', 'The topic in words ("Money and finances")').meta({
      title: 'Meeting topics',
      description: "Topics of mentoring meetings besides the community's themes, for meeting returns",
    }),
    roles: z
      .array(
        z.strictObject({
          id: Id.meta({ title: 'Id', description: 'The role, as members.json gives it (technical)' }),
          title: Text.meta({ title: 'Title', description: 'Its name in reports ("Technical staff")' }),
        }),
      )
      .optional()
      .meta({ title: 'Roles', description: 'Member roles besides the built-in academic and professional' }),
  })
  .meta({
    title: 'Community',
    description: 'data/community.json: who the community is, its aims, themes, team and settings',
  });

export type Community = z.output<typeof CommunitySchema>;

export const DEFAULT_PRIVACY = { minResponses: 5, minGroupSize: 5, listSmallUnits: true } as const;

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
