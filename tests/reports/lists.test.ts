import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ANNUAL_SECTIONS } from '../../src/reports/annual/index.js';
import { VEGA_LITE_SCHEMA } from '../../src/reports/charts/render.js';
import { YEAR_OVER_YEAR_SECTIONS } from '../../src/reports/year-over-year/index.js';
import { cop } from '../helpers/cli.js';
import { REPO_ROOT, SAMPLE, fixtureWith } from '../helpers/repo.js';

// Invariants, not pinned lists: a new section or chart is one file and one entry, and these still hold.
it("each report's sections have one id each, and open and close as a reader expects", () => {
  for (const sections of [ANNUAL_SECTIONS, YEAR_OVER_YEAR_SECTIONS]) {
    expect(sections.length).toBeGreaterThan(2);
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  }
  // The annual report opens with its summary and closes with the sessions' own summaries.
  expect(ANNUAL_SECTIONS[0]!.id).toBe('summary');
  expect(ANNUAL_SECTIONS.at(-1)!.id).toBe('session-summaries');
  expect(YEAR_OVER_YEAR_SECTIONS[0]!.id).toBe('headline-figures');
});

it('the build lists every file it writes in its manifest, and removes only files it listed', async () => {
  const root = await fixtureWith(SAMPLE);
  expect((await cop(['build', '--root', root])).code).toBe(0);
  const manifest = (await readFile(join(root, 'reports/.generated-files'), 'utf8'))
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));
  const charts = manifest.filter((f) => f.endsWith('.svg'));
  expect(charts.length).toBeGreaterThan(5);
  for (const f of [
    'reports/README.md',
    'reports/metrics.json',
    'docs/rules.md',
    '.github/ISSUE_TEMPLATE/record-session.yml',
    'schemas/metrics.schema.json',
  ])
    expect(manifest).toContain(f);
  // Every chart a report embeds is a file the build writes and lists.
  const annual = await readFile(join(root, 'reports/2024-25/annual-report.md'), 'utf8');
  const embedded = [...annual.matchAll(/!\[[^\]]*\]\(([^)]+\.svg)\)/g)].map((m) => `reports/2024-25/${m[1]}`);
  expect(embedded.length).toBeGreaterThan(3);
  for (const e of embedded) expect(manifest).toContain(e);
});

it('names the schema of the installed Vega-Lite major version', async () => {
  const { version } = JSON.parse(await readFile(join(REPO_ROOT, 'node_modules/vega-lite/package.json'), 'utf8')) as {
    version: string;
  };
  expect(VEGA_LITE_SCHEMA).toBe(`https://vega.github.io/schema/vega-lite/v${version.split('.')[0]}.json`);
});
