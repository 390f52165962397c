import type { CohortMetrics } from '../../metrics/types.js';
import { plural } from '../../format/numbers.js';
import { defineChart, type Drawn } from './define.js';

/** Each year's first-time members (a row) and how many of them came in each year since (the cells). */
function draw(cohorts: readonly CohortMetrics[], years: readonly string[]): Drawn | undefined {
  if (cohorts.length === 0) return undefined;
  const cells = cohorts.flatMap((c) =>
    Object.entries(c.attended).map(([year, n]) => ({
      cohort: `${c.year} (${c.size})`,
      year,
      share: n / c.size,
      label: String(n),
      text: `Of the ${plural(c.size, 'member')} who first came in ${c.year}, ${n} came in ${year}`,
    })),
  );
  return {
    alt: `Cohorts of first-time members and how many of each came in later years: ${cohorts
      .map(
        (c) =>
          `${c.year}, ${c.size} first-time: ${Object.entries(c.attended)
            .map(([y, n]) => `${n} in ${y}`)
            .join(', ')}`,
      )
      .join('; ')}.`,
    spec: {
      title: {
        text: 'Newcomers by the year they first came, and who came back',
        offset: 10,
        subtitle: [
          'Rows: the year of a member’s first session (how many). Cells: how many of them came in',
          'each year since, darker the larger their share of the row',
        ],
      },
      description: 'Cohorts of first-time members',
      data: { values: cells },
      width: { step: 64 },
      height: { step: 22 },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: null, sort: [...years], axis: { orient: 'top', labelAngle: 0 } },
        y: { field: 'cohort', type: 'ordinal', title: null, sort: cohorts.map((c) => `${c.year} (${c.size})`) },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            color: {
              field: 'share',
              type: 'quantitative',
              title: 'Share of the cohort',
              scale: { domain: [0, 1], scheme: 'blues' },
              // No legend: a gradient legend needs an SVG id that differs from build to build; the cells carry their
              // numbers.
              legend: null,
            },
            description: { field: 'text' },
          },
        },
        {
          mark: { type: 'text' },
          encoding: {
            text: { field: 'label' },
            color: { condition: { test: 'datum.share > 0.6', value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  };
}

export default defineChart<{ cohorts: readonly CohortMetrics[]; years: readonly string[] }>({
  id: 'cohorts',
  path: () => 'reports/cohorts.svg',
  draw: ({ cohorts, years }) => draw(cohorts, years),
});
