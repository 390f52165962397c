import type { YearMetrics } from '../../metrics/types.js';
import { percent, plural } from '../../format/numbers.js';
import { CATEGORY, CHART_WIDTH } from './style.js';
import { defineChart, type Drawn } from './define.js';

/** The tiers in the order a reader builds the picture: the core first, then the rest. */
export const TIERS = [
  { key: 'core', label: 'Core', means: 'at least half of the sessions', colour: CATEGORY.blue },
  { key: 'occasional', label: 'Occasional', means: 'at least one, fewer than half', colour: CATEGORY.sky },
  { key: 'peripheral', label: 'Peripheral', means: 'no session', colour: CATEGORY.grey },
] as const;

/** The year's members as one bar in three parts: core, occasional, peripheral. */
function draw(year: YearMetrics): Drawn | undefined {
  const m = year.members;
  if (m.total === 0) return undefined;
  const rows = TIERS.map((t, order) => ({
    bar: 'Members',
    tier: `${t.label}: ${t.means}`,
    order,
    count: m[t.key],
    text: `${t.label} (${t.means}): ${plural(m[t.key], 'member')}, ${percent(m[t.key], m.total)}`,
  })).filter((r) => r.count > 0);
  return {
    alt:
      `The ${plural(m.total, 'member')} of ${year.year} by how often they came: ` +
      `${rows.map((r) => r.text).join('; ')}.`,
    spec: {
      title: { text: 'Members by how often they came' },
      description: 'Community health tiers',
      width: CHART_WIDTH - 120,
      height: 28,
      data: { values: rows },
      encoding: {
        y: { field: 'bar', type: 'nominal', title: null, axis: null },
        x: { field: 'count', type: 'quantitative', stack: 'zero', title: 'Members', axis: { tickMinStep: 1 } },
        order: { field: 'order', type: 'quantitative' },
      },
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            color: {
              field: 'tier',
              type: 'nominal',
              title: null,
              sort: TIERS.map((t) => `${t.label}: ${t.means}`),
              scale: { domain: TIERS.map((t) => `${t.label}: ${t.means}`), range: TIERS.map((t) => t.colour) },
              legend: { columns: 1 },
            },
            description: { field: 'text' },
          },
        },
        {
          mark: { type: 'text' },
          encoding: {
            x: { field: 'count', type: 'quantitative', stack: 'zero', bandPosition: 0.5 },
            text: { field: 'count', type: 'quantitative' },
            // White on the dark blue of the core, black on the lighter parts: legible on each.
            color: { condition: { test: 'datum.order === 0', value: 'white' }, value: 'black' },
          },
        },
      ],
    },
  };
}

export default defineChart<{ year: YearMetrics }>({
  id: 'community-health',
  path: ({ year }) => `reports/${year.year}/community-health.svg`,
  draw: ({ year }) => draw(year),
});
