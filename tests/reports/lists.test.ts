import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ANNUAL_SECTIONS } from '../../src/reports/annual/index.js';
import { GENERATED_FILES } from '../../src/reports/build.js';
import { CHARTS } from '../../src/reports/charts/index.js';
import { VEGA_LITE_SCHEMA } from '../../src/reports/charts/render.js';
import { YEAR_OVER_YEAR_SECTIONS } from '../../src/reports/year-over-year/index.js';
import { REPO_ROOT } from '../helpers/repo.js';

it('lists the annual report’s sections in the order of the published report, each id once', () => {
  expect(ANNUAL_SECTIONS.map((s) => s.id)).toEqual([
    'summary',
    'aims',
    'participation',
    'health',
    'departments',
    'sessions',
    'scheduled',
    'themes',
    'actions',
    'outputs',
    'surveys',
    'open-answers',
    'value-creation',
    'session-summaries',
  ]);
  expect(YEAR_OVER_YEAR_SECTIONS.map((s) => s.id)).toEqual(['headline-figures', 'cohorts', 'surveys', 'open-answers', 'value-creation']);
});

it('owns each chart’s files through the chart list, and charts have one id each', () => {
  expect(new Set(CHARTS.map((c) => c.id)).size).toBe(CHARTS.length);
  for (const chart of CHARTS) expect(GENERATED_FILES).toContain(chart.files);
  expect(GENERATED_FILES.some((re) => re.test('reports/notes.md'))).toBe(false);
});

it('names the schema of the installed Vega-Lite major version', async () => {
  const { version } = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules/vega-lite/package.json'), 'utf8')) as { version: string };
  expect(VEGA_LITE_SCHEMA).toBe(`https://vega.github.io/schema/vega-lite/v${version.split('.')[0]}.json`);
});
