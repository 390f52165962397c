import { FILES } from '../../load/documents.js';
import { expectedIds, listing, nameKey, suggestion } from '../support/suggest.js';
import { unitReferences } from '../support/units.js';
import type { ReferenceCheck } from './context.js';

/** A member's unit and a guest's unit name a unit of data/units.json (or an old id it replaced). */
export const units: ReferenceCheck = ({ repo, lookup, report, unitsKnown, shapeOnly }) => {
  const brokenUnits = repo.units.brokenIds;
  for (const ref of unitReferences(repo, lookup)) {
    if (!unitsKnown) {
      shapeOnly(ref.id, ref.source, ref.path, 'unit');
      continue;
    }
    if (brokenUnits.has(ref.id) || lookup.unit(ref.id)) continue;
    const byUnitName = [...lookup.units.values()].find((u) => nameKey(u.name) === nameKey(ref.id));
    if (byUnitName) {
      report(ref.source, ref.path, `unit "${ref.id}" is the name of ${byUnitName.id}: write ${byUnitName.id}`, {
        expected: [byUnitName.id],
      });
      continue;
    }
    const ids = [...lookup.units.keys()];
    report(
      ref.source,
      ref.path,
      `unit "${ref.id}" is not in ${FILES.units}.${suggestion(ref.id, ids)}` +
        `${listing(ref.id, ids, 'unit ids nearest to it')} A new unit goes in ${FILES.units}.`,
      { expected: expectedIds(ref.id, ids) },
    );
  }
};
