import type { YearMetrics } from '../../metrics/types.js';
import { percent } from '../../format/numbers.js';
import { CATEGORY, CHART_WIDTH } from './style.js';
import { defineChart, type Drawn } from './define.js';

/** A unit's coverage as the chart draws it: the unit in words, its share of mentees met and the interval. */
interface CoverageRow {
  unit: string;
  /** Exact counts: the share and interval are theirs; the label shows the counts as published. */
  met: number;
  of: number;
  low: number;
  high: number;
  label: string;
}

/** The share of each unit's mentees met at least once in the year, with its 95% interval, and all units together. */
function draw(year: YearMetrics, mentees: string, rows: readonly CoverageRow[]): Drawn | undefined {
  if (rows.length === 0) return undefined;
  const data = rows.map((r) => ({
    unit: r.unit,
    coverage: r.met / r.of,
    low: r.low,
    high: r.high,
    label: r.label,
    text: `${r.unit}: ${r.label}`,
  }));
  return {
    alt:
      `Share of ${mentees} met at least once in ${year.year}, by unit, with 95% intervals: ` +
      `${rows.map((r) => `${r.unit}, ${r.label}`).join('; ')}.`,
    spec: {
      title: { text: `${mentees[0]!.toUpperCase()}${mentees.slice(1)} met at least once` },
      description: 'Coverage by unit',
      width: CHART_WIDTH - 260,
      height: { step: 26 },
      data: { values: data },
      // Long unit names are cut with an ellipsis (the table below has them whole), so the chart keeps its width.
      encoding: { y: { field: 'unit', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } } },
      layer: [
        {
          mark: { type: 'bar', color: CATEGORY.blue },
          encoding: {
            x: {
              field: 'coverage',
              type: 'quantitative',
              title: `Share of ${mentees} met`,
              axis: { format: '.0%', values: [0, 0.25, 0.5, 0.75, 1] },
              scale: { domain: [0, 1] },
            },
            description: { field: 'text' },
          },
        },
        {
          mark: { type: 'rule', color: CATEGORY.dark, strokeWidth: 1.5 },
          encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 4, color: '#222' },
          encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  };
}

export default defineChart<{ year: YearMetrics; mentees: string; rows: readonly CoverageRow[] }>({
  id: 'meeting-coverage',
  path: ({ year }) => `reports/${year.year}/meeting-coverage.svg`,
  draw: ({ year, mentees, rows }) => draw(year, mentees, rows),
});

/** "62% of 50" as the chart labels a unit: the share of the exact counts, the count as published. */
export const coverageLabel = (met: number, of: number, shownOf: number): string => `${percent(met, of)} of ${shownOf}`;
