import { z } from 'zod';
import { DateString, Id, Ref, Text } from './fields.js';

/** A count of people or meetings: a whole number, 0 or more. */
const Tally = z
  .number({ error: 'must be a whole number, 0 or more' })
  .int({ error: 'must be a whole number, 0 or more' })
  .min(0, { error: 'must be a whole number, 0 or more' });

const tallies = (title: string, description: string) =>
  z
    .record(Ref, Tally, { error: 'must be an object of counts by id, for example { "one-to-one": 40 }' })
    .optional()
    .meta({ title, description });

/** One unit's counts over the return's period: never a mentee, only how many. */
const MeetingUnitSchema = z
  .strictObject({
    unit: Ref.meta({ title: 'Unit', description: 'The unit the counts are of (a unit id of data/units.json)' }),
    mentors: Tally.optional().meta({ title: 'Mentors', description: 'Mentors allocated in the unit' }),
    mentorsReporting: Tally.optional().meta({
      title: 'Mentors reporting',
      description: 'Mentors whose meetings these counts include (no more than mentors)',
    }),
    mentees: Tally.optional().meta({ title: 'Mentees', description: 'Mentees allocated to the mentors' }),
    menteesMet: Tally.optional().meta({
      title: 'Mentees met',
      description: 'Distinct mentees met at least once in the period (no more than mentees)',
    }),
    meetings: tallies('Meetings', 'Meetings by type: "one-to-one", "group" or a type of your own'),
    modes: tallies('Modes', 'Meetings by mode: "in-person", "online" or a mode of your own'),
    referrals: tallies(
      'Referrals',
      'Referrals by where to: a service unit of data/units.json, or a referralTargets id of data/community.json',
    ),
    topics: tallies(
      'Topics',
      'Meetings by topic: a theme of data/community.json, or a meetingTopics id of data/community.json',
    ),
  })
  .meta({ title: 'Unit counts', description: "A unit's counts over the period: how many, never who" });

/** `meetings/<year>/<id>.json`: what mentors did between sessions, as counts. */
export const MeetingReturnSchema = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The return id: the file name without .json' }),
    period: z
      .strictObject({
        from: DateString.meta({ title: 'From', description: 'The first day the counts cover, YYYY-MM-DD' }),
        to: DateString.meta({ title: 'To', description: 'The last day, YYYY-MM-DD, in the same academic year' }),
      })
      .meta({ title: 'Period', description: 'The days the counts cover, inside the academic year of the folder' }),
    source: Text.optional().meta({
      title: 'Source',
      description: 'Where the counts come from: "Mentoring meetings log, Microsoft Forms export"',
    }),
    cumulative: z.boolean({ error: 'must be true or false' }).optional().meta({
      title: 'Cumulative',
      description:
        "Whether menteesMet counts everyone met since the year's start (true), rather than in this period only",
    }),
    units: z
      .array(MeetingUnitSchema, { error: 'must be a list of units with their counts' })
      .min(1, { error: 'must list at least one unit with its counts' })
      .meta({ title: 'Units', description: "Each unit's counts" }),
  })
  .meta({
    title: 'Meeting return',
    description: 'meetings/<year>/<id>.json: counts of mentoring meetings over a period, never a mentee',
  });

export type MeetingReturn = z.output<typeof MeetingReturnSchema>;
export type MeetingUnit = z.output<typeof MeetingUnitSchema>;
