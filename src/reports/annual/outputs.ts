import type { RootContent } from 'mdast';
import { formatDate } from '../../model/dates.js';
import type { Output } from '../../model/output.js';
import type { OutputRecord, YearMetrics } from '../../metrics/types.js';
import { emphasis, heading, link, list, paragraph } from '../../format/markdown.js';
import { plural } from '../../format/numbers.js';
import { defineSection } from '../section.js';

function authors(output: OutputRecord): string {
  const names = output.authors;
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Presentations, publications and recognition dated in the year; absent when outputs.json is. */
function outputsSection(year: YearMetrics): RootContent[] | undefined {
  const inYear = year.records.outputs;
  if (!inYear) return undefined;
  if (inYear.length === 0) return [paragraph('No presentations, publications or recognition were recorded this year.')];
  const out: RootContent[] = [];
  const kinds: Array<[Output['type'], string]> = [
    ['presentation', 'Presentations'],
    ['publication', 'Publications'],
    ['recognition', 'Professional recognition'],
  ];
  for (const [type, title] of kinds) {
    const items = inYear.filter((o) => o.type === type);
    if (items.length === 0) continue;
    // Identical outputs (the same kind, title and date: one award given to several members) are one line, counted.
    const groups = new Map<string, OutputRecord[]>();
    for (const o of items) {
      const key = JSON.stringify([o.title, o.date ?? o.year, o.venue ?? '']);
      groups.set(key, [...(groups.get(key) ?? []), o]);
    }
    out.push(heading(3, title));
    out.push(
      list(
        [...groups.values()].map((group) => {
          const o = group[0]!;
          const name = o.url ? link(o.url, o.title) : emphasis(o.title);
          const who = authors({ ...o, authors: [...new Set(group.flatMap((g) => g.authors))] });
          const many = group.reduce((n, g) => n + (g.count ?? 1), 0);
          const count =
            type === 'recognition' && (o.count !== undefined || group.length > 1) ? `${plural(many, 'member')}: ` : '';
          const times = type !== 'recognition' && group.length > 1 ? ` (${group.length} times)` : '';
          const where = [o.venue, o.date ? formatDate(o.date) : `during ${o.year}`].filter(Boolean).join(', ');
          return type === 'recognition'
            ? [count, o.title, ` (${where})`]
            : [name, who ? `, ${who}` : '', ` (${where})${times}`];
        }),
      ),
    );
  }
  return out;
}

export default defineSection({
  id: 'outputs',
  title: 'Outputs',
  render: ({ year }) => outputsSection(year),
});
