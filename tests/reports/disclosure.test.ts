import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { MULTI_YEAR, SAMPLE } from '../helpers/repo.js';

async function build(root: string): Promise<Map<string, string>> {
  return renderReports((await validateRepository(root)).lookup);
}

describe('disclosure control in everything under reports/', () => {
  it('metrics.json keeps only the response count of a survey below privacy.minResponses', async () => {
    const files = await build(MULTI_YEAR);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    const small = metrics.years.find((y: { year: string }) => y.year === '2024-25').surveys['annual-survey'];
    expect(small).toMatchObject({ responses: 3, population: 4, suppressed: 'fewer than 5 responses (privacy.minResponses)' });
    expect(small.questions).toBeUndefined();
    expect(metrics.privacy).toMatchObject({ minResponses: 5, minGroupSize: 5 });
  });

  it('metrics.json shows no breakdown of fewer than privacy.minGroupSize answers', async () => {
    const files = await build(MULTI_YEAR);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    const q = metrics.years.find((y: { year: string }) => y.year === '2022-23').surveys['annual-survey'].questions;
    expect(q.q3).toEqual({ asked: 3, suppressed: 'fewer than 5 answers (privacy.minGroupSize)' });
    expect(q.q4.items.workshops).toEqual({ n: 2, notApplicable: 2, suppressed: 'fewer than 5 answers (privacy.minGroupSize)' });
    expect(q.q1.counts).toEqual({ yes: 3, no: 1, other: 1 });
  });

  it('shows no attendance of a unit too small to hide its members, in tables or metrics.json', async () => {
    const files = await build(MULTI_YEAR);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    for (const y of metrics.years) expect(y.departments.attendance).toEqual({});
    const engagement = files.get('reports/engagement.md')!;
    expect(engagement).toMatch(/\| Department of History \| ✓ \| ✓ \| ✗ \| ✗ \|/);
    expect(engagement).toContain('fewer than 5 members (privacy.minGroupSize)');
  });

  it('quotes only the free-text answers chosen for publication', async () => {
    const files = await build(SAMPLE);
    const annual = files.get('reports/2024-25/annual-report.md')!;
    expect(annual).toContain('> “The feeling of community, the sharing, knowing there is a space where you can discuss concerns.”');
    for (const unchosen of ['Networking with peers.', 'Improved recording, summarising', 'A standard system to keep a record']) expect(annual).not.toContain(unchosen);
  });

  it('names no member anywhere in the reports', async () => {
    for (const root of [SAMPLE, MULTI_YEAR]) {
      const all = [...(await build(root)).values()].join('\n');
      expect(all).not.toMatch(/Member \d{2}\b|Zoë Example|José Sample|Member (Four|Five|Six|Seven|Eight)\b/);
    }
  });

  it('still shows everything the published 2024-25 report shows (8 and 12 responses)', async () => {
    const files = await build(SAMPLE);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    const surveys = metrics.years[0].surveys;
    expect(surveys['member-evaluation'].questions.q2.counts.gt3).toBe(7);
    expect(surveys['member-evaluation'].questions['q7-1'].counts['student-engagement']).toBe(5);
    expect(surveys['learning-exchange-feedback'].questions.insights.items['new-approaches'].mean).toBe(4.75);
  });
});
