import { z } from 'zod';
import { Count, DateString, Id, Text, oneOf } from './fields.js';

/** Who produced an output: a member, a team entry, or a person named as published. */
const Author = z
  .strictObject({ member: Id.optional(), team: Id.optional(), name: Text.optional() })
  .refine((a) => [a.member, a.team, a.name].filter((x) => x !== undefined).length === 1, {
    error: 'an author is exactly one of: member (an id), team (an id) or name',
  });

/** Presentations, publications and professional recognition the community produced. */
export const OutputSchema = z.strictObject({
  id: Id,
  type: oneOf(['presentation', 'publication', 'recognition']),
  title: Text,
  date: DateString,
  venue: Text.optional(),
  authors: z.array(Author).optional(),
  /** For recognition: how many members, when they are not listed one by one. */
  count: Count.optional(),
  url: Text.optional(),
});

export type Output = z.output<typeof OutputSchema>;
