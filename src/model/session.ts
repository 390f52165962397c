import { z } from 'zod';
import { Count, DateString, Id, Ref, Text, TimeRange, oneOf, refList } from './fields.js';

const Guest = z
  .strictObject({
    unit: Id.optional().meta({
      title: 'Unit',
      description: 'A unit of the institution the guests came from (an id of data/units.json)',
    }),
    institution: Text.optional().meta({
      title: 'Institution',
      description: 'Another institution the guests came from',
    }),
    count: Count.optional().meta({ title: 'Count', description: 'How many guests came from there (default 1)' }),
  })
  .refine((g) => (g.unit === undefined) !== (g.institution === undefined), {
    error:
      'a guest entry names either a unit of the institution (unit: finance) or another institution (institution: ' +
      'UCL), not both',
  });

const Presenter = z
  .strictObject({
    member: Id.optional().meta({ title: 'Member', description: 'A member who presented (an id of data/members.json)' }),
    name: Text.optional().meta({
      title: 'Name',
      description: 'A presenter who is not a member, named as they agreed to be named',
    }),
    role: Text.optional().meta({
      title: 'Role',
      description: "The presenter's role, for a presenter who is not a member",
    }),
  })
  .refine((p) => (p.member === undefined) !== (p.name === undefined), {
    error: 'a presenter is either a member (member: m05) or a named person (name: ..., role: ...), not both',
  });

const Action = z.strictObject({
  id: Id.meta({ title: 'Id', description: 'The action id, unique across the repository' }),
  text: Text.meta({ title: 'Text', description: 'What is to be done' }),
  owner: Ref.optional().meta({ title: 'Owner', description: 'Who does it: a team or member id' }),
  due: DateString.optional().meta({ title: 'Due', description: 'When it is due, YYYY-MM-DD' }),
  status: oneOf(['open', 'done', 'dropped']).meta({
    title: 'Status',
    description: 'open, done or dropped; updated in the minutes where the action was recorded',
  }),
});

/** The frontmatter of a minutes file. */
export const SESSION_TYPES = ['meeting', 'learning-exchange', 'webinar', 'workshop'] as const;
export const SESSION_FORMATS = ['in-person', 'hybrid', 'online'] as const;
/** Held sessions are the sessions of every figure; planned and cancelled ones are listed and put in the calendar. */
export const SESSION_STATUSES = ['held', 'planned', 'cancelled'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const SessionSchema = z
  .strictObject({
    title: Text.meta({ title: 'Title', description: 'The title of the session' }),
    date: DateString.meta({
      title: 'Date',
      description: 'The day of the session, YYYY-MM-DD; the file name starts with it',
    }),
    type: oneOf(SESSION_TYPES).meta({ title: 'Type', description: 'What kind of session it is' }),
    format: oneOf(SESSION_FORMATS).meta({
      title: 'Format',
      description: 'Where it takes place: in person, hybrid or online',
    }),
    status: oneOf(SESSION_STATUSES).optional().meta({
      title: 'Status',
      description: 'held (the default), planned (still to come) or cancelled; only held sessions count in the figures',
    }),
    time: TimeRange.optional().meta({
      title: 'Time',
      description: 'Start and end in 24-hour local time, in quotes: "12:00-14:00"',
    }),
    location: Text.optional().meta({
      title: 'Location',
      description: 'Where it takes place: a room, a building, or "Online"',
    }),
    facilitators: refList('team or member')
      .optional()
      .meta({ title: 'Facilitators', description: 'Who led it: team or member ids' }),
    attendees: refList('member').meta({
      title: 'Attendees',
      description:
        'The members present, by id (m01). Required for a held session; a planned or cancelled session has none',
    }),
    guests: z.array(Guest).optional().meta({
      title: 'Guests',
      description: 'People present who are not members: from a unit of the institution, or from another institution',
    }),
    presenters: z
      .array(Presenter)
      .optional()
      .meta({ title: 'Presenters', description: 'Who presented: a member, or a named person and their role' }),
    themes: refList('theme').meta({
      title: 'Themes',
      description: 'The themes discussed: theme ids of data/community.json',
    }),
    actions: z
      .array(Action)
      .optional()
      .meta({ title: 'Actions', description: 'Actions agreed, each with its own id and status' }),
  })
  .meta({
    title: 'Minutes frontmatter',
    description: 'The YAML between the two --- lines at the top of a minutes file (minutes/<year>/<date>-<slug>.md)',
  });

export type SessionData = z.output<typeof SessionSchema>;

/** A minutes file's status: held unless it says otherwise. */
export const statusOf = (data: { status?: SessionStatus | undefined }): SessionStatus => data.status ?? 'held';

/** Planned and cancelled sessions have no attendees: the field may be left out. */
export function isScheduledOnly(value: unknown): boolean {
  const status = (value as { status?: unknown } | null)?.status;
  return status === 'planned' || status === 'cancelled';
}
