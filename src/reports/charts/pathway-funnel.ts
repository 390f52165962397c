import type { PathwayMetrics, YearMetrics } from '../../metrics/types.js';
import { CATEGORY, CHART_WIDTH, funnelSpec } from './style.js';
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
    spec: funnelSpec({
      title: p.title,
      description: `Stages of ${id}`,
      width: CHART_WIDTH - 260,
      axisTitle: 'Members who reached it',
      colour: CATEGORY.green,
      values: rows,
      label: 'count',
    }),
  };
}

export default defineChart<{ year: YearMetrics; id: string; pathway: PathwayMetrics }>({
  id: 'pathway-funnel',
  path: ({ year, id }) => `reports/${year.year}/pathway-${id}.svg`,
  draw: ({ year, id, pathway }) => draw(year, id, pathway),
});
