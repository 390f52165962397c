import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestText, SAMPLE_MANIFEST } from '../../src/edit/new-community.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

/** Every file below a folder with its bytes, for "nothing changed". */
async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
    out.set(path, (await readFile(join(root, path))).toString('base64'));
  }
  return out;
}

/** A copy of a community whose records are a template's sample: the manifest of their hashes beside them. */
async function template(): Promise<string> {
  const root = await fixtureWith(MULTI_YEAR);
  const files = new Map<string, Buffer>();
  for (const folder of ['data', 'minutes', 'surveys', 'meetings']) {
    for (const e of await readdir(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
      files.set(path, await readFile(join(root, path)));
    }
  }
  await writeFile(join(root, SAMPLE_MANIFEST), manifestText(files));
  return root;
}

describe('cop init', () => {
  it(
    'starts a community in a new folder that validates and builds, and refuses a second time, changing ' + 'nothing',
    async () => {
      const root = join(await temporaryDir(), 'our-community');
      const run = await cop([
        'init',
        '--name',
        'Mentoring Network',
        '--institution',
        'Example University',
        '--root',
        root,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(await readFile(join(root, 'data/community.json'), 'utf8'))).toMatchObject({
        name: 'Mentoring Network',
        yearStart: '08-01',
        privacy: { minResponses: 5, minGroupSize: 5 },
      });
      expect(await readFile(join(root, 'data/members.json'), 'utf8')).toBe('[]\n');
      expect((await stat(join(root, 'minutes/.gitkeep'))).isFile()).toBe(true);
      expect((await cop(['validate', '--root', root])).code).toBe(0);
      expect((await cop(['build', '--check', '--root', root])).code).toBe(0);
      expect(await readFile(join(root, 'reports/README.md'), 'utf8')).toContain('Nothing has been recorded yet.');
      expect(await readFile(join(root, 'reports/year-over-year.md'), 'utf8')).not.toContain('| Figure |');

      const before = await snapshot(root);
      const again = await cop(['init', '--name', 'Other', '--institution', 'Other', '--root', root]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds records');
      expect(await snapshot(root)).toEqual(before);
    },
  );

  it(
    'takes another community’s values: a year starting in September, Paris time, accents and an ' + 'apostrophe',
    async () => {
      const root = await temporaryDir();
      const run = await cop([
        'init',
        '--name',
        "Réseau d'entraide des tutrices",
        '--institution',
        'Université Côte d’Azur',
        '--year-start',
        '09-01',
        '--time-zone',
        'Europe/Paris',
        '--root',
        root,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(await readFile(join(root, 'data/community.json'), 'utf8'))).toMatchObject({
        name: "Réseau d'entraide des tutrices",
        institution: 'Université Côte d’Azur',
        yearStart: '09-01',
        timeZone: 'Europe/Paris',
      });
      expect((await cop(['validate', '--root', root])).code).toBe(0);
      expect(await readFile(join(root, 'reports/README.md'), 'utf8')).toContain(
        "# Réseau d'entraide des tutrices: reports",
      );
    },
  );

  it.each([
    [['--year-start', '31-09'], '--year-start must be a month and day written MM-DD'],
    [['--time-zone', 'Paris'], '--time-zone: "Paris" is not a time-zone name'],
    [['--name', ' '], '--name and --institution must not be empty'],
  ])('refuses %j with a usage error, writing nothing', async (args, message) => {
    const root = join(await temporaryDir(), 'new');
    const run = await cop(['init', '--name', 'N', '--institution', 'I', ...args, '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    await expect(stat(join(root, 'data'))).rejects.toThrow();
  });

  it('replaces a template’s unchanged sample, and then validates; never a sample that was changed', async () => {
    const changed = await template();
    await writeFile(
      join(changed, 'minutes/2024-25/2024-10-01-restart.md'),
      (await readFile(join(changed, 'minutes/2024-25/2024-10-01-restart.md'), 'utf8')).replace(
        'Restart',
        'Our restart',
      ),
    );
    const before = await snapshot(changed);
    const refused = await cop(['init', '--name', 'N', '--institution', 'I', '--replace-sample', '--root', changed]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("The records are no longer the template's sample");
    expect(refused.stderr).toContain('minutes/2024-25/2024-10-01-restart.md was changed');
    expect(await snapshot(changed)).toEqual(before);

    const root = await template();
    const withoutFlag = await cop(['init', '--name', 'N', '--institution', 'I', '--root', root]);
    expect(withoutFlag.code).toBe(1);
    const run = await cop([
      'init',
      '--name',
      'Our Network',
      '--institution',
      'Our University',
      '--replace-sample',
      '--root',
      root,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Replaced the sample's");
    const after = await snapshot(root);
    expect([...after.keys()].filter((p) => /^(data|minutes|surveys)\//.test(p)).sort()).toEqual([
      'data/community.json',
      'data/members.json',
      'data/units.json',
      'minutes/.gitkeep',
      'surveys/.gitkeep',
    ]);
    expect(after.has(SAMPLE_MANIFEST)).toBe(false);
    expect(after.has('reports/2024-25/annual-report.md')).toBe(false);
    expect(after.get('README.md')).toBe(before.get('README.md'));
    expect((await cop(['validate', '--root', root])).code).toBe(0);
    expect((await cop(['build', '--check', '--root', root])).code).toBe(0);
  });

  it('refuses --replace-sample without the sample’s manifest: your own records are never replaced', async () => {
    const root = await fixtureWith(MULTI_YEAR);
    const before = await snapshot(root);
    const run = await cop(['init', '--name', 'N', '--institution', 'I', '--replace-sample', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${SAMPLE_MANIFEST} is missing or unreadable`);
    expect(await snapshot(root)).toEqual(before);
  });
});
