import { mkdir, readdir, readFile, rename as renameFile, rm, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith } from '../helpers/repo.js';

/**
 * A seeded fuzz run over the multi-year fixture: mutated copies of one record at a time,
 * validated through the same function the CLI calls, and a few through the CLI itself. No
 * case may throw, hang or report nowhere; a file that no longer parses is reported at that
 * file. The seed is fixed and printed, so a failure can be replayed; COP_FUZZ_CASES and
 * COP_FUZZ_SEED run longer or other runs.
 */
const SEED = Number(process.env.COP_FUZZ_SEED ?? 20261205);
const CASES = Number(process.env.COP_FUZZ_CASES ?? 300);

/** mulberry32: a small, well-known seeded generator. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPICE = [
  '\u0000',
  '\u001b',
  '{',
  '}',
  '[',
  ']',
  '"',
  ':',
  ',',
  '\n',
  '\t',
  '*a',
  '&a ',
  '!!js',
  '<<: *x',
  '__proto__',
  '\uFFFD',
  '-',
  '#',
  "'",
  '\\',
  ' '.repeat(40),
  '9'.repeat(30),
  // C1 controls, Unicode's line breaks and a byte-order mark inside the text.
  '\u0085',
  '\u009b31m',
  '\u2028',
  '\uFEFF',
];

type Mutation = (text: string, rnd: () => number) => string;
const at = (text: string, rnd: () => number) => Math.floor(rnd() * (text.length + 1));
const MUTATIONS: Array<[string, Mutation]> = [
  [
    'flip a byte',
    (t, r) => {
      const i = at(t, r);
      return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 128)) + t.slice(i + 1);
    },
  ],
  ['truncate', (t, r) => t.slice(0, at(t, r))],
  [
    'insert a hostile piece',
    (t, r) => {
      const i = at(t, r);
      return t.slice(0, i) + SPICE[Math.floor(r() * SPICE.length)]! + t.slice(i);
    },
  ],
  [
    'delete a line',
    (t, r) => {
      const lines = t.split('\n');
      lines.splice(Math.floor(r() * lines.length), 1);
      return lines.join('\n');
    },
  ],
  [
    'repeat a line',
    (t, r) => {
      const lines = t.split('\n');
      const i = Math.floor(r() * lines.length);
      lines.splice(i, 0, lines[i]!);
      return lines.join('\n');
    },
  ],
  [
    'indent a line',
    (t, r) => {
      const lines = t.split('\n');
      const i = Math.floor(r() * lines.length);
      lines[i] = `${r() < 0.5 ? '\t' : '   '}${lines[i]}`;
      return lines.join('\n');
    },
  ],
  [
    'nest deeply',
    (t, r) => {
      const i = at(t, r);
      const n = 10 + Math.floor(r() * 300);
      return `${t.slice(0, i)}${'['.repeat(n)}${']'.repeat(n)}${t.slice(i)}`;
    },
  ],
  ['swap brackets', (t) => t.replace(/\[/g, '{').replace(/\]/g, '}')],
  [
    'nest quotes on a line',
    (t, r) => {
      const lines = t.split('\n');
      const i = Math.floor(r() * lines.length);
      lines[i] = `${'> '.repeat(20 + Math.floor(r() * 1500))}${lines[i]}`;
      return lines.join('\n');
    },
  ],
  [
    'a run of brackets',
    (t, r) => {
      const n = 20 + Math.floor(r() * 20_000);
      return `${t}\n- ${'['.repeat(n)}x${']'.repeat(n)}\n`;
    },
  ],
  ['two byte-order marks', (t) => `\uFEFF\uFEFF${t}`],
];

/**
 * What can happen to a record file as a whole: renamed so that it is no longer read as one, or
 * its folder replaced. Each must be reported at the new path, never leave in silence.
 */
const FILE_MUTATIONS: Array<[string, (file: string) => string]> = [
  ['hidden', (f) => f.replace(/[^/]+$/, (n) => `.${n}`)],
  ['README.MD', (f) => f.replace(/[^/]+\.md$/, 'README.MD')],
  ['.markdown', (f) => f.replace(/\.md$/, '.markdown')],
  ['~ after the ending', (f) => `${f}~`],
  ['a trailing space', (f) => `${f} `],
  ['upper-case ending', (f) => f.replace(/\.(md|json)$/, (e) => e.toUpperCase())],
];

async function recordFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const folder of ['data', 'minutes', 'surveys']) {
    for (const e of await readdir(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (e.isFile()) out.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
    }
  }
  return out.sort();
}

const parses = (file: string, text: string): boolean => {
  if (!file.endsWith('.json')) return true; // YAML's "parses" is for the validator to decide
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('fuzzing the records', () => {
  it(`${CASES} mutated records: no crash, no hang, every broken file reported at itself (seed ${SEED})`, async () => {
    console.info(`fuzz: seed ${SEED}, ${CASES} cases (COP_FUZZ_SEED, COP_FUZZ_CASES to change)`);
    const rnd = random(SEED);
    const files = await recordFiles(MULTI_YEAR);
    const originals = new Map(
      await Promise.all(files.map(async (f) => [f, await readFile(join(MULTI_YEAR, f), 'utf8')] as const)),
    );
    let ran = 0;
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const file = files[Math.floor(rnd() * files.length)]!;
      const [name, mutate] = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!;
      const text = mutate(originals.get(file)!, rnd);
      const started = performance.now();
      let diagnostics: Awaited<ReturnType<typeof validateRepository>>['diagnostics'];
      try {
        ({ diagnostics } = await validateRepository(MULTI_YEAR, { [file]: text }));
      } catch (e) {
        throw new Error(`case ${i} (${name} in ${file}) threw: ${String(e)}\nreplay with COP_FUZZ_SEED=${SEED}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
      for (const d of diagnostics) {
        expect(d.line, `case ${i}`).toBeGreaterThanOrEqual(1);
        expect(d.message.length, `case ${i}`).toBeGreaterThan(10);
      }
      if (!parses(file, text))
        expect(
          diagnostics.some((d) => d.file === file && d.severity === 'error'),
          `case ${i}: ${name} in ${file}`,
        ).toBe(true);
      ran++;
    }
    console.info(`fuzz: ${ran} cases, slowest ${Math.round(slowest)} ms`);
    expect(ran).toBe(CASES);
  }, 120_000);

  it('record files renamed or replaced: each reported at its new place, never gone in silence', async () => {
    const rnd = random(SEED + 2);
    const files = (await recordFiles(MULTI_YEAR)).filter((f) => !f.startsWith('data/'));
    let ran = 0;
    for (let i = 0; i < 24; i++) {
      const file = files[Math.floor(rnd() * files.length)]!;
      const [name, rename] = FILE_MUTATIONS[i % FILE_MUTATIONS.length]!;
      // README.MD and .markdown stand only for minutes.
      const moved = rename(file);
      if (moved === file) continue;
      const root = await fixtureWith(MULTI_YEAR);
      await renameFile(join(root, file), join(root, moved));
      const { diagnostics } = await validateRepository(root);
      expect(
        diagnostics.some((d) => d.file === moved && d.severity === 'error'),
        `${name}: ${file} → ${JSON.stringify(moved)}`,
      ).toBe(true);
      ran++;
    }
    // A folder named like a record, and a records folder that is a link.
    const root = await fixtureWith(MULTI_YEAR);
    await mkdir(join(root, 'minutes/2022-23/x.md'));
    await rm(join(root, 'surveys'), { recursive: true });
    await symlink(join(MULTI_YEAR, 'surveys'), join(root, 'surveys'));
    const { diagnostics } = await validateRepository(root);
    for (const place of ['minutes/2022-23/x.md', 'surveys'])
      expect(
        diagnostics.some((d) => d.file === place && d.rule === 'file-kind'),
        place,
      ).toBe(true);
    expect(diagnostics.some((d) => d.file.startsWith('surveys/'))).toBe(false);
    expect(ran).toBeGreaterThan(12);
  }, 60_000);

  it('a handful through the command itself: exit 0 or 1, never 2', async () => {
    const rnd = random(SEED + 1);
    const files = await recordFiles(MULTI_YEAR);
    let ran = 0;
    for (let i = 0; i < 5; i++) {
      const file = files[Math.floor(rnd() * files.length)]!;
      const [, mutate] = MUTATIONS[Math.floor(rnd() * MUTATIONS.length)]!;
      const root = await fixtureWith(MULTI_YEAR, { [file]: (t) => mutate(t, rnd) || ' ' });
      for (const command of ['validate', 'metrics', 'build']) {
        const r = await cop([command, '--root', root]);
        expect([0, 1], `${command} after mutating ${file}: ${r.stderr.slice(-300)}`).toContain(r.code);
        expect(r.stderr).not.toContain('internal error');
      }
      ran++;
    }
    expect(ran).toBe(5);
  }, 120_000);
});
