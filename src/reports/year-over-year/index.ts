import type { RootContent } from 'mdast';
import { heading, paragraph, root, toMarkdown } from '../../format/markdown.js';
import { NOTHING_YET, REPORTS, generatedNote, type ReportContext } from '../context.js';
import { type Figures, weave } from '../narrative.js';
import { type ChartListener, Page, type RenderedPage } from '../page.js';
import { type Section, type SectionInput, titleOf } from '../section.js';
import headlineFigures from './headline-figures.js';
import cohorts from './cohorts.js';
import meetings from './meetings.js';
import pathways from './pathways.js';
import openAnswers from './open-answers.js';
import surveys from './surveys.js';
import valueCreation from './value-creation.js';

/** The sections of year over year, in order. To add one, add its file and one entry here. */
export const YEAR_OVER_YEAR_SECTIONS: readonly Section<SectionInput>[] = [
  headlineFigures,
  cohorts,
  meetings,
  pathways,
  surveys,
  openAnswers,
  valueCreation,
];

/** `reports/year-over-year.md`: each headline figure per year with its change, and survey questions matched by id. */
export function yearOverYearReport(ctx: ReportContext, figures: Figures, onChart?: ChartListener): RenderedPage {
  const self = REPORTS.yearOverYear;
  const page = new Page(self, onChart);
  const narrative = ctx.narratives.find((n) => n.kind === 'year-over-year');
  const children: RootContent[] = [
    heading(1, narrative?.data.title ?? `${ctx.community.name}: year over year`),
    generatedNote(self),
    paragraph(
      'Each figure with its change from the year before in brackets. Percentage changes are in percentage points ' +
        '(pts).',
    ),
  ];
  if (ctx.metrics.years.length === 0)
    return { markdown: toMarkdown(root([...children.slice(0, 2), NOTHING_YET])), charts: [] };
  const sections = YEAR_OVER_YEAR_SECTIONS.map((section) => ({ section, render: () => section.render({ ctx, page }) }));
  if (narrative) children.push(...weave(narrative, sections, ctx, figures));
  else
    for (const { section, render } of sections) {
      const content = render();
      if (content) children.push(heading(2, titleOf(section, ctx)), ...content);
    }
  return { markdown: toMarkdown(root(children)), charts: page.charts };
}
