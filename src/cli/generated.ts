import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from '../format/compare.js';
import { EDITOR_SETTINGS } from '../edit/editor-settings.js';

/**
 * The list of every file the last build wrote, committed beside the reports. What a build owns
 * is what it writes: a file it wrote before and writes no more is removed; a file it never
 * wrote is never touched (and, in reports/, never published). No stage states its files twice.
 */
export const MANIFEST = 'reports/.generated-files';

/**
 * The manifest of a build's files: one root-relative path a line, sorted, the editor settings apart (they are the
 * team's, merged).
 */
export function manifestText(files: Iterable<string>): string {
  const listed = [...files].filter((f) => f !== EDITOR_SETTINGS && f !== MANIFEST).sort(compareStrings);
  return (
    `# Written by "npm run build": the files it writes, so that it removes only its own. Do not ` +
    `edit.\n${listed.join('\n')}\n`
  );
}

/** The files the last build wrote, as its manifest lists them; only plain paths inside the repository are taken. */
export async function previouslyGenerated(root: string): Promise<Set<string>> {
  const text = await readFile(join(root, MANIFEST), 'utf8').catch(() => '');
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(
        (l) =>
          l !== '' && !l.startsWith('#') && !l.startsWith('/') && !l.split('/').includes('..') && !l.includes('\\'),
      ),
  );
}

/**
 * Every file a build owns in a repository: what its manifest lists, the manifest itself and the editor settings' schema
 * mapping.
 */
export async function generatedFiles(root: string): Promise<Set<string>> {
  return new Set([...(await previouslyGenerated(root)), MANIFEST, EDITOR_SETTINGS]);
}

/** The files of `paths` that are regular files now (a removal of one that is gone already is no removal). */
export async function existing(root: string, paths: Iterable<string>): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) if ((await lstat(join(root, p)).catch(() => undefined))?.isFile()) out.push(p);
  return out;
}
