import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { MULTI_YEAR } from '../helpers/repo.js';

/** What the `yaml` package, the reader of record, makes of a frontmatter text. */
const reference = (text: string) => {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true });
  return { errors: doc.errors.length, value: doc.toJS() };
};

// NaN and infinities survive the comparison as words.
const comparable = (v: unknown) =>
  JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x));

const SCALARS = [
  'a:',
  'a: ""',
  'a: ~',
  'a: null',
  'a: Null',
  'a: NULL',
  'a: nUll',
  'a: true',
  'a: True',
  'a: tRue',
  'a: yes',
  'a: on',
  'a: no',
  'a: 0',
  'a: -0',
  'a: +1',
  'a: 007',
  'a: 012',
  'a: 0o12',
  'a: 0x1F',
  'a: -0x1F',
  'a: 0b101',
  'a: 1_000',
  'a: 99999999999999999999',
  'a: 1.0',
  'a: 1.',
  'a: .5',
  'a: +.5',
  'a: -.5',
  'a: 1e3',
  'a: 1.5e-3',
  'a: .inf',
  'a: -.Inf',
  'a: .nan',
  'a: .NaN',
  'a: 2024-10-15',
  'a: 12:00',
  'a: 12:00-14:00',
  'a: 1:30',
  'a: "x\\ty\\u00e9"',
  "a: 'it''s'",
  'a: é',
  'a: Q&A',
  'a: Tea & cake',
  'a: 50%',
  'a: |\n  line 1\n  line 2\n',
  'a: >\n  folded\n  text\n\n  para\n',
  'a: |-\n  x\n',
  'a: plain\n  continued',
  'a: "multi\n  line"',
  'a: x # comment',
  'a: [m01, m02]',
  'a: [1, "2", 3.0]',
  'a: {b: 1}',
  'a:\n  - x\n  - y: 1\n    z: 2',
  '1: x',
  'true: x',
  '"a b": 1',
];

describe('the fast frontmatter reader', () => {
  it('reads every scalar form exactly as the yaml package does, or leaves it to it', () => {
    let read = 0;
    for (const text of SCALARS) {
      const fast = readPlainYaml(text);
      if (!fast.ok) continue;
      read++;
      const ref = reference(text);
      expect(ref.errors, text).toBe(0);
      expect(comparable(fast.value), text).toBe(comparable(ref.value));
    }
    expect(read).toBe(SCALARS.length);
  });

  it('gives the same data as the yaml package for every minutes file of the fixtures', async () => {
    let compared = 0;
    for (const year of await readdir(join(MULTI_YEAR, 'minutes'))) {
      for (const file of await readdir(join(MULTI_YEAR, 'minutes', year))) {
        const text = await readFile(join(MULTI_YEAR, 'minutes', year, file), 'utf8');
        const yamlText = text.replace(/^\uFEFF?---\r?\n/, '').split(/^---\r?$/m)[0]!;
        const fast = readPlainYaml(yamlText);
        if (!fast.ok) continue;
        compared++;
        expect(comparable(fast.value), file).toBe(comparable(reference(yamlText).value));
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['an anchor and an alias', 'a: &x [m01]\nb: *x'],
    ['a tag', 'a: !!str 12'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {b: 2}'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['an explicit key', '? a\n: 1'],
    ['a null key', '~: x'],
    ['a flow key', '[a, b]: x'],
    ['a duplicated key', 'a: 1\na: 2'],
    ['a tab for indentation', 'a:\n\t- x'],
    ['a syntax error', 'title: Welcome: back'],
  ])('leaves %s to the yaml package, which reports and bounds it', (_what, text) => {
    expect(readPlainYaml(text).ok).toBe(false);
  });
});
