import type { RootContent } from 'mdast';
import { REPORTS, generatedNote, relativeLink, type ReportContext } from './context.js';
import { HEADLINES } from './headline.js';
import { heading, link, list, root, table, toMarkdown } from '../format/markdown.js';
import { decimal } from '../format/numbers.js';

/** `reports/README.md`: the latest year's headline figures and a link to every report. */
export function indexPage(ctx: ReportContext): string {
  const years = ctx.metrics.years;
  const latest = years[years.length - 1];
  const self = REPORTS.index;
  const to = (path: string) => relativeLink(self, path);
  const children: RootContent[] = [heading(1, `${ctx.community.name}: reports`), generatedNote(self)];
  if (latest) {
    children.push(
      heading(2, `Headline figures, ${latest.year}`),
      table(
        [{ header: 'Figure' }, { header: latest.year, align: 'right' }],
        HEADLINES.map((h) => {
          const v = h.value(latest);
          return [h.label, v === undefined ? '–' : h.kind === 'percent' ? `${decimal(v)}%` : String(v)];
        }),
      ),
    );
  }
  children.push(
    heading(2, 'Reports'),
    list([
      ...[...years].reverse().map((y) => [link(to(REPORTS.annual(y.year)), `Annual report ${y.year}`)]),
      [link(to(REPORTS.yearOverYear), 'Year over year')],
      [link(to(REPORTS.engagement), 'Department engagement by year')],
      [link(to(REPORTS.metrics), 'All metrics as JSON'), ' (for dashboards and other communities)'],
    ]),
  );
  return toMarkdown(root(children));
}
