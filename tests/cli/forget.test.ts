import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith } from '../helpers/repo.js';

const LEAVER = 'minutes/2022-23/2023-05-09-webinar.md';

async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of await readdir(join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) await walk(rel);
      else out.set(rel, await readFile(join(root, rel), 'utf8'));
    }
  };
  for (const d of ['data', 'minutes', 'surveys']) await walk(d);
  return out;
}

describe('cop forget', () => {
  it('replaces the name everywhere with a pseudonym, leaving ids, figures and other files unchanged', async () => {
    const dir = await fixtureWith(MULTI_YEAR, { [LEAVER]: (t) => `${t}- José Sample presented the pilot.\n` });
    const before = await snapshot(dir);
    const metricsBefore = (await cop(['metrics', '--root', dir])).stdout;

    const r = await cop(['forget', 'a02', '--root', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Replaced "José Sample" with "Former member a02" 2 times in 2 files');

    const after = await snapshot(dir);
    expect(after.get('data/members.json')).toContain('{ "id": "a02", "name": "Former member a02", "unit": "physics"');
    expect(after.get(LEAVER)).toContain('- Former member a02 presented the pilot.');
    for (const [file, text] of after) expect(text, file).not.toContain('José Sample');
    for (const [file, text] of before)
      if (file !== 'data/members.json' && file !== LEAVER) expect(after.get(file), file).toBe(text);
    expect((await cop(['metrics', '--root', dir])).stdout).toBe(metricsBefore);
    expect((await cop(['validate', '--root', dir])).code).toBe(0);
  });

  it('lists parts of the name for a person to check, and does nothing twice', async () => {
    const dir = await fixtureWith(MULTI_YEAR, { [LEAVER]: (t) => `${t}- José will send the slides.\n` });
    const r = await cop(['forget', 'a02', '--root', dir]);
    expect(r.stdout).toMatch(new RegExp(`${LEAVER}:\\d+:3 "José"`));
    const again = await cop(['forget', 'a02', '--root', dir]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already forgotten');
  });

  it('refuses an unknown member', async () => {
    const r = await cop(['forget', 'a99', '--root', MULTI_YEAR]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there is no member "a99"');
  });
});
