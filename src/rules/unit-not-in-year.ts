import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { unitReferences } from './support/units.js';

export default defineRule({
  id: 'unit-not-in-year',
  severity: 'error',
  summary: "a guest unit that did not exist in the session's academic year",
  stage: 'records',
  check({ repo, lookup, report }) {
    for (const ref of unitReferences(repo, lookup)) {
      const unit = lookup.unit(ref.id);
      if (!unit || !ref.year || lookup.unitExistsIn(unit, ref.year)) continue;
      const span =
        `${unit.from ? `from ${unit.from}` : ''}${unit.from && unit.until ? ' ' : ''}` +
        `${unit.until ? `until ${unit.until}` : ''}`;
      report(ref.source, ref.path, `unit "${unit.id}" (${unit.name}) existed only ${span}, not in ${ref.year}`);
    }
  },
  examples: [
    {
      title: 'a guest from a unit of that year',
      files: change(MINUTES, 'themes: [induction]', 'guests:\n  - unit: library\nthemes: [induction]'),
      expect: [],
    },
    {
      title: 'a guest from a unit that closed the year before',
      files: {
        ...change(MINUTES, 'themes: [induction]', 'guests:\n  - unit: library\nthemes: [induction]'),
        ...change('data/units.json', '"kind": "service" }', '"kind": "service", "until": "2023-24" }'),
      },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:9:11 unit "library" (Library) existed only until 2023-24, not in ' +
          '2024-25',
      ],
    },
  ],
});
