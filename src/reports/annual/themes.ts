import type { BlockContent, RootContent } from 'mdast';
import { formatMonth } from '../../model/dates.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { heading, headingLink, list, listItem, paragraph, strong } from '../../format/markdown.js';
import { summaryHeading } from './session-summaries.js';
import { defineSection } from '../section.js';
import { sessionSummary } from '../summary-points.js';

/**
 * Topics by theme, grouped under the aims they serve: each theme once, under the first aim it serves (the others
 * named), with the sessions that discussed it and the topics of their summary points (the points themselves are in the
 * session summaries). A session with several themes lists its topics under the first; later ones point back to it.
 */
function themesSection(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const discussed = new Map(year.themes.map((t) => [t.id, t.sessions]));
  if (discussed.size === 0) return [paragraph("No themes were recorded in this year's minutes.")];

  const out: RootContent[] = [
    paragraph('The themes discussed this year, under the aims they serve, with the topics each session discussed.'),
  ];
  const aimTitle = new Map(ctx.community.aims.map((a) => [a.id, a.title]));
  const groups = [
    ...ctx.community.aims.map((aim) => ({
      title: aim.title,
      themes: ctx.community.themes.filter((t) => t.aims[0] === aim.id),
    })),
    { title: 'Themes not linked to an aim', themes: ctx.community.themes.filter((t) => t.aims.length === 0) },
  ];
  const shownUnder = new Map<string, string>();
  for (const g of groups) {
    const themes = g.themes.filter((t) => discussed.has(t.id));
    if (themes.length === 0) continue;
    out.push(heading(3, g.title));
    out.push(
      list(
        themes.map((theme) => {
          const also = theme.aims.slice(1).map((a) => aimTitle.get(a) ?? a);
          const sessions = discussed.get(theme.id)!.map((id) => year.sessions.find((s) => s.id === id)!);
          const items = sessions.map((s) => {
            const entry = [headingLink(summaryHeading(s), s.title), `, ${formatMonth(s.date)}`];
            const earlier = shownUnder.get(s.id);
            if (earlier !== undefined) return listItem([paragraph(...entry, ` (its topics are under ${earlier})`)]);
            shownUnder.set(s.id, theme.title);
            const { topics } = sessionSummary(year.records.sessions[s.id]!.body);
            return listItem([paragraph(...entry, topics.length > 0 ? `: ${topics.join('; ')}.` : '.')]);
          });
          const content: BlockContent[] = [
            paragraph(strong(theme.title), also.length > 0 ? ` (also serves: ${also.join('; ')})` : ''),
            list(items),
          ];
          return listItem(content);
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
