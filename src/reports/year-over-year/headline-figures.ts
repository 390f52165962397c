import { headlines } from '../headline.js';
import { chartOf } from '../charts/define.js';
import yearOverYearChart from '../charts/year-over-year.js';
import { table } from '../../format/markdown.js';
import { change, decimal } from '../../format/numbers.js';

import { defineSection, type SectionInput } from '../section.js';

function cell(value: number | undefined, before: number | undefined, kind: 'count' | 'percent'): string {
  if (value === undefined) return '–';
  const shown = kind === 'percent' ? `${decimal(value)}%` : String(value);
  if (before === undefined) return shown;
  const delta = kind === 'percent' ? `${change(value - before, 1)} pts` : change(value - before);
  return `${shown} (${delta})`;
}

/** Each headline figure per year, with its change from the year before. */
export default defineSection<SectionInput>({
  id: 'headline-figures',
  title: 'Headline figures',
  render: ({ ctx, page }) => {
    const years = ctx.metrics.years;
    return [
      ...page.embed(chartOf(yearOverYearChart, { years, word: ctx.words.department })),
      table(
        [{ header: 'Figure' }, ...years.map((y) => ({ header: y.year, align: 'right' as const }))],
        headlines(ctx.words).map((h) => [
          h.label,
          ...years.map((y, i) => cell(h.value(y), i > 0 ? h.value(years[i - 1]!) : undefined, h.kind)),
        ]),
      ),
    ];
  },
});
