import { cp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { temporaryDir } from './temp.js';
import { dirname, join, resolve } from 'node:path';
import { validateRepository } from '../../src/pipeline/index.js';
import type { Diagnostic } from '../../src/rules/diagnostic.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const MULTI_YEAR = join(REPO_ROOT, 'tests/fixtures/multi-year');
/** A copy of the sample records the template ships: tests read it, never the repository's own records. */
export const SAMPLE = join(REPO_ROOT, 'tests/fixtures/sample');

/** An edit of one file of a fixture: a function of its text, a new text, or null to delete it. */
export type Edits = Record<string, ((text: string) => string | Buffer) | string | null>;

/** Copies a community repository to a temporary folder and applies edits, as a coordinator's change would. */
export async function fixtureWith(base: string, edits: Edits = {}): Promise<string> {
  const dir = await temporaryDir();
  await cp(base, dir, { recursive: true, filter: (src) => !src.includes('node_modules') && !src.endsWith('/.git') });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(dir, file);
    if (edit === null) {
      await rm(path, { force: true });
      continue;
    }
    const before = await readFile(path, 'utf8').catch(() => '');
    const after = typeof edit === 'string' ? edit : edit(before);
    if (typeof edit === 'function' && typeof after === 'string' && after === before)
      throw new Error(`the edit of ${file} changed nothing: the fixture no longer matches the test`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, after);
  }
  return dir;
}

/** Replaces exactly one occurrence, failing loudly if the fixture changed under the test. */
export function replaceOnce(search: string | RegExp, replacement: string): (text: string) => string {
  return (text) => {
    const count =
      typeof search === 'string'
        ? text.split(search).length - 1
        : (text.match(new RegExp(search.source, `${search.flags.replace('g', '')}g`)) ?? []).length;
    if (count !== 1) throw new Error(`expected exactly one match of ${String(search)}, found ${count}`);
    return text.replace(search, replacement);
  };
}

/**
 * The problems of a fixture with edits, validated in memory: the edited files are given to the loader, the rest read in
 * place.
 */
export async function validate(base: string, edits: Edits = {}): Promise<Diagnostic[]> {
  const overrides: Record<string, string | Uint8Array | null> = {};
  for (const [file, edit] of Object.entries(edits)) {
    if (edit === null || typeof edit === 'string') {
      overrides[file] = edit;
      continue;
    }
    const before = await readFile(join(base, file), 'utf8').catch(() => '');
    const after = edit(before);
    if (after === before)
      throw new Error(`the edit of ${file} changed nothing: the fixture no longer matches the test`);
    overrides[file] = typeof after === 'string' ? after : new Uint8Array(after);
  }
  return (await validateRepository(base, overrides)).diagnostics;
}
