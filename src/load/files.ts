import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareStrings } from '../format/compare.js';

/**
 * A path under a records folder that is not a regular file the toolchain can read, and why, in words for a coordinator.
 */
interface PathProblem {
  path: string;
  message: string;
}

export interface Listing {
  files: string[];
  problems: PathProblem[];
}

/**
 * Temporary files the toolchain writes beside a file before renaming it over: hidden, and named so that anyone can tell
 * them.
 */
export const TEMPORARY_FILE = /^\..+\.cop-\d+\.tmp$/;

/** A record's ending, or one near it that a coordinator meant as one: `.md`, `.markdown`, `.md~`, `.json `. */
const RECORD_ENDING = /\.(?:md|markdown|mdown|mkd|json)[\s~]*$/i;

/**
 * Every regular file below `dir`, as root-relative POSIX paths in a stable order, and what
 * stands there that is not one: a symbolic link (never followed: it could point out of the
 * repository, or at a device), a pipe, socket or device, a name that is not UTF-8, a folder
 * that cannot be read. Hidden files are skipped; a folder that does not exist is empty.
 */
export async function listFiles(root: string, dir: string): Promise<Listing> {
  const out: Listing = { files: [], problems: [] };
  let entries: Dirent[];
  try {
    // The records folder itself may be the link: readdir would follow it out of the repository.
    if (!dir.includes('/') && (await lstat(join(root, dir))).isSymbolicLink()) {
      out.problems.push({
        path: dir,
        message:
          `the folder ${dir}/ is a symbolic link: its files are not read. Commit the folder itself, not a ` +
          `link to it (a link is never followed)`,
      });
      return out;
    }
    entries = await readdir(join(root, dir), { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT')
      out.problems.push({
        path: dir,
        message: `the folder ${dir}/ cannot be read (${describe(code)}): its files are not checked. ${fix(code)}`,
      });
    return out;
  }
  for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    const rel = `${dir}/${entry.name}`;
    if (entry.name.startsWith('.')) {
      // A record hidden by a leading dot would leave every figure without a word; git's own files and ours are not
      // records.
      if (!TEMPORARY_FILE.test(entry.name) && RECORD_ENDING.test(entry.name))
        out.problems.push({
          path: rel,
          message:
            `a hidden name (it starts with a dot), so it is not read: rename it ` + `${entry.name.replace(/^\.+/, '')}`,
        });
      continue;
    }
    if (entry.name.includes('\uFFFD'))
      out.problems.push({
        path: rel,
        message:
          'the name is not valid UTF-8 text, so the file cannot be opened by its name: rename it with plain ' +
          'letters, digits and hyphens',
      });
    else if (entry.isSymbolicLink())
      out.problems.push({
        path: rel,
        message: 'is a symbolic link: commit the file itself, not a link to it (a link is never followed)',
      });
    else if (entry.isDirectory()) {
      if (RECORD_ENDING.test(entry.name))
        out.problems.push({
          path: rel,
          message:
            'is a folder named like a record: a record is a file. Move what it holds out and remove the folder, ' +
            'or rename it',
        });
      const inner = await listFiles(root, rel);
      out.files.push(...inner.files);
      out.problems.push(...inner.problems);
    } else if (entry.isFile()) out.files.push(rel);
    else out.problems.push({ path: rel, message: 'is not a regular file (a pipe, socket or device): remove it' });
  }
  return out;
}

export function describe(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'it is not a folder';
    case 'EIO':
      return 'the disk could not read it';
    default:
      return code ?? 'unknown error';
  }
}

export function fix(code: string | undefined): string {
  return code === 'EACCES' || code === 'EPERM'
    ? 'Give your user permission to read it (or check it out again).'
    : 'Check it out again, or remove it.';
}

/**
 * Every regular file below the folders, hidden ones too, root-relative, with its bytes, in
 * code-unit order: what `init --replace-sample` compares with the sample's manifest, and
 * what the manifest is made from, so that the two cannot count files differently.
 */
export async function filesWithBytes(root: string, folders: readonly string[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const folder of folders) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (!e.isFile()) continue;
      const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
      out.set(path, await readFile(join(root, path)));
    }
  }
  return new Map([...out].sort(([a], [b]) => compareStrings(a, b)));
}
