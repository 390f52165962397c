import type { RootContent } from 'mdast';
import { heading, resolveHeadingLinks, root, toMarkdown } from '../../format/markdown.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, generatedNote } from '../context.js';
import { type Figures, weave } from '../narrative.js';
import { type ChartListener, Page, type RenderedPage } from '../page.js';
import { forgetSummaryPoints } from '../summary-points.js';
import { type Section, titleOf, type YearSectionInput } from '../section.js';
import actions from './actions.js';
import aims from './aims.js';
import departments from './departments.js';
import health from './health.js';
import meetings from './meetings.js';
import openAnswers from './open-answers.js';
import outputs from './outputs.js';
import participation from './participation.js';
import recognition from './recognition.js';
import scheduled from './scheduled.js';
import sessionSummaries from './session-summaries.js';
import sessions from './sessions.js';
import summary from './summary.js';
import surveys from './surveys.js';
import themes from './themes.js';
import valueCreation from './value-creation.js';

/**
 * The annual report's sections, in the order of the published annual report. To add one, add its file and one entry
 * here.
 */
export const ANNUAL_SECTIONS: readonly Section<YearSectionInput>[] = [
  summary,
  aims,
  participation,
  health,
  departments,
  meetings,
  sessions,
  scheduled,
  themes,
  actions,
  recognition,
  outputs,
  surveys,
  openAnswers,
  valueCreation,
  sessionSummaries,
];

/** `reports/<year>/annual-report.md`. */
export function annualReport(
  ctx: ReportContext,
  year: YearMetrics,
  figures: Figures,
  onChart?: ChartListener,
): RenderedPage {
  const self = REPORTS.annual(year.year);
  const page = new Page(self, onChart);
  const narrative = ctx.narratives.find((n) => n.kind === 'annual' && n.year === year.year);
  const children: RootContent[] = [
    heading(1, narrative?.data.title ?? `${ctx.community.name}: Annual Report ${year.year}`),
    generatedNote(self),
  ];
  const sections = ANNUAL_SECTIONS.map((section) => ({ section, render: () => section.render({ ctx, year, page }) }));
  if (narrative) children.push(...weave(narrative, sections, ctx, figures));
  else
    for (const { section, render } of sections) {
      const content = render();
      if (content) children.push(heading(2, titleOf(section, ctx)), ...content);
    }
  const markdown = toMarkdown(resolveHeadingLinks(root(children)));
  forgetSummaryPoints();
  return { markdown, charts: page.charts };
}
