import type { RootContent } from 'mdast';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, generatedNote } from '../context.js';
import { heading, resolveHeadingLinks, root, toMarkdown } from '../../format/markdown.js';
import { Page, type RenderedPage } from '../page.js';
import { actionsSection } from './actions.js';
import { aimsSection } from './aims.js';
import { departmentsSection } from './departments.js';
import { outputsSection } from './outputs.js';
import { participationSection } from './participation.js';
import { sessionsSection } from './sessions.js';
import { surveysSection } from './surveys.js';
import { executiveSummary } from './summary.js';
import { sessionSummaries, themesSection } from './themes.js';

/** `reports/<year>/annual-report.md`, in the order of the published annual report. */
export function annualReport(ctx: ReportContext, year: YearMetrics): RenderedPage {
  const self = REPORTS.annual(year.year);
  const page = new Page(self);
  const outputs = outputsSection(ctx, year);
  const children: RootContent[] = [
    heading(1, `${ctx.community.name}: Annual Report ${year.year}`),
    generatedNote(self),
    heading(2, 'Executive summary'),
    ...executiveSummary(ctx, year),
    heading(2, 'Aims'),
    ...aimsSection(ctx),
    heading(2, 'Participation and engagement'),
    ...participationSection(ctx, year, page),
    heading(2, 'Departmental engagement'),
    ...departmentsSection(ctx, year),
    heading(2, 'Activities and sessions'),
    ...sessionsSection(ctx, year, page),
    heading(2, 'Topics by theme'),
    ...themesSection(ctx, year),
    heading(2, 'Actions'),
    ...actionsSection(ctx, year),
    ...(outputs ? [heading(2, 'Outputs'), ...outputs] : []),
    heading(2, 'Surveys'),
    ...surveysSection(ctx, year, page),
    heading(2, 'Session summaries'),
    ...sessionSummaries(ctx, year),
  ];
  return { markdown: toMarkdown(resolveHeadingLinks(root(children))), charts: page.charts };
}
