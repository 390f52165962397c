import { execFile } from 'node:child_process';
import { cp, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SAMPLE, fixtureWith, replaceOnce, type Edits } from '../helpers/repo.js';

const run = promisify(execFile);
const FEB = 'minutes/2024-25/2025-02-25-resource-development.md';
const temps: string[] = [];
afterAll(async () => {
  for (const t of temps) await rm(t, { recursive: true, force: true });
});

/**
 * A pull request as Danger sees it offline: a git repository holding this project on
 * main, a branch with the change, and `danger local --base main`.
 */
async function dangerLocal(edits: Edits): Promise<{ code: number; output: string }> {
  // The toolchain as it is here, with the sample's records, never the repository's own.
  const dir = await fixtureWith(REPO_ROOT);
  temps.push(dir);
  for (const folder of ['data', 'minutes', 'surveys', 'reports', 'schemas', 'docs']) {
    await rm(join(dir, folder), { recursive: true, force: true });
    await cp(join(SAMPLE, folder), join(dir, folder), { recursive: true });
  }
  await symlink(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
  const sh = (cmd: string, args: string[]) => run(cmd, args, { cwd: dir });
  await sh('git', ['init', '-q', '-b', 'main']);
  await sh('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'add', '-A']);
  await sh('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-qm', 'records']);
  await sh('git', ['checkout', '-q', '-b', 'change']);
  const changed = await fixtureWith(dir, edits);
  temps.push(changed);
  await run('cp', ['-r', `${changed}/.`, dir]);
  await sh('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-qam', 'change']);
  try {
    const { stdout, stderr } = await run(
      join(REPO_ROOT, 'node_modules/.bin/danger'),
      ['local', '--base', 'main', '--failOnErrors'],
      {
        cwd: dir,
        env: { ...process.env, NODE_OPTIONS: '--import tsx', CI: '' },
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, output: err.stdout + err.stderr };
  }
}

describe('danger local --base main, offline', () => {
  it('fails a pull request that adds an unknown attendee, naming the file and line', async () => {
    const r = await dangerLocal({
      [FEB]: replaceOnce('[m01, m02, m03, m04, m05, m08, m10, m15]', '[m01, m02, m03, m04, m05, m08, m10, m15, m99]'),
    });
    expect(r.code).not.toBe(0);
    expect(r.output).toContain(`${FEB}:7: attendee "m99" is not in data/members.json`);
  });

  it('passes a pull request that edits a summary and an attendance, showing the figures before and after', async () => {
    // One run for both: each `danger local` copies the project and builds twice, seconds of the suite's budget.
    const r = await dangerLocal({
      [FEB]: (text) =>
        replaceOnce(
          '[m01, m02, m03, m04, m05, m08, m10, m15]',
          '[m01, m02, m03, m04, m05, m08, m10, m15, m19]',
        )(replaceOnce('- **Sustainability.** Continuous feedback', '- **Sustainability.** Regular feedback')(text)),
    });
    expect(r.output).not.toContain('Failures');
    expect(r.code).toBe(0);
    expect(r.output).toContain('Figures before and after this change');
    expect(r.output).toContain('| Attended at least one session | 18 | 19 |');
  });
});
