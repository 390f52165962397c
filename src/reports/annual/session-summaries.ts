import type { RootContent } from 'mdast';
import { emphasis, heading, link, list, paragraph } from '../../format/markdown.js';
import { formatDate } from '../../model/dates.js';
import type { Session } from '../../model/repository.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, relativeLink, themeTitle } from '../context.js';
import { summaryPoints } from '../minutes-summary.js';
import { defineSection } from '../section.js';

/** The heading of a session in the session summaries, which theme entries link to. */
export function summaryHeading(session: Session): string {
  return `${session.data.title} (${formatDate(session.data.date)})`;
}

/** Each session's summary points, read from its minutes' `## Summary` section. */
function sessionSummaries(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const from = REPORTS.annual(year.year);
  const out: RootContent[] = [];
  for (const s of year.sessions) {
    const session = ctx.lookup.sessions.get(s.id)!;
    out.push(heading(3, summaryHeading(session)));
    out.push(
      paragraph(
        emphasis(`Themes: ${session.data.themes.map((t) => themeTitle(ctx, t)).join('; ') || 'none recorded'}.`),
        ' ',
        link(relativeLink(from, session.file), 'Minutes'),
        '.',
      ),
    );
    const points = summaryPoints(session.body);
    out.push(points.length > 0 ? list(points) : paragraph('The minutes have no Summary section.'));
  }
  return out;
}

export default defineSection({
  id: 'session-summaries',
  title: 'Session summaries',
  render: ({ ctx, year }) => sessionSummaries(ctx, year),
});
