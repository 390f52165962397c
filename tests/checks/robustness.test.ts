import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MULTI_YEAR, validate } from '../helpers/repo.js';

async function dataFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!['reports', 'schemas', 'docs', '.vscode'].includes(path)) out.push(...(await dataFiles(dir, path)));
    } else if (/\.(json|md)$/.test(e.name) && path !== 'README.md') out.push(path);
  }
  return out.sort();
}

/** Damage a coordinator's editor or a bad merge could do. Deterministic, so a failure can be replayed. */
function damages(text: string, seed: number): string[] {
  let s = seed;
  const rand = (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % Math.max(1, n);
  };
  const at = rand(text.length);
  return [
    text.slice(0, at),
    text.slice(0, at) + text.slice(at + 1 + rand(40)),
    `${text.slice(0, at)}\u0000${text.slice(at)}`,
    `${text.slice(0, at)}"${text.slice(at)}`,
    `${text.slice(0, at)}\n  - [${text.slice(at)}`,
    text.replace(/\[/g, '{').replace(/\]/g, '}'),
    text.replace(/"[a-z0-9-]+"/, 'null'),
    text.replace(/\d{4}-\d{2}-\d{2}/, '2024-10-15T10:00:00Z'),
    text.replace(/: \[/, ': 42 #['),
    text.replace(/---\n/, '---\n- a list\n- not a map\n'),
    '[]',
    '{}',
    '"just a string"',
    '---\n---\n',
  ];
}

describe('no data crashes the validator', () => {
  it('reports damaged files at a file and line instead of throwing', async () => {
    const files = await dataFiles(MULTI_YEAR);
    expect(files.length).toBeGreaterThan(10);
    let runs = 0;
    let reported = 0;
    let checked = 0;
    for (const [i, file] of files.entries()) {
      const text = await readFile(join(MULTI_YEAR, file), 'utf8');
      for (const damaged of damages(text, i + 1)) {
        if (damaged === text) continue;
        const diagnostics = await validate(MULTI_YEAR, { [file]: damaged });
        runs++;
        // Damage that lands in a minutes file's Markdown body is no data problem; elsewhere it is.
        if (diagnostics.some((d) => d.file === file)) reported++;
        for (const d of diagnostics) {
          checked++;
          expect(d.file).toMatch(/^(data|minutes|surveys|meetings)\//);
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.message.length).toBeGreaterThan(10);
        }
      }
    }
    expect(runs).toBeGreaterThan(150);
    expect(reported).toBeGreaterThan(runs * 0.85);
    expect(checked).toBeGreaterThanOrEqual(reported);
  });
});
