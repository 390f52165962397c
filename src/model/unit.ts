import { z } from 'zod';
import { Id, Text, YearString, idList, oneOf } from './fields.js';

/** A department or service of the institution. */
export const UnitSchema = z.strictObject({
  id: Id,
  name: Text,
  kind: oneOf(['department', 'service']),
  from: YearString.optional(),
  until: YearString.optional(),
  formerly: idList('unit').optional(),
});

export type Unit = z.output<typeof UnitSchema>;
