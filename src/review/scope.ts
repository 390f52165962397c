import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { promisify } from 'node:util';

/**
 * What a change touches, in the terms CI decides by: the records a coordinator edits, the
 * reports the toolchain writes from them, and the toolchain itself.
 */
export interface ChangeScope {
  records: string[];
  reports: string[];
  toolchain: string[];
}

const RECORDS = /^(data|minutes|surveys)\//;
// The folders the build writes: whatever stands in them is the build's to hold (a file saved there by hand too).
const BUILD_FOLDERS = /^(reports|schemas)\//;
// What can change a build's output or the checks themselves: code, dependencies, CI.
const TOOLCHAIN = new RegExp(
  '^(src|scripts|tests|\\.ci|\\.github/workflows)/|' +
    '^(package\\.json|package-lock\\.json|tsconfig\\.json|vitest\\.config\\.ts|dangerfile\\.ts)$',
);

/** `generated`: the files a build writes elsewhere (docs, issue forms, editor settings), as its manifest lists them. */
function scopeOf(files: readonly string[], generated: ReadonlySet<string>): ChangeScope {
  return {
    records: files.filter((f) => RECORDS.test(f)),
    reports: files.filter((f) => BUILD_FOLDERS.test(f) || generated.has(f)),
    toolchain: files.filter((f) => TOOLCHAIN.test(f)),
  };
}

/**
 * Reports can go stale by a change only when it changes the toolchain or the reports
 * themselves: records alone are rebuilt into reports/ after the merge, by the Reports
 * workflow, so a records-only change is never held to reports it cannot contain.
 */
export function mustHoldReports(scope: ChangeScope): boolean {
  return scope.toolchain.length > 0 || scope.reports.length > 0;
}

/** Files under reports/ that the change edits without touching the toolchain: edited by hand. */
export function editedByHand(scope: ChangeScope): string[] {
  return scope.toolchain.length > 0 ? [] : scope.reports;
}

const git = promisify(execFile);

/**
 * What changed since `base` (as of their common ancestor), for the community at `root`:
 * its own files by their paths inside it, and, from the rest of the checkout, what
 * changes the toolchain (a community kept below the toolchain's folder, as a test
 * fixture is, is rebuilt by that toolchain). Undefined when git cannot tell (no
 * repository, a base that is not there): then every check runs.
 */
export async function changeSince(
  root: string,
  base: string,
  generated: ReadonlySet<string>,
): Promise<ChangeScope | undefined> {
  if (!/^[\w./-]+$/.test(base) || /^0+$/.test(base)) return undefined;
  try {
    const top = (await git('git', ['-C', root, 'rev-parse', '--show-toplevel'])).stdout.trim();
    const { stdout } = await git(
      'git',
      ['-C', root, 'diff', '--name-only', '--no-renames', '-z', `${base}...HEAD`, '--'],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const files = stdout.split('\0').filter((f) => f !== '');
    const prefix = relative(await realpath(top), await realpath(root))
      .split(sep)
      .join('/');
    const inside =
      prefix === '' ? files : files.filter((f) => f.startsWith(`${prefix}/`)).map((f) => f.slice(prefix.length + 1));
    const outside = prefix === '' ? [] : files.filter((f) => !f.startsWith(`${prefix}/`));
    const scope = scopeOf(inside, generated);
    return { ...scope, toolchain: [...scope.toolchain, ...scopeOf(outside, generated).toolchain] };
  } catch {
    return undefined;
  }
}
