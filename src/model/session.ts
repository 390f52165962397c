import { z } from 'zod';
import { Count, DateString, Id, Ref, Text, oneOf, refList } from './fields.js';

const Guest = z
  .strictObject({ unit: Id.optional(), institution: Text.optional(), count: Count.optional() })
  .refine((g) => (g.unit === undefined) !== (g.institution === undefined), {
    error: 'a guest entry names either a unit of the institution (unit: finance) or another institution (institution: UCL), not both',
  });

const Presenter = z.strictObject({ member: Id.optional(), name: Text.optional(), role: Text.optional() }).refine((p) => (p.member === undefined) !== (p.name === undefined), {
  error: 'a presenter is either a member (member: m05) or a named person (name: ..., role: ...), not both',
});

const Action = z.strictObject({
  id: Id,
  text: Text,
  owner: Ref.optional(),
  due: DateString.optional(),
  status: oneOf(['open', 'done', 'dropped']),
});

/** The frontmatter of a minutes file. */
export const SESSION_TYPES = ['meeting', 'learning-exchange', 'webinar', 'workshop'] as const;
const SESSION_FORMATS = ['in-person', 'hybrid', 'online'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export type SessionFormat = (typeof SESSION_FORMATS)[number];

export const SessionSchema = z.strictObject({
  title: Text,
  date: DateString,
  type: oneOf(SESSION_TYPES),
  format: oneOf(SESSION_FORMATS),
  facilitators: refList('team or member').optional(),
  attendees: refList('member'),
  guests: z.array(Guest).optional(),
  presenters: z.array(Presenter).optional(),
  themes: refList('theme'),
  actions: z.array(Action).optional(),
});

export type SessionData = z.output<typeof SessionSchema>;
