import type { RootContent } from 'mdast';
import type { ScaleMetrics, YearMetrics } from '../../metrics/types.js';
import type { Question } from '../../model/survey.js';
import type { ReportContext } from '../context.js';
import { heading, paragraph, table, type Inline } from '../../format/markdown.js';
import { decimal, percent, plural } from '../../format/numbers.js';
import { questionTitle } from '../annual/surveys.js';
import { surveyShown } from '../disclosure.js';

import { defineSection, type SectionInput } from '../section.js';

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
      out.push(
        paragraph(
          `Years with fewer than ${plural(ctx.privacy.minResponses, 'response')}, the fewest published, are left ` +
            `out of the comparison below.`,
        ),
      );
    }
    const questions = questionsOf(id, shown);
    const rows: Inline[][] = [];
    for (const q of questions) rows.push(...questionRows(q, id, shown, ctx.privacy.minGroupSize));
    if (rows.length > 0) {
      out.push(
        table(
          [
            { header: 'Question' },
            { header: 'Measure' },
            ...shown.map((y) => ({ header: y.year, align: 'right' as const })),
          ],
          rows,
        ),
      );
    }
  }
  return out;
}

/** The questions of the latest run, with any older question ids that later runs dropped. */
function questionsOf(surveyId: string, years: readonly YearMetrics[]): Question[] {
  const seen = new Map<string, Question>();
  for (const y of [...years].reverse()) {
    for (const q of y.records.surveys[surveyId]?.questions ?? []) if (!seen.has(q.id)) seen.set(q.id, q);
  }
  return [...seen.values()];
}

function questionRows(q: Question, surveyId: string, years: readonly YearMetrics[], minGroupSize: number): Inline[][] {
  const metric = (y: YearMetrics) => y.surveys[surveyId]!.questions[q.id];
  const label = questionTitle(q);
  const scaleCell = (s: ScaleMetrics | undefined): string =>
    !s || s.n < minGroupSize ? '–' : `${decimal(s.mean)} (n = ${s.n})`;
  switch (q.type) {
    case 'scale':
      return [[label, 'Mean', ...years.map((y) => scaleCell(metric(y) as ScaleMetrics | undefined))]];
    case 'matrix':
      return q.items.map((it) => [
        `${label}: ${it.text}`,
        'Mean',
        ...years.map((y) =>
          scaleCell((metric(y) as { items?: Record<string, ScaleMetrics> } | undefined)?.items?.[it.id]),
        ),
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

export default defineSection<SectionInput>({
  id: 'surveys',
  title: 'Surveys',
  render: ({ ctx }) => surveyComparison(ctx, ctx.metrics.years),
});
