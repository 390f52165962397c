import { compareStrings } from '../format/compare.js';
import { defineRule } from './define.js';
import { change, MEETINGS } from './examples/community.js';

export default defineRule({
  id: 'meeting-period',
  severity: 'error',
  summary:
    'a meeting return whose period ends before it starts, leaves the academic year of its folder, or overlaps ' +
    'another ' +
    "return of the same unit; or whose id is not its file's name",
  stage: 'records',
  check({ repo, lookup, report }) {
    if (!lookup.yearStart) return;
    const seen = new Map<string, Array<{ file: (typeof repo.meetings)[number]; from: string; to: string }>>();
    for (const m of [...repo.meetings].sort((a, b) => compareStrings(a.file, b.file))) {
      const { from, to } = m.data.period;
      if (m.data.id !== m.name)
        report(m, ['id'], `the id "${m.data.id}" is not the file's name "${m.name}": make them the same`, {
          expected: [m.name],
        });
      if (from > to) {
        report(m, ['period', 'to'], `the period ends (${to}) before it starts (${from}): correct one of the dates`);
        continue;
      }
      const year = lookup.yearOf(from);
      if (lookup.yearOf(to) !== year) {
        report(
          m,
          ['period', 'to'],
          `the period runs from ${year} into ${lookup.yearOf(to)}: a return covers days of one academic year; ` +
            `split it into one return for each year`,
        );
        continue;
      }
      if (m.folder !== undefined && m.folder !== year) {
        report(
          m,
          ['period', 'from'],
          `the period is in ${year}, but the return is in meetings/${m.folder}/: move it to meetings/${year}/, ` +
            `or correct the dates`,
        );
        continue;
      }
      m.data.units.forEach((u, i) => {
        const key = `${year}/${u.unit}`;
        const earlier = (seen.get(key) ?? []).find((e) => e.from <= to && from <= e.to);
        if (earlier)
          report(
            m,
            ['units', i, 'unit'],
            `the counts of "${u.unit}" from ${from} to ${to} overlap those of ${earlier.file.file} ` +
              `(${earlier.from} to ${earlier.to}): the same meetings would count twice. Give each return of a ` +
              `unit its own days`,
            {
              cause: { source: earlier.file, path: ['period'], message: `the period of ${earlier.file.file}` },
            },
          );
        seen.set(key, [...(seen.get(key) ?? []), { file: m, from, to }]);
      });
    }
  },
  examples: [
    { title: "a return inside its folder's year", files: {}, expect: [] },
    {
      title: 'a period that runs into the next year',
      files: change(MEETINGS, '"to": "2024-12-31"', '"to": "2025-08-31"'),
      expect: [
        'meetings/2024-25/autumn.json:3:43 the period runs from 2024-25 into 2025-26: a return covers days of one ' +
          'academic year; split it into one return for each year',
      ],
    },
    {
      title: 'a return filed under another year',
      files: {
        'meetings/2023-24/autumn.json': change(MEETINGS, '"from": "2024-08-01"', '"from": "2024-08-02"')[MEETINGS]!,
        [MEETINGS]: null,
      },
      expect: [
        'meetings/2023-24/autumn.json:3:23 the period is in 2024-25, but the return is in meetings/2023-24/: move ' +
          'it to meetings/2024-25/, or correct the dates',
      ],
    },
    {
      title: 'two returns of one unit over the same days',
      files: {
        'meetings/2024-25/december.json': change(MEETINGS, '"id": "autumn"', '"id": "december"')[MEETINGS]!.replace(
          '"from": "2024-08-01"',
          '"from": "2024-12-01"',
        ),
      },
      expect: [
        'meetings/2024-25/december.json:6:15 the counts of "history" from 2024-12-01 to 2024-12-31 overlap those ' +
          'of meetings/2024-25/autumn.json (2024-08-01 to 2024-12-31): the same meetings would count twice. Give ' +
          'each return of a unit its own days',
      ],
    },
    {
      title: "an id that is not the file's name",
      files: change(MEETINGS, '"id": "autumn"', '"id": "autumn-term"'),
      expect: [
        'meetings/2024-25/autumn.json:2:9 the id "autumn-term" is not the file\'s name "autumn": make them the same',
      ],
    },
  ],
});
