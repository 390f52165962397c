import type { YearMetrics } from '../../metrics/types.js';
import { percent, plural } from '../../format/numbers.js';
import { CATEGORY, CHART_WIDTH, funnelSpec } from './style.js';
import { defineChart, type Drawn } from './define.js';

/** The year's participation funnel: members, attended at least one session, at least three. */
function draw(year: YearMetrics): Drawn | undefined {
  const m = year.members;
  const rows = [
    { stage: 'Members', count: m.total, label: String(m.total), text: `Members: ${m.total}` },
    {
      stage: 'Attended at least one session',
      count: m.attendedAny,
      label: `${m.attendedAny} (${percent(m.attendedAny, m.total)})`,
      text:
        `Attended at least one session: ${m.attendedAny} of ${plural(m.total, 'member')} ` +
        `(${percent(m.attendedAny, m.total)})`,
    },
    {
      stage: 'Attended at least three sessions',
      count: m.attendedAtLeast3,
      label: `${m.attendedAtLeast3} (${percent(m.attendedAtLeast3, m.total)})`,
      text:
        `Attended at least three sessions: ${m.attendedAtLeast3} of ${plural(m.total, 'member')} ` +
        `(${percent(m.attendedAtLeast3, m.total)})`,
    },
  ];
  return {
    alt: `Participation in ${year.year}: ${rows.map((r) => `${r.stage.toLowerCase()}, ${r.label}`).join('; ')}.`,
    // The year is in the report around the chart and in its alt text; a title without it keeps the chart's shape the
    // same every year, so it is compiled once.
    spec: funnelSpec({
      title: 'Participation',
      description: 'Participation funnel',
      width: CHART_WIDTH - 240,
      axisTitle: 'Members',
      colour: CATEGORY.blue,
      values: rows,
      label: 'label',
    }),
  };
}

export default defineChart<{ year: YearMetrics }>({
  id: 'participation',
  path: ({ year }) => `reports/${year.year}/participation.svg`,
  draw: ({ year }) => draw(year),
});
