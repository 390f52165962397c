import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cop, copBin } from '../helpers/cli.js';
import { MULTI_YEAR, REPO_ROOT, fixtureWith, replaceOnce } from '../helpers/repo.js';

const exec = promisify(execFile);

/** cop as its own process, so that a kill is a real one. */
async function copProcess(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  try {
    const r = await exec(process.execPath, [copBin(), ...args], { env: { ...process.env, ...env } });
    return { code: 0, signal: null, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number | null; signal: string | null; stderr: string };
    return { code: err.code, signal: err.signal, stderr: err.stderr };
  }
}

async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
    out.set(path, await readFile(join(root, path), 'utf8'));
  }
  return out;
}

const temporary = (files: Map<string, string>) =>
  [...files.keys()].filter((f) => /(^|\/)\.[^/]+\.cop-\d+\.tmp$/.test(f));

describe('writes that survive interruption', () => {
  it('a build killed at a rename leaves every file old or new; the next command finishes the renames, and build ' +
    '--check fails until then', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'minutes/2024-25/2024-10-01-restart.md': replaceOnce('title: Restart', 'title: A restart'),
    });
    const before = await snapshot(root);
    const done = await fixtureWith(root);
    expect((await cop(['build', '--root', done])).code).toBe(0);
    const after = await snapshot(done);
    const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f));
    expect(changed.length).toBeGreaterThanOrEqual(3);

    // At the first rename, and at the last: both leave a mix until the next command.
    for (const k of [1, changed.length]) {
      const copy = await fixtureWith(root);
      const killed = await copProcess(['build', '--root', copy], { COP_TEST_KILL_AT_RENAME: String(k) });
      expect(killed.signal).toBe('SIGKILL');
      const now = await snapshot(copy);
      const own = new Set([...temporary(now), '.cop-build.lock', '.cop-build-journal.json']);
      for (const [file, text] of now)
        if (!own.has(file)) expect([before.get(file), after.get(file)], file).toContain(text);
      expect(temporary(now).length).toBeGreaterThan(0);
      expect(now.has('.cop-build-journal.json')).toBe(true);
      const check = await cop(['build', '--check', '--root', copy]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain('a build was interrupted while it renamed its files');
      // The next command finishes the renames from the journal: the build then has nothing left to write.
      const next = await cop(['build', '--root', copy]);
      expect(next.code).toBe(0);
      expect(next.stderr).toContain('reports/: 0 written');
      const rebuilt = await snapshot(copy);
      for (const file of changed) expect(rebuilt.get(file), file).toBe(after.get(file));
      expect(rebuilt.has('.cop-build-journal.json')).toBe(false);
      expect(temporary(rebuilt)).toEqual([]);
      // Every file as a whole build writes it, and nothing of the interrupted one left: what build --check holds.
      expect(rebuilt.has('.cop-build.lock')).toBe(false);
    }
  }, 60_000);

  it('a full disk while building: a plain message, exit 2, and reports/ as it was', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'minutes/2024-25/2024-10-01-restart.md': replaceOnce('title: Restart', 'title: A restart'),
    });
    const before = await snapshot(root);
    const r = await copProcess(['build', '--root', root], { COP_TEST_FAIL_WRITE: '2' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^cop: no space left on device while writing \S+\. Nothing that was there before was lost/m,
    );
    expect(r.stderr).not.toContain('bug in the toolchain');
    expect(await snapshot(root)).toEqual(before);
  }, 30_000);

  it('a forget killed at each rename is finished by the next run, which only then says it is complete', async () => {
    const name = 'Ada Example';
    for (const k of [1, 2, 3]) {
      const root = await fixtureWith(MULTI_YEAR);
      const members = await readFile(join(root, 'data/members.json'), 'utf8');
      const old = /"id": "a03", "name": "([^"]+)"/.exec(members)?.[1];
      expect(old, 'the fixture names a03').toBeDefined();
      await writeFile(join(root, 'data/members.json'), members.replace(old!, name));
      await writeFile(
        join(root, 'minutes/2022-23/2022-11-15-cafe-conversation.md'),
        `${await readFile(join(root, 'minutes/2022-23/2022-11-15-cafe-conversation.md'), 'utf8')}- ${name} led ` +
          `the discussion.\n`,
      );
      const killed = await copProcess(['forget', 'a03', '--root', root], { COP_TEST_KILL_AT_RENAME: String(k) });
      expect(killed.signal).toBe('SIGKILL');
      const finished = await cop(['forget', 'a03', '--root', root]);
      expect(finished.code, finished.stderr).toBe(0);
      const now = await snapshot(root);
      expect([...now].filter(([, text]) => text.includes(name)).map(([f]) => f)).toEqual([]);
      expect(temporary(now)).toEqual([]);
      expect(now.has('.cop-forget.json')).toBe(false);
    }
  }, 60_000);

  it('two builds at once: the second waits its turn and says so, and neither fails', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'minutes/2024-25/2024-10-01-restart.md': replaceOnce('title: Restart', 'title: A restart'),
    });
    const [a, b] = await Promise.all([copProcess(['build', '--root', root]), copProcess(['build', '--root', root])]);
    for (const r of [a, b]) expect(r.stderr).not.toContain('internal error');
    // The second waits for the first (telling so when they meet): neither fails.
    expect([a.code, b.code]).toEqual([0, 0]);
    for (const r of [a, b]) expect(r.stderr).not.toContain('nothing was written');
    expect((await cop(['build', '--check', '--root', root])).code).toBe(0);
  }, 30_000);

  it('an import killed at its rename leaves the survey file as it was, and the next import finishes', async () => {
    const SURVEY = 'surveys/2022-23/annual-survey.json';
    const root = await fixtureWith(MULTI_YEAR, {
      [SURVEY]: replaceOnce(/"responses": \[[\s\S]*?\n {2}\]/, '"responses": []'),
    });
    const before = await readFile(join(root, SURVEY), 'utf8');
    const args = [
      'import-survey',
      '--from',
      join(REPO_ROOT, 'tests/fixtures/survey-exports/google-forms.csv'),
      '--into',
      SURVEY,
      '--root',
      root,
    ];
    const killed = await copProcess(args, { COP_TEST_KILL_AT_RENAME: '1' });
    expect(killed.signal).toBe('SIGKILL');
    expect(await readFile(join(root, SURVEY), 'utf8')).toBe(before);
    expect(temporary(await snapshot(root)).length).toBe(1);
    const again = await cop(args);
    expect(again.code, again.stderr).toBe(0);
    expect(temporary(await snapshot(root))).toEqual([]);
    expect(await readFile(join(root, SURVEY), 'utf8')).not.toBe(before);
  }, 30_000);
});

describe('write errors name their path, and leave no lock, temporary file or mix behind', () => {
  const SESSION = { 'minutes/2024-25/2024-10-01-restart.md': replaceOnce('title: Restart', 'title: A restart') };

  it('a file where a report folder belongs: a plain message with the path, exit 2, reports/ as it was', async () => {
    const root = await fixtureWith(MULTI_YEAR, SESSION);
    await rm(join(root, 'reports/2024-25'), { recursive: true });
    await writeFile(join(root, 'reports/2024-25'), 'a file saved where the folder was\n');
    const before = await snapshot(root);
    const r = await cop(['build', '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^cop: reports\/2024-25\/\S+ cannot be written: a file stand` +
          String.raw`s where one of its folders belongs \(move that file away\)\.`,
        'm',
      ),
    );
    expect(r.stderr).not.toMatch(/internal error|bug in the toolchain/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('a folder where a report file belongs: found before any rename, so nothing changes', async () => {
    const root = await fixtureWith(MULTI_YEAR, SESSION);
    await rm(join(root, 'reports/metrics.json'));
    await mkdir(join(root, 'reports/metrics.json'));
    await writeFile(join(root, 'reports/metrics.json/keep.txt'), 'mine\n');
    const before = await snapshot(root);
    const r = await cop(['build', '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'cop: reports/metrics.json cannot be written: a folder stands where the file belongs (move that folder away).',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  it('a rename that fails midway: exit 2 with the path; the next command finishes the set, never a mix', async () => {
    const root = await fixtureWith(MULTI_YEAR, SESSION);
    const done = await fixtureWith(root);
    expect((await cop(['build', '--root', done])).code).toBe(0);
    const after = await snapshot(done);
    const r = await copProcess(['build', '--root', root], { COP_TEST_FAIL_RENAME: '2' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^cop: \S+ cannot be written: the disk failed while writing it\. Nothing that was there before was lost/m,
    );
    const check = await cop(['build', '--check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('a build was interrupted while it renamed its files');
    const next = await cop(['validate', '--root', root]);
    expect(next.code).toBe(0);
    // Any command that writes finishes the renames first; the build then finds nothing to write.
    const build = await cop(['build', '--root', root]);
    expect(build.stderr).toContain('reports/: 0 written');
    const now = await snapshot(root);
    expect(temporary(now)).toEqual([]);
    for (const [file, text] of after) expect(now.get(file), file).toBe(text);
  }, 30_000);
});
