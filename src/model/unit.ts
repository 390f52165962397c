import { z } from 'zod';
import { Id, Text, YearString, idList, oneOf } from './fields.js';

/** A department or service of the institution. */
export const UnitSchema = z
  .strictObject({
    id: Id.meta({ title: 'Id', description: 'The unit id, as the roster and guests name it' }),
    name: Text.meta({ title: 'Name', description: 'The name of the department or service' }),
    kind: oneOf(['department', 'service']).meta({ title: 'Kind', description: 'department or service' }),
    from: YearString.optional().meta({
      title: 'From',
      description: 'The first academic year it existed (2019-20); absent means always',
    }),
    until: YearString.optional().meta({
      title: 'Until',
      description: 'The last academic year it existed; absent means it still exists',
    }),
    formerly: idList('unit').optional().meta({
      title: 'Formerly',
      description: 'Old ids this unit replaced: an old id used anywhere counts as this unit',
    }),
  })
  .meta({ title: 'Unit', description: 'A department or service of the institution' });

export type Unit = z.output<typeof UnitSchema>;
