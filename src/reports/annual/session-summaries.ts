import type { RootContent } from 'mdast';
import { emphasis, heading, link, paragraph } from '../../format/markdown.js';
import { formatDate } from '../../model/dates.js';
import type { SessionMetrics, YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, relativeLink, themeTitle } from '../context.js';
import { defineSection } from '../section.js';
import { sessionSummary } from '../summary-points.js';

/** The heading of a session in the session summaries, which theme entries link to. */
export function summaryHeading(session: SessionMetrics): string {
  return `${session.title} (${formatDate(session.date)})`;
}

/** Each session's summary points, read from its minutes' `## Summary` section. */
function sessionSummaries(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const from = REPORTS.annual(year.year);
  const out: RootContent[] = [];
  for (const s of year.sessions) {
    const record = year.records.sessions[s.id]!;
    out.push(heading(3, summaryHeading(s)));
    out.push(
      paragraph(
        emphasis(`Themes: ${record.themes.map((t) => themeTitle(ctx, t)).join('; ') || 'none recorded'}.`),
        ' ',
        link(relativeLink(from, record.file), 'Minutes'),
        '.',
      ),
    );
    // The points as Markdown, placed as they are: written out once, not parsed and written out again.
    const { markdown } = sessionSummary(record.body);
    out.push(markdown !== '' ? { type: 'html', value: markdown } : paragraph('The minutes have no Summary section.'));
  }
  return out;
}

export default defineSection({
  id: 'session-summaries',
  title: 'Session summaries',
  render: ({ ctx, year }) => sessionSummaries(ctx, year),
});
