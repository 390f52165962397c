import { beforeAll, describe, expect, it } from 'vitest';
import type { ScaleMetrics, YearMetrics } from '../../src/metrics/types.js';
import { SAMPLE } from '../helpers/repo.js';
import { metricsOf } from '../helpers/metrics.js';

/** The figures of the published 2024-25 annual report, which the repository's own data must reproduce. */
describe('the 2024-25 data reproduces the published annual report', () => {
  let year: YearMetrics;
  beforeAll(async () => {
    const years = await metricsOf(SAMPLE);
    expect(years.map((y) => y.year)).toEqual(['2024-25']);
    year = years[0]!;
  });
  const round1 = (x: number | null) => Math.round(x! * 10) / 10;
  const pct = (a: number, b: number) => Math.round((1000 * a) / b) / 10;

  it('members: 20, attended at least one 18 (90%), at least three 11 (55%)', () => {
    expect(year.members).toMatchObject({ total: 20, attendedAny: 18, attendedAtLeast3: 11 });
  });

  it('sessions: four hybrid meetings then the Learning Exchange Day in person', () => {
    expect(year.sessions.map((s) => [s.type, s.format, s.memberAttendees])).toEqual([
      ['meeting', 'hybrid', 12],
      ['meeting', 'hybrid', 11],
      ['meeting', 'hybrid', 14],
      ['meeting', 'hybrid', 8],
      ['learning-exchange', 'in-person', 12],
    ]);
    expect(year.sessions.slice(0, 4).map((s) => s.date.slice(0, 7))).toEqual([
      '2024-10',
      '2024-11',
      '2025-01',
      '2025-02',
    ]);
    expect(year.sessions[4]).toMatchObject({ date: '2025-05-07', headcount: 27, departmentsPresent: 18 });
  });

  it('departments: 24, engaged 11 (46%), unengaged 13 (54%); 3 services engaged', () => {
    const d = year.departments;
    expect(d.total).toBe(24);
    expect(d.engaged).toEqual([
      'accounting',
      'anthropology',
      'economic-history',
      'economics',
      'gender-studies',
      'government',
      'international-history',
      'law-school',
      'management',
      'social-policy',
      'statistics',
    ]);
    expect(d.unengaged).toEqual([
      'european-institute',
      'finance',
      'geography-environment',
      'health-policy',
      'international-development',
      'international-relations',
      'mathematics',
      'media-communications',
      'methodology',
      'philosophy',
      'psychological-behavioural-science',
      'public-policy',
      'sociology',
    ]);
    expect(Math.round((100 * d.engaged.length) / d.total)).toBe(46);
    expect(year.services.engaged).toHaveLength(3);
  });

  it('member evaluation: 8 of 18, experience, recommendation, changes, benefit and collaboration', () => {
    const s = year.surveys['member-evaluation']!;
    expect([s.responses, s.population]).toEqual([8, 18]);
    expect(Math.round(100 * s.responseRate!)).toBe(44);
    // Read as the JSON a dashboard reads, whatever each question's type.
    // biome-ignore lint/suspicious/noExplicitAny: see above
    const q = s.questions as Record<string, any>;
    expect(q.q2.counts.gt3).toBe(7);
    expect(pct(q.q2.counts.gt3, q.q2.n)).toBe(87.5);
    expect([q.q6.counts.yes, q.q6.n]).toEqual([8, 8]);
    const changed = q.q7.counts.significant + q.q7.counts.some + q.q7.counts.minor;
    expect(pct(changed, q.q7.n)).toBe(87.5);
    expect(q['q7-1']).toMatchObject({ n: 7, asked: 7 });
    expect(pct(q['q7-1'].counts['student-engagement'], q['q7-1'].n)).toBe(71.4);
    expect(round1(q.q4.mean)).toBe(4.5);
    expect(round1(q.q3.items['engagement-strategies'].mean)).toBe(4.9);
    expect(round1(q.q9.mean)).toBe(4.5);
  });

  it('Learning Exchange feedback: 12 of 27, every mean between 4.6 and 4.9', () => {
    const s = year.surveys['learning-exchange-feedback']!;
    expect([s.responses, s.population]).toEqual([12, 27]);
    const means = Object.values(s.questions).flatMap((q) =>
      'items' in q ? Object.values(q.items as Record<string, ScaleMetrics>).map((i) => round1(i.mean)) : [],
    );
    expect(means).toHaveLength(6);
    for (const m of means) {
      expect(m).toBeGreaterThanOrEqual(4.6);
      expect(m).toBeLessThanOrEqual(4.9);
    }
  });

  it('themes from open questions: the published order, with the quotes it prints under each', async () => {
    const { renderReports } = await import('../../src/reports/build.js');
    const { validateRepository } = await import('../../src/pipeline/index.js');
    const annual = (await renderReports((await validateRepository(SAMPLE)).lookup)).get(
      'reports/2024-25/annual-report.md',
    )!;
    const themes = annual.slice(annual.indexOf('## Themes from open answers'), annual.indexOf('## Value creation'));
    const parts = themes.split('\n#### ').slice(1);
    expect(parts.map((p) => p.split('\n')[0])).toEqual([
      'Collaborative professional learning community',
      'Evidence-based practice enhancement',
      'Structural challenges that need institutional support',
    ]);
    expect(parts[0]).toContain('“Having a scheduled time to meet with interested colleagues even in busy periods');
    expect(parts[0]).toContain(
      '“The feeling of community, the sharing, knowing there is a space where you can discuss concerns.”',
    );
    expect(parts[1]).toContain('“More information from central teams has allowed the approach to shift slightly');
    expect(parts[1]).toContain('“Much better with first year intake in September 2024');
    expect(parts[2]).not.toContain('“');
  });
});
