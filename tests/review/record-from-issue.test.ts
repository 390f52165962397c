import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copBin } from '../helpers/cli.js';
import { optionFor, submittedBody } from '../helpers/issue-body.js';
import { REPO_ROOT, SAMPLE, fixtureWith } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

const run = promisify(execFile);

interface Step {
  name?: string;
  if?: string;
  id?: string;
  env?: Record<string, string>;
  run?: string;
  uses?: string;
}

/**
 * The workflow's own shell steps, run as the runner runs them (bash -eo pipefail), in a
 * clone of a community with a local remote. `npm run cop` is the toolchain's source, and
 * `gh` a stand-in that logs its calls and answers `pr list` from what `pr create` recorded:
 * the shell logic, jq and git are the real ones.
 */
async function harness() {
  const dir = await temporaryDir();
  const remote = join(dir, 'remote.git');
  const work = join(dir, 'work');
  const bin = join(dir, 'bin');
  const temp = join(dir, 'runner-temp');
  await mkdir(bin);
  await mkdir(temp);
  const community = await fixtureWith(SAMPLE);
  const git = (cwd: string, ...args: string[]) => run('git', args, { cwd });
  await git(dir, 'init', '--bare', '--initial-branch=main', remote);
  await git(dir, 'clone', '--quiet', remote, work);
  await run('cp', ['-r', `${community}/.`, work]);
  await git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '-A');
  await git(work, '-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '--quiet', '-m', 'records');
  await git(work, 'push', '--quiet', 'origin', 'main');

  // npm ci has nothing to do here; npm run --silent cop -- <args> runs the toolchain's source.
  await writeFile(
    join(bin, 'npm'),
    `#!/bin/bash\nif [ "$1" = ci ]; then exit 0; fi\nshift 4\n` +
      `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(copBin())} "$@"\n`,
  );
  await writeFile(
    join(bin, 'gh'),
    `#!/bin/bash
printf '%s\\n' "$*" >> "$GH_LOG"
case "$1 $2" in
  "pr list") if [ -f "$GH_STATE/pr" ]; then cat "$GH_STATE/pr"; fi ;;
  "pr create") echo 7 > "$GH_STATE/pr"; echo "https://github.test/pull/7" ;;
  "pr view") if [ -f "$GH_STATE/approvals" ]; then wc -l < "$GH_STATE/approvals" | tr -d ' '; else echo 0; fi ;;
  "api repos/o/r/collaborators/"*) cat "$GH_STATE/role" 2>/dev/null || echo write ;;
  "api repos/o/r/pulls/7/reviews") cat "$GH_STATE/approvals" 2>/dev/null ;;
esac
for arg in "$@"; do if [ -f "$arg" ]; then printf -- '--- %s\\n' "$arg" >> "$GH_LOG"; cat "$arg" >> "$GH_LOG"; fi; done
`,
  );
  await chmod(join(bin, 'npm'), 0o755);
  await chmod(join(bin, 'gh'), 0o755);

  const workflow = parse(await readFile(join(REPO_ROOT, '.github/workflows/record-from-issue.yml'), 'utf8')) as {
    jobs: { record: { env: Record<string, string>; steps: Step[] } };
  };
  const job = workflow.jobs.record;

  /** One run of the job for an issue event: returns what gh was asked, and the remote's branch. */
  async function onIssue(number: number, body: string, sender = 'coordinator') {
    // A fresh checkout of main, as actions/checkout makes for each run.
    await git(work, 'checkout', '--quiet', '-f', 'main');
    await git(work, 'reset', '--quiet', '--hard', 'origin/main');
    await git(work, 'clean', '-qfdx');
    for (const b of (await git(work, 'branch', '--format=%(refname:short)')).stdout
      .split('\n')
      .filter((x) => x !== '' && x !== 'main'))
      await git(work, 'branch', '-D', b);
    const log = join(dir, `gh-${Math.random().toString(36).slice(2)}.log`);
    await writeFile(log, '');
    const outputs = new Map<string, Record<string, string>>();
    const expression = (value: string): string =>
      value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => {
        if (e === 'github.event.issue.number') return String(number);
        if (e === 'github.event.issue.body') return body;
        if (e === 'github.token') return 'token-for-the-test';
        if (e === 'github.event.sender.login') return sender;
        if (e === 'github.repository') return 'o/r';
        const m = /^steps\.(\w+)\.outputs\.(\w+)$/.exec(e);
        if (m) return outputs.get(m[1]!)?.[m[2]!] ?? '';
        throw new Error(`the test does not know ${e}`);
      });
    const ran: string[] = [];
    for (const step of job.steps) {
      if (!step.run) continue;
      if (step.if) {
        const holds = step.if.split(' && ').every((part) => {
          const m = /^steps\.(\w+)\.outputs\.(\w+) (==|!=) '(.*)'$/.exec(part);
          if (!m) throw new Error(`the test cannot read the condition ${step.if}`);
          const value = outputs.get(m[1]!)?.[m[2]!] ?? '';
          return (value === m[4]) === (m[3] === '==');
        });
        if (!holds) continue;
      }
      if (step.name) ran.push(step.name);
      const output = join(temp, 'output');
      await writeFile(output, '');
      const env = Object.fromEntries(Object.entries({ ...job.env, ...step.env }).map(([k, v]) => [k, expression(v)]));
      await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
        cwd: work,
        env: {
          ...process.env,
          ...env,
          PATH: `${bin}:${process.env.PATH}`,
          RUNNER_TEMP: temp,
          GITHUB_OUTPUT: output,
          GITHUB_REF_NAME: 'main',
          GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
          GH_LOG: log,
          GH_STATE: dir,
          GIT_AUTHOR_DATE: '2025-10-15T12:00:00Z',
          GIT_COMMITTER_DATE: '2025-10-15T12:00:00Z',
        },
      });
      if (step.id)
        outputs.set(
          step.id,
          Object.fromEntries(
            (await readFile(output, 'utf8'))
              .split('\n')
              .filter((l) => l.includes('='))
              .map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]),
          ),
        );
    }
    const branch = await git(dir, '--git-dir', remote, 'ls-tree', '-r', '--name-only', `record/issue-${number}`).then(
      (r) => r.stdout.split('\n').filter((f) => f !== ''),
      () => undefined,
    );
    return { ran, gh: await readFile(log, 'utf8'), branch };
  }
  return { dir, work, remote, onIssue, git };
}

describe('the workflow "Record from an issue", its shell steps run for real', () => {
  it('opens one pull request that closes the issue, updates it when the issue is edited, and comments problems', {
    timeout: 120_000,
  }, async () => {
    const h = await harness();
    const root = h.work;
    const o = (field: string, id: string) => optionFor(root, 'record-session', field, id);
    const filled = {
      title: 'Welcome back',
      date: '2025-10-14',
      type: 'meeting',
      format: 'hybrid',
      status: 'held',
      attendees: [await o('attendees', 'm01'), await o('attendees', 'm03')],
      themes: [await o('themes', 'student-engagement')],
      summary: '- **Welcome.** Plans for the year.',
      // What a hostile body would try: none of it may reach a shell.
      actions: '$(touch /tmp/pwned-by-issue) `id`; owner: ie-team',
    };

    const first = await h.onIssue(12, await submittedBody(root, 'record-session', filled));
    expect(first.ran).toEqual([
      'Check that whoever wrote the issue may write',
      'Read the form',
      'Label the issue with its form',
      "Commit on the issue's branch",
      'Open or update the pull request',
    ]);
    expect(first.gh).toContain('api repos/o/r/collaborators/coordinator/permission');
    // The label, made if it does not exist, so that the issue shows which form it is.
    expect(first.gh).toContain('label create record-session');
    expect(first.gh).toContain('issue edit 12 --add-label record-session');
    expect(first.branch).toContain('minutes/2025-26/2025-10-14-welcome-back.md');
    expect(first.gh).toContain('pr list --head record/issue-12 --state open');
    expect(first.gh).toMatch(
      new RegExp(
        String.raw`^pr create --base main --head record\/issue-12 --title Re` +
          String.raw`cord the session "Welcome back" of 2025-10-14 --body-file `,
        'm',
      ),
    );
    expect(first.gh).toContain('Closes #12.');
    expect(first.gh).toContain('issue comment 12 --body Recorded in pull request #7.');
    expect(first.gh).toContain(
      'workflow run ci.yml --ref record/issue-12 -f base=0123456789abcdef0123456789abcdef01234567',
    );
    expect(first.gh).toContain('workflow run danger.yml --ref record/issue-12 -f pull_request=7');
    const minutes = (
      await h.git(h.work, '--git-dir', h.remote, 'show', 'record/issue-12:minutes/2025-26/2025-10-14-welcome-back.md')
    ).stdout;
    expect(minutes).toContain('text: $(touch /tmp/pwned-by-issue) `id`\n');
    await expect(readFile('/tmp/pwned-by-issue')).rejects.toThrow();

    // The issue is edited: the same branch is rebuilt from main, the same pull request updated.
    const edited = await h.onIssue(12, await submittedBody(root, 'record-session', { ...filled, format: 'online' }));
    expect(edited.gh).toMatch(/^pr edit 7 --title Record the session "Welcome back" of 2025-10-14 --body-file /m);
    expect(edited.gh).not.toContain('pr create');
    expect(edited.gh).not.toContain('issue comment');
    expect(edited.gh).toContain('workflow run danger.yml --ref record/issue-12 -f pull_request=7');
    expect(
      (await h.git(h.work, '--git-dir', h.remote, 'show', 'record/issue-12:minutes/2025-26/2025-10-14-welcome-back.md'))
        .stdout,
    ).toContain('format: online\n');
    expect(
      (await h.git(h.work, '--git-dir', h.remote, 'rev-list', '--count', 'main..record/issue-12')).stdout.trim(),
    ).toBe('1');

    // Someone who may only read (an organisation's member, a read-only collaborator) edits it: nothing is recorded.
    await writeFile(join(h.dir, 'role'), 'read\n');
    const reader = await h.onIssue(
      12,
      await submittedBody(root, 'record-session', { ...filled, format: 'in-person' }),
      'a-reader',
    );
    expect(reader.ran).toEqual(['Check that whoever wrote the issue may write']);
    expect(
      (await h.git(h.work, '--git-dir', h.remote, 'show', 'record/issue-12:minutes/2025-26/2025-10-14-welcome-back.md'))
        .stdout,
    ).toContain('format: online\n');
    await writeFile(join(h.dir, 'role'), 'maintain\n');

    // An edit after the pull request was approved: the approval is dismissed and a new review asked for.
    await writeFile(join(h.dir, 'approvals'), '4242\n');
    const reviewed = await h.onIssue(
      12,
      await submittedBody(root, 'record-session', { ...filled, format: 'online', title: 'Welcome back' }),
    );
    expect(reviewed.gh).toContain('api -X PUT repos/o/r/pulls/7/reviews/4242/dismissals');
    expect(reviewed.gh).toMatch(/^pr comment 7 --body Issue #12 was edited after this pull request was reviewed/m);
    await rm(join(h.dir, 'approvals'));

    // An edit that breaks an answer: a comment says what to correct; the branch keeps the last good record.
    const broken = await h.onIssue(12, await submittedBody(root, 'record-session', { ...filled, date: '14/10/2025' }));
    expect(broken.ran).toEqual([
      'Check that whoever wrote the issue may write',
      'Read the form',
      'Label the issue with its form',
      'Say what to correct',
    ]);
    expect(broken.gh).toContain('issue comment 12 --body-file');
    expect(broken.gh).toContain('- **error**: Date: "14/10/2025" is not a date: write it as YYYY-MM-DD');
    expect(broken.gh).not.toContain('Member 01');
    expect(broken.branch).toContain('minutes/2025-26/2025-10-14-welcome-back.md');

    // Not a form at all.
    const other = await h.onIssue(13, 'The projector in room 2 is broken.');
    expect(other.ran).toEqual(['Check that whoever wrote the issue may write', 'Read the form', 'Say what to correct']);
    expect(other.gh).toContain('could not be read as a form');
    expect(other.branch).toBeUndefined();
  });
});
