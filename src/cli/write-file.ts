import { lstat, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { describe, TEMPORARY_FILE } from '../load/files.js';

/**
 * A file the toolchain could not write: the disk, not the toolchain, is at fault, and the message says which file and
 * why.
 */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
  ) {
    super(writeProblem(path, code));
  }

  /** The message with the path relative to `root` (the repository), as a coordinator knows it. */
  relativeTo(root: string): string {
    const rel = relative(root, this.path);
    return writeProblem(rel === '' || rel.startsWith('..') ? this.path : rel.split(sep).join('/'), this.code);
  }
}

function writeProblem(path: string, code: string | undefined): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left on device while writing ${path}`;
    case 'EROFS':
      return `the disk is read-only: ${path} cannot be written`;
    case 'ENOTDIR':
      return `${path} cannot be written: a file stands where one of its folders belongs (move that file away)`;
    case 'EISDIR':
    case 'ENOTEMPTY':
      return `${path} cannot be written: a folder stands where the file belongs (move that folder away)`;
    case 'EACCES':
    case 'EPERM':
      return `${path} cannot be written: permission denied (the folder is read-only for your user)`;
    case 'EIO':
      return `${path} cannot be written: the disk failed while writing it`;
    default:
      return `${path} cannot be written (${describe(code)})`;
  }
}

const codeOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException).code;

/** Removes a temporary file, never throwing: a failed cleanup must not hide the error that made it necessary. */
const discard = (path: string) => rm(path, { force: true }).catch(() => undefined);

/** The temporary name a file is written under before it is renamed over: hidden, beside it, recognisable. */
const temporaryPath = (path: string) => join(dirname(path), `.${basename(path)}.cop-${process.pid}.tmp`);

/**
 * Test hooks, read from the environment once: fail the n-th write as a full disk would, fail
 * the n-th rename as a failing disk would, or kill the process just before its n-th rename,
 * as a power cut would. Never set outside tests.
 */
const FAIL_WRITE = Number(process.env.COP_TEST_FAIL_WRITE ?? 0);
const FAIL_RENAME = Number(process.env.COP_TEST_FAIL_RENAME ?? 0);
const KILL_AT_RENAME = Number(process.env.COP_TEST_KILL_AT_RENAME ?? 0);
let writes = 0;
let renames = 0;

async function renameOver(temp: string, path: string): Promise<void> {
  if (++renames === KILL_AT_RENAME) process.kill(process.pid, 'SIGKILL');
  try {
    if (renames === FAIL_RENAME) throw Object.assign(new Error('injected'), { code: 'EIO' });
    await rename(temp, path);
  } catch (e) {
    throw new WriteError(path, codeOf(e));
  }
}

/** A folder stands where a file is to be renamed: found before any rename, so that none is made. */
async function mustBeFileOrAbsent(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (info?.isDirectory()) throw new WriteError(path, 'EISDIR');
}

/** Writes a file under its temporary name and flushes it to the disk, so that a power loss cannot leave it empty. */
async function writeTemporary(path: string, content: string | Uint8Array): Promise<string> {
  const temp = temporaryPath(path);
  try {
    if (++writes === FAIL_WRITE) throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
    await mkdir(dirname(path), { recursive: true }).catch((e: unknown) => {
      // A file where one of the folders belongs: mkdir says EEXIST (or ENOTDIR, deeper down).
      throw new WriteError(path, codeOf(e) === 'EEXIST' ? 'ENOTDIR' : codeOf(e));
    });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (e) {
    await discard(temp);
    throw e instanceof WriteError ? e : new WriteError(path, codeOf(e));
  }
}

/** Flushes a folder, so that the renames in it survive a power loss. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Writes beside the file, then renames over it: a reader never sees half a file, and a
 * crash leaves the old file or the new one, never a mix. Nothing the user wrote is lost.
 */
export async function writeAtomically(path: string, content: string | Uint8Array): Promise<void> {
  await mustBeFileOrAbsent(path);
  const temp = await writeTemporary(path, content);
  try {
    await renameOver(temp, path);
  } catch (e) {
    await discard(temp);
    throw e;
  }
  await syncFolder(dirname(path));
}

/**
 * The record of a set of renames under way: while it exists, the set is unfinished, and the next command finishes it.
 */
interface Journal {
  renames: Array<[temp: string, path: string]>;
  remove: string[];
}

/**
 * Writes several files all or nothing: every file goes to its temporary name first; only
 * when all are written are they renamed over, so a full disk while writing leaves every
 * file as it was. With a `journal` (a file path), the renames are recorded before the first
 * is made: a kill or a failure among them leaves the journal, and `finishInterrupted` makes
 * the rest, so the files are all old or all new once the next command has run. `remove` goes last.
 */
export async function writeAll(
  files: ReadonlyMap<string, string | Uint8Array>,
  remove: readonly string[] = [],
  journal?: string,
): Promise<void> {
  const temps: Array<[string, string]> = [];
  try {
    for (const path of files.keys()) await mustBeFileOrAbsent(path);
    for (const [path, content] of files) temps.push([await writeTemporary(path, content), path]);
    if (journal) await writeJournal(journal, { renames: temps, remove: [...remove] });
  } catch (e) {
    await Promise.all(temps.map(([temp]) => discard(temp)));
    throw e;
  }
  await applyRenames({ renames: temps, remove: [...remove] });
  if (journal) await rm(journal, { force: true });
}

/**
 * Makes every rename of a set whose temporary file is still there, then the removals; the first failure is thrown after
 * all were tried.
 */
async function applyRenames({ renames: list, remove }: Journal): Promise<void> {
  let first: unknown;
  for (const [temp, path] of list) {
    if (
      !(await lstat(temp).then(
        () => true,
        () => false,
      ))
    )
      continue;
    await renameOver(temp, path).catch((e: unknown) => {
      first ??= e;
    });
  }
  // A file another run removed already is gone all the same.
  for (const path of remove) {
    await rm(path, { force: true }).catch((e: unknown) => {
      first ??= new WriteError(path, codeOf(e));
    });
  }
  for (const folder of new Set([...list.map(([, p]) => p), ...remove].map((p) => dirname(p)))) await syncFolder(folder);
  if (first !== undefined) throw first;
}

async function writeJournal(path: string, journal: Journal): Promise<void> {
  const temp = await writeTemporary(path, `${JSON.stringify(journal)}\n`);
  try {
    await rename(temp, path);
  } catch (e) {
    await discard(temp);
    throw new WriteError(path, codeOf(e));
  }
}

/** Where a build records its renames while it makes them. */
const BUILD_JOURNAL = '.cop-build-journal.json';
export const buildJournal = (root: string) => join(root, BUILD_JOURNAL);

/**
 * Finishes a set of renames an interrupted build left (its journal): every temporary file it
 * names was written whole before the first rename, so making the rest leaves every file new.
 * True when there was one to finish.
 */
async function finishInterrupted(root: string): Promise<boolean> {
  const text = await readFile(buildJournal(root), 'utf8').catch(() => undefined);
  if (text === undefined) return false;
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(text) as Journal;
  } catch {
    // A journal cut short was being written: no rename had been made yet.
    journal = undefined;
  }
  const inside = (p: unknown): p is string => typeof p === 'string' && !relative(root, p).startsWith('..');
  if (journal && Array.isArray(journal.renames) && Array.isArray(journal.remove))
    await applyRenames({
      renames: journal.renames.filter((r): r is [string, string] => Array.isArray(r) && inside(r[0]) && inside(r[1])),
      remove: journal.remove.filter(inside),
    });
  await rm(buildJournal(root), { force: true });
  return true;
}

/** Folders the toolchain writes in, where an interrupted run may have left temporary files. */
const WRITTEN_FOLDERS = [
  'data',
  'minutes',
  'surveys',
  'meetings',
  'narrative',
  'reports',
  'schemas',
  'docs',
  '.vscode',
] as const;

/** Temporary files an interrupted run left, root-relative. */
export async function leftovers(root: string): Promise<string[]> {
  // The repository's top folder too, where an erasure keeps its record while it runs.
  const out: string[] = (await readdir(root, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile() && TEMPORARY_FILE.test(e.name))
    .map((e) => e.name);
  for (const folder of WRITTEN_FOLDERS) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries)
      if (e.isFile() && TEMPORARY_FILE.test(e.name))
        out.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  return out.sort();
}

/** The process that wrote a temporary file is still running: its file is not a leftover yet. */
function writtenByALiveProcess(file: string): boolean {
  const pid = Number(/\.cop-(\d+)\.tmp$/.exec(file)?.[1]);
  if (!pid || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes what an interrupted run left, before a command writes anything: such files are never the user's. */
export async function removeLeftovers(root: string): Promise<string[]> {
  // An interrupted build's renames are finished first: its temporary files are what they rename.
  await finishInterrupted(root);
  const found = (await leftovers(root)).filter((f) => !writtenByALiveProcess(f));
  for (const f of found) await rm(join(root, f), { force: true });
  return found;
}

const LOCK = '.cop-build.lock';

/** How long a build waits for another to finish before it gives up, and how often it looks. */
const LOCK_WAIT_MS = 120_000;
const LOCK_POLL_MS = 100;

/**
 * Holds the repository's build lock while `work` runs: two builds at once would each remove
 * and rename what the other writes. A second build waits its turn (telling `waiting` once),
 * up to a bound; a lock whose process has ended is taken over.
 */
export async function withBuildLock<T>(
  root: string,
  work: () => Promise<T>,
  waiting: (pid: number) => void = () => undefined,
): Promise<T | 'locked'> {
  const path = join(root, LOCK);
  let told = false;
  for (let waited = 0; waited <= LOCK_WAIT_MS; ) {
    let handle: Awaited<ReturnType<typeof open>>;
    try {
      handle = await open(path, 'wx');
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') throw new WriteError(path, codeOf(e));
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (!writtenByALiveProcess(`.x.cop-${pid}.tmp`)) {
        await rm(path, { force: true }).catch((e: unknown) => {
          throw new WriteError(path, codeOf(e));
        });
        continue;
      }
      if (!told) waiting(pid);
      told = true;
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
      waited += LOCK_POLL_MS;
      continue;
    }
    try {
      await handle.writeFile(`${process.pid}\n`);
    } catch (e) {
      // A full disk: no empty lock is left behind.
      await handle.close().catch(() => undefined);
      await discard(path);
      throw new WriteError(path, codeOf(e));
    }
    await handle.close();
    try {
      return await work();
    } finally {
      await discard(path);
    }
  }
  return 'locked';
}
