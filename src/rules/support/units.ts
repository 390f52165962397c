import type { AcademicYear } from '../../model/dates.js';
import type { Lookup } from '../../model/lookup.js';
import type { DocPath, SourceRef } from '../../model/positions.js';
import { everyMinutesFile, type Repository } from '../../model/repository.js';

export interface UnitReference {
  id: string;
  source: SourceRef;
  path: DocPath;
  /** The academic year the unit must have existed in: a guest's session's. */
  year?: AcademicYear;
}

/** Every place a unit is named: members' units and guests' units. */
export function unitReferences(repo: Repository, lookup: Lookup): UnitReference[] {
  const refs: UnitReference[] = repo.members.entries.map(({ index, data }) => ({
    id: data.unit,
    source: repo.members,
    path: [index, 'unit'],
  }));
  for (const s of everyMinutesFile(repo)) {
    const year = lookup.yearStart && s.data.date ? lookup.yearOf(s.data.date) : undefined;
    s.data.guests?.forEach((g, i) => {
      if (g.unit !== undefined)
        refs.push({ id: g.unit, source: s, path: ['guests', i, 'unit'], ...(year ? { year } : {}) });
    });
  }
  return refs;
}
