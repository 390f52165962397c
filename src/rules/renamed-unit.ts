import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { unitReferences } from './support/units.js';

export default defineRule({
  id: 'renamed-unit',
  severity: 'warning',
  summary:
    "an old unit id (listed in another unit's `formerly`): it resolves to the new unit, with a warning naming it",
  stage: 'records',
  check({ repo, lookup, report }) {
    if (!repo.units.readable) return;
    for (const ref of unitReferences(repo, lookup)) {
      const unit = lookup.unit(ref.id);
      if (!unit || unit.id === ref.id) continue;
      const index = repo.units.entries.find((e) => e.data.id === unit.id)!.index;
      report(
        ref.source,
        ref.path,
        `"${ref.id}" is an old id of the unit "${unit.id}" (${unit.name}): write "${unit.id}" instead`,
        {
          expected: [unit.id],
          cause: { source: repo.units, path: [index, 'formerly'], message: `"${unit.id}" replaced "${ref.id}"` },
        },
      );
    }
  },
  examples: [
    { title: "the unit's current id", files: {}, expect: [] },
    {
      title: "a guest unit's old id",
      files: change(MINUTES, 'themes: [induction]', 'guests:\n  - unit: modern-languages\nthemes: [induction]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:9:11 "modern-languages" is an old id of the unit "languages" ' +
          '(School of Languages): write "languages" instead',
      ],
    },
  ],
});
