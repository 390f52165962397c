import { z } from 'zod';
import { Count, DateString, Id, Text, YearString, oneOf } from './fields.js';

/** Who produced an output: a member, a team entry, or a person named as published. */
const Author = z
  .strictObject({
    member: Id.optional().meta({ title: 'Member', description: 'An author who is a member (a member id)' }),
    team: Id.optional().meta({ title: 'Team', description: 'An author from the team (a team id)' }),
    name: Text.optional().meta({ title: 'Name', description: 'Any other author, named as published' }),
  })
  .refine((a) => [a.member, a.team, a.name].filter((x) => x !== undefined).length === 1, {
    error: 'an author is exactly one of: member (an id), team (an id) or name',
  });

/** Presentations, publications and professional recognition the community produced. */
export const OutputSchema = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The output id' }),
    type: oneOf(['presentation', 'publication', 'recognition']).meta({
      title: 'Type',
      description: 'presentation, publication or recognition (professional recognition)',
    }),
    title: Text.meta({ title: 'Title', description: 'Its title' }),
    date: DateString.optional().meta({
      title: 'Date',
      description: 'When it was given, published or awarded, YYYY-MM-DD; it counts in that academic year',
    }),
    year: YearString.optional().meta({
      title: 'Year',
      description:
        'The academic year (2024-25), in place of date when the day is not known: a guessed date would be printed',
    }),
    venue: Text.optional().meta({ title: 'Venue', description: 'Where: a conference, a journal, a scheme' }),
    authors: z
      .array(Author)
      .optional()
      .meta({ title: 'Authors', description: 'Who produced it: members, team entries or names as published' }),
    /** For recognition: how many members, when they are not listed one by one. */
    count: Count.optional().meta({
      title: 'Count',
      description: 'For recognition: how many members, when they are not listed one by one',
    }),
    url: Text.optional().meta({ title: 'Link', description: 'Where it can be read' }),
  })
  .refine((o) => (o.date === undefined) !== (o.year === undefined), {
    error: 'an output has a date (YYYY-MM-DD) or, when the day is not known, a year (2024-25): one of the two',
  })
  .meta({
    title: 'Output',
    description: 'A presentation, publication or professional recognition the community produced',
  });

export type Output = z.output<typeof OutputSchema>;
