import type { PathwayMetrics, YearMetrics } from '../../metrics/types.js';
import { CATEGORY, CHART_WIDTH } from './style.js';
import { defineChart, type Drawn } from './define.js';

/** How many members have reached each stage of a pathway by the year's end, stage by stage: a funnel. */
function draw(year: YearMetrics, id: string, p: PathwayMetrics): Drawn | undefined {
  if (p.everStarted === 0) return undefined;
  const rows = p.stages.map((stage) => ({
    stage,
    count: p.reachedByEnd[stage] ?? 0,
    text: `${stage}: ${p.reachedByEnd[stage] ?? 0} members`,
  }));
  return {
    alt:
      `${p.title}: members who had reached each stage by the end of ${year.year}: ` +
      `${rows.map((r) => `${r.stage}, ${r.count}`).join('; ')}.`,
    spec: {
      title: { text: p.title },
      description: `Stages of ${id}`,
      width: CHART_WIDTH - 260,
      height: { step: 26 },
      data: { values: rows },
      encoding: {
        y: { field: 'stage', type: 'nominal', sort: null, title: null },
        x: {
          field: 'count',
          type: 'quantitative',
          title: 'Members who reached it',
          axis: { tickMinStep: 1 },
          scale: { domainMin: 0 },
        },
      },
      layer: [
        { mark: { type: 'bar', color: CATEGORY.green }, encoding: { description: { field: 'text' } } },
        { mark: { type: 'text', align: 'left', dx: 4, color: '#222' }, encoding: { text: { field: 'count' } } },
      ],
    },
  };
}

export default defineChart<{ year: YearMetrics; id: string; pathway: PathwayMetrics }>({
  id: 'pathway-funnel',
  path: ({ year, id }) => `reports/${year.year}/pathway-${id}.svg`,
  draw: ({ year, id, pathway }) => draw(year, id, pathway),
});
