import type { YearMetrics } from '../../metrics/types.js';
import { CATEGORY } from './style.js';
import { defineChart, type Drawn } from './define.js';
import { capital, type Word } from '../../model/vocabulary.js';
import { wrap } from './text-metrics.js';

/** Four headline series per year: members, attendance rate, departments engaged, survey response rates. */
function draw(years: readonly YearMetrics[], word: Word): Drawn | undefined {
  if (years.length === 0) return undefined;
  const pct = (a: number, b: number) => (b === 0 ? null : Math.round((1000 * a) / b) / 10);
  // One colour for a single series; colour and legend only where several surveys share a panel.
  const series = (
    title: string,
    unit: string,
    values: Array<{ year: string; value: number | null; series?: string; right?: boolean }>,
    several = false,
  ) => ({
    title: { text: title, fontSize: 12 },
    width: 220,
    height: 120,
    data: { values: values.filter((v) => v.value !== null) },
    encoding: {
      x: {
        field: 'year',
        type: 'ordinal' as const,
        title: null,
        sort: years.map((y) => y.year),
        scale: { domain: years.map((y) => y.year) },
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'value',
        type: 'quantitative' as const,
        title: unit,
        scale: { domainMin: 0 },
        axis: { tickMinStep: 1 },
      },
      ...(several
        ? {
            color: {
              field: 'series',
              type: 'nominal' as const,
              title: null,
              scale: { range: SERIES_COLOURS },
              legend: SERIES_LEGEND,
            },
          }
        : {}),
    },
    layer: [
      ...(several
        ? [
            { mark: { type: 'line' as const } },
            // Series at the same value stay apart: each its own outline shape, labels alternately left and right.
            {
              mark: { type: 'point' as const, filled: false, size: 50, strokeWidth: 1.5, opacity: 1 },
              // The colour legend names the series; the shapes only keep coinciding points apart.
              encoding: { shape: { field: 'series', type: 'nominal' as const, legend: null } },
            },
          ]
        : [{ mark: { type: 'line' as const, point: true, color: CATEGORY.blue } }]),
      ...(several
        ? [
            {
              transform: [{ filter: 'datum.right !== true' }],
              mark: { type: 'text' as const, align: 'right' as const, dx: -7, dy: 3, fontSize: 11 },
              encoding: { text: { field: 'value', type: 'quantitative' as const } },
            },
            {
              transform: [{ filter: 'datum.right === true' }],
              mark: { type: 'text' as const, align: 'left' as const, dx: 7, dy: 3, fontSize: 11 },
              encoding: { text: { field: 'value', type: 'quantitative' as const } },
            },
          ]
        : [
            {
              mark: { type: 'text' as const, dy: -8, fontSize: 11, color: '#222' },
              encoding: { text: { field: 'value', type: 'quantitative' as const } },
            },
          ]),
    ],
  });
  const members = years.map((y) => ({ year: y.year, value: y.members.total, series: 'Members' }));
  const attendance = years.map((y) => ({
    year: y.year,
    value: pct(y.members.attendedAny, y.members.total),
    series: 'Attendance rate',
  }));
  const engaged = `${capital(word.many)} engaged`;
  const departments = years.map((y) => ({ year: y.year, value: y.departments.engaged.length, series: engaged }));
  const names = [...new Set(years.flatMap((y) => Object.values(y.surveys).map((s) => surveyName(s.title))))];
  const response = years.flatMap((y) =>
    Object.values(y.surveys).map((s) => {
      const name = surveyName(s.title);
      return {
        year: y.year,
        value: s.population ? pct(s.responses, s.population) : null,
        series: wrap(name, 34).join('\n'),
        name,
        right: names.indexOf(name) % 2 === 1,
      };
    }),
  );
  const describe = (label: string, vs: Array<{ year: string; value: number | null }>) =>
    `${label}: ${vs.map((v) => `${v.year} ${v.value ?? 'none'}`).join(', ')}`;
  return {
    alt: `Headline figures by year. ${[
      describe('members', members),
      describe('attendance rate (%)', attendance),
      describe(`${word.many} engaged`, departments),
    ].join(
      '. ',
    )}. Survey response rates (%): ${response.map((r) => `${r.name} ${r.year} ${r.value}`).join(', ') || 'none'}.`,
    spec: {
      title: { text: 'Headline figures by year' },
      description: 'Year over year',
      vconcat: [
        {
          hconcat: [
            series('Members', 'members', members),
            series('Attended at least one session', '% of members', attendance),
          ],
        },
        {
          hconcat: [
            series(engaged, word.many, departments),
            series('Survey response rate', '% of population', response, true),
          ],
        },
      ],
      resolve: { scale: { color: 'independent' as const } },
    },
  };
}

const SERIES_COLOURS = [CATEGORY.blue, CATEGORY.orange, CATEGORY.green, CATEGORY.vermillion, CATEGORY.sky];
// One entry a line, long titles wrapped, so no survey's name is cut.
const SERIES_LEGEND = { direction: 'vertical' as const, labelExpr: "split(datum.label, '\\n')", labelLimit: 0 };

/** A survey's title without its year, so that the same survey is one series across years. */
const surveyName = (title: string): string => title.replace(/\s*\d{4}-\d{2}\s*$/, '');

export default defineChart<{ years: readonly YearMetrics[]; word: Word }>({
  id: 'year-over-year',
  path: () => 'reports/year-over-year.svg',
  draw: ({ years, word }) => draw(years, word),
});
