import type { RootContent } from 'mdast';
import type { ScaleMetrics, YearMetrics } from '../metrics/types.js';
import type { Question } from '../model/survey.js';
import { REPORTS, generatedNote, type ReportContext } from './context.js';
import { HEADLINES } from './headline.js';
import { yearOverYearChart } from './charts/year-over-year.js';
import { heading, paragraph, root, table, toMarkdown, type Inline } from '../format/markdown.js';
import { Page, type RenderedPage } from './page.js';
import { change, decimal, percent } from '../format/numbers.js';
import { questionTitle } from './annual/surveys.js';
import { surveyShown } from './disclosure.js';
import { plural } from '../format/numbers.js';

function cell(value: number | undefined, before: number | undefined, kind: 'count' | 'percent'): string {
  if (value === undefined) return '–';
  const shown = kind === 'percent' ? `${decimal(value)}%` : String(value);
  if (before === undefined) return shown;
  const delta = kind === 'percent' ? `${change(value - before, 1)} pts` : change(value - before);
  return `${shown} (${delta})`;
}

/** `reports/year-over-year.md`: each headline figure per year with its change, and survey questions matched by id. */
export function yearOverYearReport(ctx: ReportContext): RenderedPage {
  const years = ctx.metrics.years;
  const self = REPORTS.yearOverYear;
  const page = new Page(self);
  const children: RootContent[] = [
    heading(1, `${ctx.community.name}: year over year`),
    generatedNote(self),
    paragraph('Each figure with its change from the year before in brackets. Percentage changes are in percentage points (pts).'),
    heading(2, 'Headline figures'),
    ...page.embed(yearOverYearChart(years, 'reports/year-over-year.svg')),
    table(
      [{ header: 'Figure' }, ...years.map((y) => ({ header: y.year, align: 'right' as const }))],
      HEADLINES.map((h) => [h.label, ...years.map((y, i) => cell(h.value(y), i > 0 ? h.value(years[i - 1]!) : undefined, h.kind))]),
    ),
    heading(2, 'Surveys'),
    ...surveyComparison(ctx, years),
  ];
  return { markdown: toMarkdown(root(children)), charts: page.charts };
}

/** Surveys with the same id in different years, question by question (matched by question id). */
function surveyComparison(ctx: ReportContext, years: readonly YearMetrics[]): RootContent[] {
  const ids = [...new Set(years.flatMap((y) => Object.keys(y.surveys)))].sort();
  if (ids.length === 0) return [paragraph('No surveys were run.')];
  const out: RootContent[] = [];
  for (const id of ids) {
    const runs = years.filter((y) => y.surveys[id] !== undefined);
    const latest = runs[runs.length - 1]!;
    out.push(heading(3, latest.surveys[id]!.title));
    const shown = runs.filter((y) => surveyShown(y.surveys[id]!, ctx.privacy));
    out.push(
      table(
        [{ header: '' }, ...runs.map((y) => ({ header: y.year, align: 'right' as const }))],
        [
          ['Responses', ...runs.map((y) => String(y.surveys[id]!.responses))],
          [
            'Response rate',
            ...runs.map((y) => {
              const s = y.surveys[id]!;
              return s.population ? percent(s.responses, s.population) : '–';
            }),
          ],
        ],
      ),
    );
    if (shown.length < runs.length) {
      out.push(paragraph(`Years with fewer than ${plural(ctx.privacy.minResponses, 'response')} (privacy.minResponses) are left out of the comparison below.`));
    }
    const questions = questionsOf(ctx, id, shown);
    const rows: Inline[][] = [];
    for (const q of questions) rows.push(...questionRows(q, id, shown, ctx.privacy.minGroupSize));
    if (rows.length > 0) {
      out.push(table([{ header: 'Question' }, { header: 'Measure' }, ...shown.map((y) => ({ header: y.year, align: 'right' as const }))], rows));
    }
  }
  return out;
}

/** The questions of the latest run, with any older question ids that later runs dropped. */
function questionsOf(ctx: ReportContext, surveyId: string, years: readonly YearMetrics[]): Question[] {
  const seen = new Map<string, Question>();
  for (const y of [...years].reverse()) {
    const file = ctx.lookup.repo.surveys.find((s) => s.file === y.surveys[surveyId]!.file);
    for (const q of file?.data.questions ?? []) if (!seen.has(q.id)) seen.set(q.id, q);
  }
  return [...seen.values()];
}

function questionRows(q: Question, surveyId: string, years: readonly YearMetrics[], minGroupSize: number): Inline[][] {
  const metric = (y: YearMetrics) => y.surveys[surveyId]!.questions[q.id];
  const label = questionTitle(q);
  const scaleCell = (s: ScaleMetrics | undefined): string => (!s || s.n < minGroupSize ? '–' : `${decimal(s.mean)} (n = ${s.n})`);
  switch (q.type) {
    case 'scale':
      return [[label, 'Mean', ...years.map((y) => scaleCell(metric(y) as ScaleMetrics | undefined))]];
    case 'matrix':
      return q.items.map((it) => [
        `${label}: ${it.text}`,
        'Mean',
        ...years.map((y) => scaleCell((metric(y) as { items?: Record<string, ScaleMetrics> } | undefined)?.items?.[it.id])),
      ]);
    case 'single':
    case 'multi':
      return q.options.map((o) => [
        label,
        o.label,
        ...years.map((y) => {
          const m = metric(y) as { n: number; counts: Record<string, number> } | undefined;
          return !m || m.n < minGroupSize ? '–' : `${percent(m.counts[o.value] ?? 0, m.n)} (n = ${m.n})`;
        }),
      ]);
    case 'text':
      return [];
  }
}
