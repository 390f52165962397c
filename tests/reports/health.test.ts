import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.js';
import { METRIC_PATHS } from '../../src/model/value-creation.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { metricsSchemaText } from '../../src/reports/metrics-schema.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';
import { readSvg } from '../helpers/svg.js';
import { section } from '../helpers/markdown.js';

async function build(root: string): Promise<Map<string, string>> {
  return renderReports((await validateRepository(root)).lookup);
}

describe('community health in the reports of the multi-year fixture', () => {
  let files: Map<string, string>;
  const file = (path: string) => files.get(path) ?? '';
  beforeAll(async () => {
    files = await build(MULTI_YEAR);
  });

  it('gives each year its tiers, newcomers and returners, with retention and its interval', () => {
    const health = section(file('reports/2022-23/annual-report.md'), 'Community health');
    expect(health).toContain('| Core: at least half of the sessions | 4 | 80% |');
    expect(health).toContain('| Occasional: at least one, fewer than half | 0 | 0% |');
    expect(health).toContain('| Peripheral: no session | 1 | 20% |');
    expect(health).toContain(
      '**2 members came to a session for the first time** this year. 2 members of the 3 who took part in 2021-22 ' +
        'came back: an attendance retention of 66.7% (95% Wilson interval 20.8–93.9%).',
    );
    expect(health).toContain(
      '| 15 November 2022 | [Café conversation](../../minutes/2022-23/2022-11-15-cafe-conversation.md) | 2 |',
    );
  });

  it(
    'says what cannot be computed rather than printing a zero: the first year, a year after one without ' + 'sessions',
    () => {
      expect(section(file('reports/2021-22/annual-report.md'), 'Community health')).toContain(
        'The records of sessions start this year, so all 3 members who took part count as coming for the first ' +
          'time, and nobody as returning, whichever year they joined the community.',
      );
      expect(section(file('reports/2023-24/annual-report.md'), 'Community health')).toContain(
        'No session was held this year, so all 5 members are counted as peripheral.',
      );
      expect(section(file('reports/2024-25/annual-report.md'), 'Community health')).toContain(
        'Nobody took part in 2023-24, so no one could return from it.',
      );
    },
  );

  it('draws the tiers as one bar in parts, the figures in the marks', () => {
    const s = readSvg(file('reports/2022-23/community-health.svg'));
    expect(s.marks('bar')).toEqual([
      'Core (at least half of the sessions): 4 members, 80%',
      'Peripheral (no session): 1 member, 20%',
    ]);
    expect(s.texts).toEqual(expect.arrayContaining(['4', '1', 'Members by how often they came']));
    // A year without sessions is all periphery.
    expect(readSvg(file('reports/2023-24/community-health.svg')).marks('bar')).toEqual([
      'Peripheral (no session): 5 members, 100%',
    ]);
  });

  it('follows each intake through the years, as a table and a heat map with the same numbers', () => {
    const cohorts = section(file('reports/year-over-year.md'), 'Newcomers and who came back');
    expect(cohorts).toContain('| 2021-22 | 3 | 3 (100%) | 2 (66.7%) | 0 (0%) | 0 (0%) |');
    expect(cohorts).toContain('| 2022-23 | 2 | | 2 (100%) | 0 (0%) | 1 (50%) |');
    expect(cohorts).toContain('| 2024-25 | 3 | | | | 3 (100%) |');
    const s = readSvg(file('reports/cohorts.svg'));
    const cells = s.marks('rect mark');
    expect(cells).toHaveLength(8);
    expect(cells).toContain('Of the 2 members who first came in 2022-23, 1 came in 2024-25');
    expect(cells).toContain('Of the 3 members who first came in 2021-22, 0 came in 2023-24');
    expect(s.texts).toEqual(expect.arrayContaining(['2021-22 (3)', '2022-23 (2)', '2024-25 (3)']));
  });

  it(
    'shows the value-creation evidence in the framework’s order, hides what rests on too few answers, and names ' +
      'the cycles without evidence',
    () => {
      const value = section(file('reports/2022-23/annual-report.md'), 'Value creation');
      const rows = value
        .split('\n')
        .filter((l) => /^\| (Immediate|Potential|Applied|Realised|Reframing) value/.test(l));
      expect(rows).toEqual([
        '| Immediate value | Benefit to their work (mean, 1–5) | 4.2 | 5 |',
        '| Immediate value | Usefulness of meetings (mean, 1–4) | not shown: fewer than 5 answers | 4 |',
        '| Potential value | Members who took part | 4 | |',
        '| Applied value | Changed their practice | 60% (23.1–88.2%) | 5 |',
        '| Applied value | Tried meetings or referrals | not shown: fewer than 5 answers | 2 |',
      ]);
      expect(value).toContain('No evidence this year for: realised value');
      expect(value).toContain('reframing value');
      const later = section(file('reports/year-over-year.md'), 'Value creation');
      expect(later).toContain(
        '| Immediate value | Benefit to their work (mean, 1–5) | – | 4.2, n = 5 | 3.6, n = 5 | not shown: fewer ' +
          'than 5 responses |',
      );
      expect(later).toContain(
        '| Immediate value | Usefulness of meetings (mean, 1–4) | – | not shown: fewer than 5 answers | ' +
          'no answers ' +
          '| not shown: fewer than 5 responses |',
      );
    },
  );

  it('publishes metrics.json with its version, the cohorts, and evidence under the thresholds taken out', () => {
    const published = JSON.parse(file('reports/metrics.json')) as {
      schemaVersion: number;
      cohorts: unknown[];
      years: Array<{ year: string; valueCreation: Record<string, Array<Record<string, unknown>>> }>;
    };
    expect(published.schemaVersion).toBe(1);
    expect(published.cohorts).toHaveLength(3);
    const y2223 = published.years.find((y) => y.year === '2022-23')!;
    expect(y2223.valueCreation.immediate![1]).toEqual({
      label: 'Usefulness of meetings (mean, 1–4)',
      value: null,
      n: 4,
      suppressed: 'fewer than 5 answers (privacy.minGroupSize)',
    });
    expect(y2223.valueCreation.immediate![0]).toEqual({
      label: 'Benefit to their work (mean, 1–5)',
      value: 4.2,
      n: 5,
    });
  });
});

describe('reports/metrics.json and its schema', () => {
  it.each([
    ['the multi-year fixture', () => Promise.resolve(MULTI_YEAR)],
    [
      'a community with planned sessions and small surveys',
      () =>
        fixtureWith(MULTI_YEAR, {
          'data/community.json': replaceOnce(
            '"yearStart": "09-01",',
            '"yearStart": "09-01",\n  "privacy": { "minResponses": 3, "minGroupSize": 2 },',
          ),
        }),
    ],
  ])('validates against schemas/metrics.schema.json: %s', async (_name, root) => {
    const files = await build(await root());
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(metricsSchemaText()));
    const ok = validate(JSON.parse(files.get('reports/metrics.json')!));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(files.get('schemas/metrics.schema.json')).toBe(metricsSchemaText());
  });

  it('every figure an indicator may name is a number of a computed year', async () => {
    const { lookup } = await validateRepository(MULTI_YEAR);
    // Some year of the fixture has each: 2022-23 the retention, 2024-25 meetings in engaged and other departments.
    const years = computeMetrics(lookup).years;
    let resolved = 0;
    for (const path of METRIC_PATHS) {
      const values = years.map((year) =>
        path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], year),
      );
      expect(
        values.some((v) => typeof v === 'number'),
        path,
      ).toBe(true);
      resolved++;
    }
    expect(resolved).toBe(METRIC_PATHS.length);
  });
});
