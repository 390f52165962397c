import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MULTI_YEAR, REPO_ROOT } from '../helpers/repo.js';

const run = promisify(execFile);

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
}

const NEW_SESSION = 'minutes/2024-25/2025-03-04-peer-sharing.md';
const SESSION = `---
title: Peer sharing
date: 2025-03-04
type: meeting
format: online
facilitators: [coordinators]
attendees: [a03, a05, a08]
themes: [wellbeing]
---

## Summary

- Mentors shared how they run check-ins.
`;

/**
 * A community that adopted the template, in its own git repository: the toolchain of this
 * checkout, the synthetic community as its records and reports, and its dependencies
 * linked rather than installed (the workflow's `npm ci`).
 */
let repo: string;
let base: string;
const git = (...args: string[]) => run('git', ['-C', repo, ...args]);

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'cop-pr-'));
  for (const entry of ['src', '.github', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build-cli.mjs'])
    await cp(join(REPO_ROOT, entry), join(repo, entry), { recursive: true });
  const records = ['data', 'minutes', 'surveys', 'meetings', 'reports', 'schemas', 'docs', '.vscode'];
  for (const entry of [...records, '.github/ISSUE_TEMPLATE'])
    await cp(join(MULTI_YEAR, entry), join(repo, entry), { recursive: true });
  await cp(MULTI_YEAR, join(repo, 'tests/fixtures/multi-year'), { recursive: true });
  await symlink(join(REPO_ROOT, 'node_modules'), join(repo, 'node_modules'), 'dir');
  // What `npm ci` runs as its prepare step: the CLI compiled from this checkout's src/.
  await run(process.execPath, ['scripts/build-cli.mjs'], { cwd: repo });
  await writeFile(join(repo, '.gitignore'), 'node_modules\ndist\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('-c', 'user.name=Test', '-c', 'user.email=test@example.org', 'commit', '-q', '-m', 'The community');
  base = (await git('rev-parse', 'HEAD')).stdout.trim();
}, 60_000);
afterAll(() => rm(repo, { recursive: true, force: true }));

async function commitOnBranch(branch: string, files: Record<string, string>): Promise<void> {
  await git('checkout', '-q', '-B', branch, base);
  for (const [file, text] of Object.entries(files)) await writeFile(join(repo, file), text);
  await git('add', '-A');
  await git(
    '-c',
    'user.name=Coordinator',
    '-c',
    'user.email=coordinator@example.org',
    'commit',
    '-q',
    '-m',
    `Change on ${branch}`,
  );
}

/** `steps.<id>.outputs.<name> == 'true'`: the one form of condition the CI workflow uses. */
function holds(condition: string | undefined, outputs: Record<string, Record<string, string>>): boolean {
  if (condition === undefined) return true;
  const m = /^steps\.([\w-]+)\.outputs\.([\w-]+) == '([^']*)'$/.exec(condition.trim());
  if (!m)
    throw new Error(
      `the test cannot evaluate the condition "${condition}": extend it, or keep the workflow's conditions in ` +
        `this form`,
    );
  return outputs[m[1]!]?.[m[2]!] === m[3];
}

interface StepResult {
  name: string;
  ran: boolean;
  code: number;
  output: string;
}

/** Runs the CI workflow's steps as GitHub runs them for a pull request: `bash -e`, its env, step outputs. */
async function runCi(only?: readonly string[]): Promise<StepResult[]> {
  const workflow = parse(await readFile(join(repo, '.github/workflows/ci.yml'), 'utf8')) as {
    jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
  };
  const job = Object.values(workflow.jobs)[0]!;
  expect(job.env?.['BASE_SHA']).toContain('github.event.pull_request.base.sha');
  const outputs: Record<string, Record<string, string>> = {};
  const results: StepResult[] = [];
  for (const step of job.steps) {
    if (step.uses) continue; // checkout and setup-node: the repository above is their result
    if (step.run === 'npm ci') continue; // dependencies are linked
    const name = step.name ?? step.run!;
    if (!holds(step.if, outputs) || (only && !only.includes(name))) {
      results.push({ name, ran: false, code: 0, output: '' });
      continue;
    }
    const outputFile = join(repo, '.git', `output-${results.length}`);
    await writeFile(outputFile, '');
    const env = {
      ...process.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_WORKSPACE: repo,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: join(repo, '.git', 'summary.md'),
      BASE_SHA: base,
    };
    const result = await run('bash', ['-e', '-c', step.run!], { cwd: repo, env }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code?: number; stdout?: string; stderr?: string }) => ({
        code: e.code ?? 1,
        output: `${e.stdout ?? ''}${e.stderr ?? ''}`,
      }),
    );
    if (step.id)
      outputs[step.id] = Object.fromEntries(
        (await readFile(outputFile, 'utf8'))
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split('=') as [string, string]),
      );
    results.push({ name, ran: true, ...result });
  }
  return results;
}

describe("a coordinator's pull request, through the CI workflow's own steps", () => {
  it('goes green when it only adds a valid minutes file, with validation first and the toolchain tests ' +
    'skipped', async () => {
    await commitOnBranch('record-session', { [NEW_SESSION]: SESSION });
    const steps = await runCi();
    expect(steps.map((s) => `${s.name}: ${s.ran ? s.code : 'skipped'}`)).toEqual([
      'Validate the records: 0',
      'What the change touches: 0',
      'Tests: skipped',
      'Tests of the published site: skipped',
      'Type check: skipped',
      'Lint the code: skipped',
      'Lint the workflows: skipped',
      'Reports are up to date: 0',
    ]);
    expect(steps[1]!.output).toContain('The change touches 1 record file, 0 report files and 0 toolchain files.');
    expect(steps[7]!.output).toMatch(
      /reports\/ is not compared here \(it is rebuilt from the records when the change is merged\)/,
    );
  }, 120_000);

  it('fails with the generated-files message when a report is edited by hand', async () => {
    const report = 'reports/2024-25/annual-report.md';
    const text = await readFile(join(MULTI_YEAR, report), 'utf8');
    await commitOnBranch('edit-report', { [report]: text.replace(/\n## /, '\nA sentence typed in by hand.\n\n## ') });
    const steps = await runCi();
    const reports = steps.find((s) => s.name === 'Reports are up to date')!;
    expect(reports.code).not.toBe(0);
    expect(reports.output).toContain(
      `${report}: this file is generated by the toolchain, and the change edits it by hand. Undo the edit`,
    );
    expect(reports.output).not.toContain('run "npm run build"');
    expect(steps.filter((s) => s.name !== 'Reports are up to date').every((s) => s.code === 0)).toBe(true);
  }, 120_000);

  it('fails with the generated-files message when an issue form is edited by hand', async () => {
    const form = '.github/ISSUE_TEMPLATE/record-session.yml';
    const text = await readFile(join(MULTI_YEAR, form), 'utf8');
    await commitOnBranch('edit-form', {
      [form]: text.replace(
        '        - Ana Núñez Placeholder (a03)\n',
        '        - Someone Typed In (a99)\n        - Ana Núñez Placeholder (a03)\n',
      ),
    });
    const steps = await runCi(['What the change touches', 'Reports are up to date']);
    const reports = steps.find((s) => s.name === 'Reports are up to date')!;
    expect(reports.code).not.toBe(0);
    expect(reports.output).toContain(
      `${form}: this file is generated by the toolchain, and the change edits it by hand. Undo the edit`,
    );
  }, 120_000);

  it('runs the tests and holds every report when the toolchain changes', async () => {
    await commitOnBranch('toolchain', { 'src/cli/note.ts': '// A change to the toolchain.\nexport {};\n' });
    // The tests themselves are not run here: this is one of them.
    const steps = await runCi(['What the change touches', 'Reports are up to date']);
    expect(steps.find((s) => s.name === 'What the change touches')!.output).toContain(
      'The toolchain changed: its tests, type check and workflow lint run.',
    );
    const reports = steps.find((s) => s.name === 'Reports are up to date')!;
    expect(reports).toMatchObject({ ran: true, code: 0 });
    expect(reports.output).toContain('reports/ is up to date');
  }, 60_000);
});
