import { z } from 'zod';
import { DateString, Id, Text, oneOf } from './fields.js';

export const MemberSchema = z.strictObject({
  id: Id,
  name: Text,
  unit: Id,
  role: oneOf(['academic', 'professional']),
  joined: DateString,
  left: DateString.optional(),
});

export type Member = z.output<typeof MemberSchema>;
