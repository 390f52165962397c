import type { YearMetrics } from '../../metrics/types.js';
import type { Unit } from '../../model/unit.js';
import { CATEGORY } from './style.js';
import { plural } from '../../format/numbers.js';
import { defineChart, type Drawn } from './define.js';
import { capital, counted, type Word } from '../../model/vocabulary.js';

const ENGAGED = 'Engaged';
const UNENGAGED = 'Unengaged';
const ABSENT = 'Did not exist';

/**
 * Departments by year: engaged, unengaged, or not existing; cells of departments
 * unengaged two or more years running carry the length of the streak.
 */
function draw(
  years: readonly YearMetrics[],
  departments: readonly Unit[],
  flagAt: number,
  word: Word,
): Drawn | undefined {
  if (years.length === 0 || departments.length === 0) return undefined;
  const names = departments.map((d) => d.name);
  const cells = departments.flatMap((d) =>
    years.map((y) => {
      const status = y.departments.engaged.includes(d.id)
        ? ENGAGED
        : y.departments.unengaged.includes(d.id)
          ? UNENGAGED
          : ABSENT;
      const streak = y.departments.unengagedStreak[d.id];
      const flagged = streak !== undefined && streak >= flagAt;
      return {
        unit: d.name,
        year: y.year,
        status,
        streak: flagged ? String(streak) : '',
        text: `${d.name}, ${y.year}: ${status.toLowerCase()}${flagged ? `, ${plural(streak, 'year')} in a row` : ''}`,
      };
    }),
  );
  const latest = years[years.length - 1]!;
  const flagged = departments
    .filter((d) => (latest.departments.unengagedStreak[d.id] ?? 0) >= flagAt)
    .map((d) => `${d.name} (${plural(latest.departments.unengagedStreak[d.id] ?? 0, 'year')})`);
  return {
    alt:
      `Heat map of ${word.one} engagement, ${years[0]!.year} to ${latest.year}, ` +
      `${counted(departments.length, word)}. ` +
      (flagged.length > 0
        ? `Unengaged ${flagAt} or more years running in ${latest.year}: ${flagged.join(', ')}.`
        : `No ${word.one} unengaged ${flagAt} or more years running in ${latest.year}.`),
    spec: {
      title: {
        text: `${capital(word.one)} engagement by year`,
        subtitle: `Numbers mark ${word.many} unengaged ${flagAt} or more years in a row`,
      },
      description: 'Unit engagement heat map',
      data: { values: cells },
      width: { step: 64 },
      height: { step: 18 },
      encoding: {
        x: { field: 'year', type: 'ordinal', title: null, axis: { orient: 'top', labelAngle: 0 } },
        y: { field: 'unit', type: 'nominal', sort: names, title: null },
      },
      layer: [
        {
          mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
          encoding: {
            color: {
              field: 'status',
              type: 'nominal',
              title: null,
              scale: { domain: [ENGAGED, UNENGAGED, ABSENT], range: [CATEGORY.blue, CATEGORY.orange, '#eeeeee'] },
            },
            description: { field: 'text' },
          },
        },
        { mark: { type: 'text', fontWeight: 'bold', color: '#000' }, encoding: { text: { field: 'streak' } } },
      ],
    },
  };
}

export default defineChart<{ years: readonly YearMetrics[]; departments: readonly Unit[]; flagAt: number; word: Word }>(
  {
    id: 'engagement-heatmap',
    path: () => 'reports/engagement-heatmap.svg',
    draw: ({ years, departments, flagAt, word }) => draw(years, departments, flagAt, word),
  },
);
