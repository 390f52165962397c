import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { YearMetrics } from '../../src/metrics/types.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { metricsOf } from '../helpers/metrics.js';
import { MULTI_YEAR, replaceOnce } from '../helpers/repo.js';

/**
 * The multi-year fixture's meeting returns, worked out by hand: 2023-24 has two termly returns of history that are
 * not cumulative (mentees met are summed); 2024-25 has two cumulative returns (the largest counts) of history and
 * physics, and one of chemistry, a unit of 3 mentees.
 */
describe('mentoring meetings between sessions', () => {
  let years: YearMetrics[];
  const y = (name: string) => years.find((x) => x.year === name)!.meetings!;
  beforeAll(async () => {
    years = await metricsOf(MULTI_YEAR);
  });

  it('sums returns that are not cumulative, and keeps allocations as the largest', () => {
    expect(y('2023-24').units.history).toMatchObject({
      mentors: 4,
      mentorsReporting: 4,
      mentees: 40,
      menteesMet: 37,
      meetings: { 'one-to-one': 50, group: 3 },
      modes: { 'in-person': 32, online: 21 },
      referrals: { wellbeing: 4 },
      topics: { induction: 2, wellbeing: 5 },
    });
    expect(y('2023-24').coverage).toBe(37 / 40);
    expect(y('2023-24').coverageLow).toBeCloseTo(0.8014, 4);
    expect(y('2023-24').coverageHigh).toBeCloseTo(0.9742, 4);
    expect(y('2023-24').perMenteeMet).toBe(50 / 37);
    expect(y('2023-24').returns).toBe(2);
  });

  it('takes the largest of cumulative returns, and sums the units for all', () => {
    const m = y('2024-25');
    expect(m.units.history).toMatchObject({ mentees: 50, menteesMet: 31, meetings: { 'one-to-one': 61, group: 3 } });
    expect(m.units.history!.referrals).toEqual({ nightline: 1, wellbeing: 3 });
    expect(m.units.physics).toMatchObject({ mentors: 3, mentorsReporting: 3, mentees: 31, menteesMet: 19 });
    expect(m).toMatchObject({ mentors: 9, mentorsReporting: 9, mentees: 84, menteesMet: 52 });
    expect(m.coverage).toBe(52 / 84);
    expect(m.coverageLow).toBeCloseTo(0.5122, 4);
    expect(m.coverageHigh).toBeCloseTo(0.7155, 4);
    expect(m.perMenteeMet).toBe(99 / 52);
  });

  it('compares departments engaged with the community with those not engaged, each with its interval', () => {
    // 2024-25: chemistry and physics had members at a session; history did not.
    expect(y('2024-25').engaged).toMatchObject({ units: 2, mentees: 34, menteesMet: 21, coverage: 21 / 34 });
    expect(y('2024-25').engaged.coverageLow).toBeCloseTo(0.4504, 4);
    expect(y('2024-25').engaged.coverageHigh).toBeCloseTo(0.761, 4);
    expect(y('2024-25').notEngaged).toMatchObject({ units: 1, mentees: 50, menteesMet: 31, coverage: 31 / 50 });
    expect(y('2024-25').notEngaged.coverageLow).toBeCloseTo(0.4815, 4);
    // 2023-24 had no session: no department was engaged.
    expect(y('2023-24').engaged).toMatchObject({ units: 0, mentees: 0, coverage: null, coverageLow: null });
  });

  it('a year without returns has no meetings figures', () => {
    expect(years.find((x) => x.year === '2022-23')!.meetings).toBeUndefined();
  });

  describe('as published', () => {
    let files: Map<string, string>;
    beforeAll(async () => {
      const community = await readFile(join(MULTI_YEAR, 'data/community.json'), 'utf8');
      const { lookup } = await validateRepository(MULTI_YEAR, {
        'data/community.json': replaceOnce('"team": [', '"privacy": { "roundMentees": 5 },\n  "team": [')(community),
      });
      files = await renderReports(lookup);
    });

    it('withholds units of few mentees (and the next smallest with them), rounds counts of mentees', async () => {
      const published = JSON.parse(files.get('reports/metrics.json')!) as {
        privacy: { roundMentees?: number; note: string };
        years: Array<{ year: string; meetings?: Record<string, unknown> & { units: Record<string, unknown> } }>;
      };
      expect(published.privacy.roundMentees).toBe(5);
      const m = published.years.find((x) => x.year === '2024-25')!.meetings!;
      // Chemistry has 3 mentees; physics, the next smallest, is left out with it, or the totals less history would
      // give chemistry's figures.
      expect(Object.keys(m.units)).toEqual(['history']);
      expect(m.unitsWithheld).toBe(2);
      // 84 → 85, 52 → 50; the coverage stays that of the exact counts.
      expect(m).toMatchObject({ mentees: 85, menteesMet: 50, coverage: 52 / 84 });
      expect(m.units.history).toMatchObject({ mentees: 50, menteesMet: 30, coverage: 31 / 50 });
      expect(m.engaged).toMatchObject({ mentees: 35, menteesMet: 20, coverage: 21 / 34 });
      expect(JSON.stringify(m)).not.toMatch(/chemistry|physics/);
      // The report's table likewise: history alone, the totals rounded, the withheld units said in words.
      const annual = files.get('reports/2024-25/annual-report.md')!;
      const start = annual.indexOf('## Mentoring between sessions');
      const section = annual.slice(start, annual.indexOf('### Engaged and not yet engaged', start));
      expect(section).toContain('| Department of History | 5 of 5 | 50 | 30 | 62% (48.2–74.1%) | 2 |');
      expect(section).toContain('| All units | 9 of 9 | 85 | 50 | 61.9% (51.2–71.6%) | 1.9 |');
      expect(section).not.toMatch(/Chemistry|Physics/);
      expect(section).toContain('2 more units count in "All units" only');
    });
  });
});
