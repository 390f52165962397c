import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { YearMetrics } from '../../src/metrics/types.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { metricsOf } from '../helpers/metrics.js';
import { REPO_ROOT } from '../helpers/repo.js';

/** A community of mentors working towards an accredited award, over two years (its README-free records). */
const AWARD = join(REPO_ROOT, 'tests/fixtures/award-community');

/**
 * Worked out by hand from tests/fixtures/award-community: six members enrol, four in 2023-24 and two in 2024-25;
 * r01 is awarded in 2023-24 (288 days), r03 and r06 in 2024-25 (467 and 638 days); r02 withdraws in 2023-24 and r05
 * in 2024-25; r04 is still in progress.
 */
describe('recognition pathways and mentoring roles over two years', () => {
  let years: YearMetrics[];
  const y = (name: string) => years.find((x) => x.year === name)!;
  beforeAll(async () => {
    years = await metricsOf(AWARD);
  });

  it('counts each stage reached in the year, starts, awards, withdrawals and those in progress at its end', () => {
    expect(y('2023-24').pathways!['mentoring-award']).toMatchObject({
      reached: { enrolled: 4, 'action-research': 3, 'portfolio-submitted': 1, awarded: 1 },
      started: 4,
      awarded: 1,
      withdrawn: 1,
      inProgress: 2,
      everStarted: 4,
      completionRate: 0.25,
      medianDaysToAward: 288,
    });
    expect(y('2024-25').pathways!['mentoring-award']).toMatchObject({
      reached: { enrolled: 2, 'action-research': 1, 'portfolio-submitted': 2, awarded: 2 },
      reachedByEnd: { enrolled: 6, 'action-research': 4, 'portfolio-submitted': 3, awarded: 3 },
      started: 2,
      awarded: 2,
      withdrawn: 1,
      inProgress: 1,
      everStarted: 6,
      completionRate: 0.5,
      medianDaysToAward: 467,
      cohorts: {
        '2023-24': { started: 4, awarded: 3, withdrawn: 1, inProgress: 0 },
        '2024-25': { started: 2, awarded: 0, withdrawn: 1, inProgress: 1 },
      },
    });
  });

  it('counts members by mentoring status, and how long those waiting have waited', () => {
    // By 2025-06-30, the latest record: r04 has waited 268 days, r05 150; the median is 209.
    expect(y('2024-25').asOf).toBe('2025-06-30');
    expect(y('2024-25').mentoring).toMatchObject({
      active: 3,
      waiting: 2,
      none: 1,
      unknown: 1,
      waitingWithSince: 2,
      medianDaysWaiting: 209,
    });
    expect(y('2024-25').mentoring!.byUnit.engineering).toEqual({ active: 0, waiting: 2, none: 0, unknown: 0 });
  });

  describe('in the reports', () => {
    let files: Map<string, string>;
    beforeAll(async () => {
      files = await renderReports((await validateRepository(AWARD)).lookup);
    });

    it('name no member, and show a pathway only once enough members have started it', async () => {
      const members = JSON.parse(await readFile(join(AWARD, 'data/members.json'), 'utf8')) as Array<{ name: string }>;
      const reports = [...files.keys()].filter((f) => /^reports\/.*\.(md|svg|json)$/.test(f));
      expect(reports.length).toBeGreaterThan(4);
      let searched = 0;
      for (const f of reports) {
        const text = files.get(f)!;
        for (const m of members) expect(text, f).not.toContain(m.name.split(' ')[1]);
        searched++;
      }
      expect(searched).toBe(reports.length);
      const first = files.get('reports/2023-24/annual-report.md')!;
      expect(first).toContain('Fewer than 5 members have started this pathway, so its figures are not shown');
      const second = files.get('reports/2024-25/annual-report.md')!;
      expect(second).toContain(
        "This year 2 members started (enrolled), 2 reached the award (awarded) and 1 withdrew; at the year's end 1 " +
          'was in progress. Of the 6 members who have started, 50% (18.8–81.2%) have reached the award, in a ' +
          'median of 467 days from the first stage.',
      );
      // Units of fewer than five members count in the totals only.
      expect(second).toContain('3 units with fewer than 5 members count in the totals only.');
      const metrics = JSON.parse(files.get('reports/metrics.json')!);
      expect(metrics.years[0].pathways['mentoring-award'].suppressed).toContain('fewer than 5 members started it');
      expect(metrics.years[0].pathways['mentoring-award'].awarded).toBeUndefined();
      const yoy = files.get('reports/year-over-year.md')!;
      expect(yoy).toContain('| 2023-24 | 4 | 3 | 1 | 0 | 75% |');
    });
  });
});
