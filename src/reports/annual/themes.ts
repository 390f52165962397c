import type { RootContent } from 'mdast';
import { formatMonth } from '../../model/dates.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, relativeLink } from '../context.js';
import { heading, headingLink, link, list, listItem, paragraph, strong } from '../../format/markdown.js';
import { summaryHeading } from './session-summaries.js';
import { defineSection } from '../section.js';

/**
 * Topics by theme, grouped under the aims they serve: each theme lists the sessions that
 * discussed it, linking to their summary points further down and to their minutes. A
 * theme that serves several aims is listed under each.
 */
function themesSection(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const from = REPORTS.annual(year.year);
  const discussed = new Map(year.themes.map((t) => [t.id, t.sessions]));
  if (discussed.size === 0) return [paragraph("No themes were recorded in this year's minutes.")];

  const out: RootContent[] = [
    paragraph('The themes discussed this year, under the aims they serve, with the sessions that discussed them.'),
  ];
  const groups = [
    ...ctx.community.aims.map((aim) => ({
      title: aim.title,
      themes: ctx.community.themes.filter((t) => t.aims.includes(aim.id)),
    })),
    { title: 'Themes not linked to an aim', themes: ctx.community.themes.filter((t) => t.aims.length === 0) },
  ];
  for (const g of groups) {
    const themes = g.themes.filter((t) => discussed.has(t.id));
    if (themes.length === 0) continue;
    out.push(heading(3, g.title));
    out.push(
      list(
        themes.map((theme) => {
          const sessions = discussed.get(theme.id)!.map((id) => year.sessions.find((s) => s.id === id)!);
          const items = sessions.map((s) => [
            headingLink(summaryHeading(s), s.title),
            `, ${formatMonth(s.date)} (`,
            link(relativeLink(from, year.records.sessions[s.id]!.file), 'minutes'),
            ')',
          ]);
          return listItem([paragraph(strong(theme.title)), list(items)]);
        }),
      ),
    );
  }
  return out;
}

export default defineSection({
  id: 'themes',
  title: 'Topics by theme',
  render: ({ ctx, year }) => themesSection(ctx, year),
});
