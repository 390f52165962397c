import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MULTI_YEAR, SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';

async function build(root: string): Promise<Map<string, string>> {
  return renderReports((await validateRepository(root)).lookup);
}

describe('disclosure control in everything under reports/', () => {
  it(
    'units under privacy.minGroupSize: no member count or attendance in metrics.json; named as engaged by ' + 'default',
    async () => {
      const files = await build(SAMPLE);
      const metrics = JSON.parse(files.get('reports/metrics.json')!);
      let units = 0;
      for (const y of metrics.years)
        for (const kind of ['departments', 'services']) {
          for (const n of [...Object.values(y[kind].members), ...Object.values(y[kind].attendance)] as number[]) {
            expect(n).toBeGreaterThanOrEqual(5);
            units++;
          }
          expect(y[kind].engaged).toHaveLength(y[kind].engagedCount);
        }
      expect(metrics.years.length).toBeGreaterThan(0);
      expect(units).toBeGreaterThanOrEqual(0);
      expect(metrics.privacy).toMatchObject({ minGroupSize: 5, listSmallUnits: true });
    },
  );

  it(
    'privacy.listSmallUnits false: units under minGroupSize are counted, never named, in metrics.json and every ' +
      'report',
    async () => {
      const root = await fixtureWith(SAMPLE, {
        'data/community.json': replaceOnce(
          '"privacy": { "minResponses": 5, "minGroupSize": 5, "roundMentees": 5 }',
          '"privacy": { "minResponses": 5, "minGroupSize": 5, "roundMentees": 5, "listSmallUnits": false }',
        ),
      });
      const files = await build(root);
      const metrics = JSON.parse(files.get('reports/metrics.json')!);
      const year = metrics.years.at(-1);
      // The sample's departments each have fewer than five members: none is named, all are counted.
      expect(year.departments.engaged).toEqual([]);
      expect(year.departments.engagedCount).toBe(11);
      // The units with some members, but fewer than five, that year: where the reports list units, none is named.
      const members = JSON.parse(await readFile(join(root, 'data/members.json'), 'utf8')) as Array<{
        unit: string;
        left?: string;
      }>;
      const byUnit = new Map<string, number>();
      for (const m of members)
        if (m.left === undefined || m.left >= '2024-08-01') byUnit.set(m.unit, (byUnit.get(m.unit) ?? 0) + 1);
      const units = JSON.parse(await readFile(join(root, 'data/units.json'), 'utf8')) as Array<{
        id: string;
        name: string;
      }>;
      const names = units.filter((u) => (byUnit.get(u.id) ?? 0) > 0 && (byUnit.get(u.id) ?? 0) < 5).map((u) => u.name);
      expect(names.length).toBeGreaterThan(5);
      const annual = files.get('reports/2024-25/annual-report.md')!;
      const section = annual.slice(
        annual.indexOf('## Department engagement'),
        annual.indexOf('\n## ', annual.indexOf('## Department engagement') + 3),
      );
      expect(section).toContain('### Engaged');
      const lists = [files.get('reports/engagement.md')!, section];
      const named = lists.flatMap((text, i) => names.filter((n) => text.includes(n)).map((n) => `${i}: ${n}`));
      expect(named).toEqual([]);
      expect(files.get('reports/2024-25/annual-report.md')).toContain(
        '11 more, each with fewer than 5 members, not named',
      );
    },
  );

  it('metrics.json keeps only the response count of a survey below privacy.minResponses', async () => {
    const files = await build(MULTI_YEAR);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    const small = metrics.years.find((y: { year: string }) => y.year === '2024-25').surveys['annual-survey'];
    expect(small).toMatchObject({
      responses: 3,
      population: 4,
      suppressed: 'fewer than 5 responses (privacy.minResponses)',
    });
    expect(small.questions).toBeUndefined();
    expect(metrics.privacy).toMatchObject({ minResponses: 5, minGroupSize: 5 });
  });

  it('metrics.json shows no breakdown of fewer than privacy.minGroupSize answers', async () => {
    const files = await build(MULTI_YEAR);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    const q = metrics.years.find((y: { year: string }) => y.year === '2022-23').surveys['annual-survey'].questions;
    expect(q.q3).toEqual({ asked: 3, suppressed: 'fewer than 5 answers (privacy.minGroupSize)' });
    expect(q.q4.items.workshops).toEqual({
      n: 2,
      notApplicable: 2,
      suppressed: 'fewer than 5 answers (privacy.minGroupSize)',
    });
    expect(q.q1.counts).toEqual({ yes: 3, no: 1, other: 1 });
  });

  it('shows no attendance of a unit too small to hide its members, in tables or metrics.json', async () => {
    const files = await build(MULTI_YEAR);
    const metrics = JSON.parse(files.get('reports/metrics.json')!);
    for (const y of metrics.years) expect(y.departments.attendance).toEqual({});
    const engagement = files.get('reports/engagement.md')!;
    expect(engagement).toMatch(/\| Department of History \| ✓ \| ✓ \| ✗ \| ✗ \|/);
    expect(engagement).toContain('fewer than 5 members, the smallest group published');
  });

  it('quotes only the free-text answers chosen for publication', async () => {
    const files = await build(SAMPLE);
    const annual = files.get('reports/2024-25/annual-report.md')!;
    expect(annual).toContain(
      '> “The feeling of community, the sharing, knowing there is a space where you can discuss concerns.”',
    );
    for (const unchosen of [
      'Networking with peers.',
      'Improved recording, summarising',
      'A standard system to keep a record',
    ])
      expect(annual).not.toContain(unchosen);
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
