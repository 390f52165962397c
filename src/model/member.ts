import { z } from 'zod';
import { DateString, Id, Text, oneOf } from './fields.js';

export const MemberSchema = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The member id minutes use (m01)' }),
    name: Text.meta({
      title: 'Name',
      description: "The member's name: kept in the repository, never printed in reports",
    }),
    unit: Id.meta({ title: 'Unit', description: 'Their department or service (an id of data/units.json)' }),
    role: Id.meta({
      title: 'Role',
      description: 'academic, professional, or a role of data/community.json\'s "roles"',
    }),
    joined: DateString.meta({ title: 'Joined', description: 'The day they joined, YYYY-MM-DD' }),
    left: DateString.optional().meta({
      title: 'Left',
      description: 'The day they left, YYYY-MM-DD; absent while they are a member',
    }),
    mentoring: oneOf(['active', 'waiting', 'none']).optional().meta({
      title: 'Mentoring',
      description: 'active (in a mentoring relationship), waiting (to be matched with a mentee) or none',
    }),
    mentoringSince: DateString.optional().meta({
      title: 'Mentoring since',
      description: 'Since when their mentoring status holds, YYYY-MM-DD: how long a member has waited',
    }),
  })
  .meta({ title: 'Member', description: 'One entry of the roster' });

export type Member = z.output<typeof MemberSchema>;

/** The roster's schema for a community: a role must be a built-in one or one of its own. */
export function memberSchemaFor(roles: readonly string[]) {
  return MemberSchema.extend({
    role: oneOf(roles as [string, ...string[]]).meta({ title: 'Role', description: `One of ${roles.join(', ')}` }),
  });
}
