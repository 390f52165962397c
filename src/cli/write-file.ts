import { open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { describe, TEMPORARY_FILE } from '../load/files.js';

/** A file the toolchain could not write: the disk, not the toolchain, is at fault, and the message says which file and why. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
  ) {
    super(
      code === 'ENOSPC' || code === 'EDQUOT'
        ? `no space left on device while writing ${path}`
        : code === 'EROFS'
          ? `the disk is read-only: ${path} cannot be written`
          : `${path} cannot be written (${describe(code)})`,
    );
  }
}

/** The temporary name a file is written under before it is renamed over: hidden, beside it, recognisable. */
const temporaryPath = (path: string) => join(dirname(path), `.${basename(path)}.cop-${process.pid}.tmp`);

/**
 * Test hooks, read from the environment once: fail the n-th write as a full disk would, or
 * kill the process just before its n-th rename, as a power cut would. Never set outside tests.
 */
const FAIL_WRITE = Number(process.env.COP_TEST_FAIL_WRITE ?? 0);
const KILL_AT_RENAME = Number(process.env.COP_TEST_KILL_AT_RENAME ?? 0);
let writes = 0;
let renames = 0;

async function renameOver(temp: string, path: string): Promise<void> {
  if (++renames === KILL_AT_RENAME) process.kill(process.pid, 'SIGKILL');
  await rename(temp, path);
}

/** Writes a file under its temporary name and flushes it to the disk, so that a power loss cannot leave it empty. */
async function writeTemporary(path: string, content: string | Uint8Array): Promise<string> {
  const temp = temporaryPath(path);
  try {
    if (++writes === FAIL_WRITE) throw Object.assign(new Error('injected'), { code: 'ENOSPC' });
    await mkdir(dirname(path), { recursive: true });
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temp;
  } catch (e) {
    await rm(temp, { force: true });
    throw new WriteError(path, (e as NodeJS.ErrnoException).code);
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
  const temp = await writeTemporary(path, content);
  await renameOver(temp, path);
  await syncFolder(dirname(path));
}

/**
 * Writes several files all or nothing: every file goes to its temporary name first; only
 * when all are written are they renamed over, so a full disk or a kill while writing
 * leaves every file as it was, never a mix of two builds. `remove` goes last.
 */
export async function writeAll(files: ReadonlyMap<string, string | Uint8Array>, remove: readonly string[] = []): Promise<void> {
  const temps: Array<[string, string]> = [];
  try {
    for (const [path, content] of files) temps.push([await writeTemporary(path, content), path]);
  } catch (e) {
    await Promise.all(temps.map(([temp]) => rm(temp, { force: true })));
    throw e;
  }
  for (const [temp, path] of temps) await renameOver(temp, path);
  // A file another run removed already is gone all the same.
  for (const path of remove) await rm(path, { force: true });
  for (const folder of new Set([...files.keys(), ...remove].map((p) => dirname(p)))) await syncFolder(folder);
}

/** Folders the toolchain writes in, where an interrupted run may have left temporary files. */
const WRITTEN_FOLDERS = ['data', 'minutes', 'surveys', 'reports', 'schemas', 'docs', '.vscode'] as const;

/** Temporary files an interrupted run left, root-relative. */
export async function leftovers(root: string): Promise<string[]> {
  // The repository's top folder too, where an erasure keeps its record while it runs.
  const out: string[] = (await readdir(root, { withFileTypes: true }).catch(() => [])).filter((e) => e.isFile() && TEMPORARY_FILE.test(e.name)).map((e) => e.name);
  for (const folder of WRITTEN_FOLDERS) {
    const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && TEMPORARY_FILE.test(e.name)) out.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
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
  const found = (await leftovers(root)).filter((f) => !writtenByALiveProcess(f));
  for (const f of found) await rm(join(root, f), { force: true });
  return found;
}

const LOCK = '.cop-build.lock';

/**
 * Holds the repository's build lock while `work` runs: two builds at once would each remove
 * and rename what the other writes. A lock whose process has ended is taken over.
 */
export async function withBuildLock<T>(root: string, work: () => Promise<T>): Promise<T | 'locked'> {
  const path = join(root, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      try {
        return await work();
      } finally {
        await rm(path, { force: true });
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (writtenByALiveProcess(`.x.cop-${pid}.tmp`)) return 'locked';
      await rm(path, { force: true });
    }
  }
  return 'locked';
}
