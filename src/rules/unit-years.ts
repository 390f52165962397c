import { compareYears } from '../model/dates.js';
import { defineRule } from './define.js';
import { change } from './examples/community.js';

export default defineRule({
  id: 'unit-years',
  severity: 'error',
  summary: "a unit's `until` before its `from`",
  stage: 'records',
  check({ repo, report }) {
    for (const { index, data } of repo.units.entries) {
      if (data.from && data.until && compareYears(data.until, data.from) < 0)
        report(repo.units, [index, 'until'], `unit "${data.id}" closes (${data.until}) before it opens (${data.from})`);
    }
  },
  examples: [
    {
      title: 'a unit that opened before it closed',
      files: change(
        'data/units.json',
        '"kind": "service" }',
        '"kind": "service", "from": "2020-21", "until": "2030-31" }',
      ),
      expect: [],
    },
    {
      title: 'a unit that closes before it opens',
      files: change(
        'data/units.json',
        '"kind": "service" }',
        '"kind": "service", "from": "2024-25", "until": "2020-21" }',
      ),
      expect: ['data/units.json:5:88 unit "library" closes (2020-21) before it opens (2024-25)'],
    },
  ],
});
