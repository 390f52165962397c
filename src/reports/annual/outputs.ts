import type { RootContent } from 'mdast';
import { formatDate } from '../../model/dates.js';
import type { Output } from '../../model/output.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { emphasis, heading, link, list, paragraph } from '../../format/markdown.js';
import { plural } from '../../format/numbers.js';
import { defineSection } from '../section.js';

function authors(ctx: ReportContext, output: Output): string {
  const names = (output.authors ?? []).map((a) => {
    if (a.name !== undefined) return a.name;
    if (a.team !== undefined) return ctx.community.team.find((t) => t.id === a.team)?.name ?? a.team;
    return ctx.lookup.members.get(a.member!)?.name ?? a.member!;
  });
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Presentations, publications and recognition dated in the year; absent when outputs.json is. */
function outputsSection(ctx: ReportContext, year: YearMetrics): RootContent[] | undefined {
  const outputs = ctx.lookup.repo.outputs;
  if (!outputs) return undefined;
  const inYear = outputs.entries.map((e) => e.data).filter((o) => o.date >= year.firstDay && o.date <= year.lastDay);
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
    out.push(heading(3, title));
    out.push(
      list(
        items.map((o) => {
          const name = o.url ? link(o.url, o.title) : emphasis(o.title);
          const who = authors(ctx, o);
          const count = o.count !== undefined ? `${plural(o.count, 'member')}: ` : '';
          const where = [o.venue, formatDate(o.date)].filter(Boolean).join(', ');
          return type === 'recognition' ? [count, o.title, ` (${where})`] : [name, who ? `, ${who}` : '', ` (${where})`];
        }),
      ),
    );
  }
  return out;
}

export default defineSection({
  id: 'outputs',
  title: 'Outputs',
  render: ({ ctx, year }) => outputsSection(ctx, year),
});
