import type { ScaleMetrics } from '../../metrics/types.js';
import type { ScaleQuestion } from '../../model/survey.js';
import { percent } from '../../format/numbers.js';
import { CATEGORY, CHART_WIDTH, divergingColours } from './style.js';
import { bandStep, textWidth, wrap } from './text-metrics.js';
import { defineChart, type Drawn } from './define.js';

interface LikertRow {
  label: string;
  metrics: ScaleMetrics;
}

const pointLabel = (p: { value: number; label?: string | undefined }) =>
  p.label ? `${p.value} ${p.label}` : String(p.value);

/**
 * Diverging stacked bars, the convention for rating scales: each item's bar is centred on
 * the scale's neutral point (half the neutral share on each side; no neutral on an even
 * scale), ratings below it to the left. Shares are of the item's n; answers off the scale
 * (`notApplicable`) are drawn apart, as counts.
 */
function draw(question: ScaleQuestion, title: string, rows: readonly LikertRow[]): Drawn | undefined {
  if (rows.length === 0) return undefined;
  const points = question.scale;
  const neutral = points.length % 2 === 1 ? (points.length - 1) / 2 : undefined;
  const lowCount = Math.floor(points.length / 2);
  const itemLabel = (r: LikertRow) => wrap(`${r.label} (n\u00a0=\u00a0${r.metrics.n})`, 34).join('\n');
  const domain = points.map(pointLabel);

  const segments = rows
    .flatMap((r, itemOrder) => {
      const n = r.metrics.n;
      const share = (i: number) => (n === 0 ? 0 : (100 * (r.metrics.counts[String(points[i]!.value)] ?? 0)) / n);
      let left = 0;
      for (let i = 0; i < lowCount; i++) left += share(i);
      if (neutral !== undefined) left += share(neutral) / 2;
      let x = -left;
      return points.map((p, i) => {
        const w = share(i);
        const count = r.metrics.counts[String(p.value)] ?? 0;
        const seg = {
          item: itemLabel(r),
          itemOrder,
          point: pointLabel(p),
          order: i,
          x0: x,
          x1: x + w,
          count,
          text: `${r.label}: ${count} of ${n} rated ${pointLabel(p)} (${percent(count, n)})`,
        };
        x += w;
        return seg;
      });
    })
    .filter((s) => s.count > 0);
  const items = rows.map(itemLabel);
  const extent = Math.max(50, ...segments.map((s) => Math.max(Math.abs(s.x0), Math.abs(s.x1))));
  const bound = Math.ceil(extent / 25) * 25;

  const step = bandStep(items);
  // A legend of long labels breaks into columns rather than widening the chart past a README column.
  const legendWidth = domain.reduce((w, label) => w + textWidth(label, 11) + 30, 0);
  const legendColumns = legendWidth > CHART_WIDTH - 60 ? 3 : domain.length;
  const bars = {
    width: CHART_WIDTH - 300,
    height: { step },
    data: { values: segments },
    layer: [
      {
        mark: { type: 'bar' as const },
        encoding: {
          // Sorted by a field rather than by the list of labels: the labels carry each year's n, and would make every
          // year's chart a shape of its own.
          y: { field: 'item', type: 'nominal' as const, sort: { field: 'itemOrder', op: 'min' as const }, title: null },
          x: {
            field: 'x0',
            type: 'quantitative' as const,
            title: '% of n, below and above the middle of the scale',
            scale: { domain: [-bound, bound] },
            axis: { labelExpr: "abs(datum.value) + '%'", tickCount: 5 },
          },
          x2: { field: 'x1' },
          color: {
            field: 'point',
            type: 'ordinal' as const,
            title: null,
            sort: domain,
            scale: { domain, range: divergingColours(points.length) },
            legend: { columns: legendColumns },
          },
          description: { field: 'text' },
        },
      },
      {
        mark: { type: 'rule' as const, color: '#333' },
        data: { values: [{ zero: 0 }] },
        encoding: { x: { field: 'zero', type: 'quantitative' as const } },
      },
    ],
  };

  const na = question.notApplicable ?? [];
  const naRows = rows.map((r, itemOrder) => ({
    item: itemLabel(r),
    itemOrder,
    count: r.metrics.notApplicable,
    text: `${r.label}: ${r.metrics.notApplicable} answered ${na.map((x) => x.label).join(' or ')}`,
  }));
  const apart =
    na.length > 0
      ? [
          {
            width: 70,
            height: { step },
            data: { values: naRows },
            title: { text: na.map((x) => x.label).join(' / '), fontSize: 11, fontWeight: 'normal' as const },
            encoding: {
              y: {
                field: 'item',
                type: 'nominal' as const,
                sort: { field: 'itemOrder', op: 'min' as const },
                axis: null,
              },
              // At least 0 to 1: with every count 0 an empty domain would print "0.000000".
              x: {
                field: 'count',
                type: 'quantitative' as const,
                title: 'count',
                axis: { tickMinStep: 1, format: 'd' },
                // From the data (bars start at zero), so that the chart keeps one shape from year to year; fixed only
                // when every count is 0, where an empty domain would print "0.000000".
                scale: naRows.some((r) => r.count >= 1) ? { nice: true } : { domain: [0, 1], nice: true },
              },
            },
            layer: [
              { mark: { type: 'bar' as const, color: CATEGORY.grey }, encoding: { description: { field: 'text' } } },
              {
                mark: { type: 'text' as const, align: 'left' as const, dx: 3, color: '#222' },
                encoding: { text: { field: 'count', type: 'quantitative' as const } },
              },
            ],
          },
        ]
      : [];

  const alt = `Diverging bar chart of ${title}: ${rows
    .map(
      (r) =>
        `${r.label}, n = ${r.metrics.n}, ` +
        `${points.map((p) => `${r.metrics.counts[String(p.value)] ?? 0} rated ${pointLabel(p)}`).join(', ')}` +
        `${na.length > 0 ? `, ${r.metrics.notApplicable} ${na.map((x) => x.label).join(' or ')}` : ''}`,
    )
    .join('; ')}.`;
  return {
    alt,
    spec: {
      title: {
        text: wrap(title, 80),
        subtitle:
          neutral === undefined
            ? 'Centred between the two middle ratings'
            : `Centred on the middle rating (${pointLabel(points[neutral]!)})`,
      },
      description: `Ratings: ${title}`,
      hconcat: [bars, ...apart],
      spacing: 12,
    },
  };
}

/** A rating question of a year's survey, with the rows it is drawn for. */
interface LikertInput {
  year: string;
  survey: string;
  question: ScaleQuestion;
  title: string;
  rows: readonly LikertRow[];
}

export default defineChart<LikertInput>({
  id: 'likert',
  path: ({ year, survey, question }) => `reports/${year}/${survey}-${question.id}.svg`,
  draw: ({ question, title, rows }) => draw(question, title, rows),
});
