import { paragraph, table } from '../../format/markdown.js';
import { percent } from '../../format/numbers.js';
import { chartOf } from '../charts/define.js';
import cohortsChart from '../charts/cohorts.js';
import { defineSection, type SectionInput } from '../section.js';

/** Each year's newcomers followed through the years after: which intake stayed. */
export default defineSection<SectionInput>({
  id: 'cohorts',
  title: 'Newcomers and who came back',
  render: ({ ctx, page }) => {
    const cohorts = ctx.metrics.cohorts;
    if (cohorts.length === 0) return undefined;
    const years = ctx.metrics.years.map((y) => y.year);
    return [
      paragraph(
        'Each row is the members who came to their first session in that year, and how many of them came to at ' +
          'least one session in each year since. Members are counted, never named.',
      ),
      ...page.embed(chartOf(cohortsChart, { cohorts, years })),
      table(
        [
          { header: 'First came in' },
          { header: 'Newcomers', align: 'right' },
          ...years.map((y) => ({ header: y, align: 'right' as const })),
        ],
        cohorts.map((c) => [
          c.year,
          String(c.size),
          ...years.map((y) => {
            const n = c.attended[y];
            return n === undefined ? '' : `${n} (${percent(n, c.size)})`;
          }),
        ]),
      ),
    ];
  },
});
