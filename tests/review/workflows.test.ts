import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

const DIR = join(REPO_ROOT, '.github/workflows');

describe('the workflows are hardened as OpenSSF Scorecard checks them', async () => {
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.yml'));
  const workflows = await Promise.all(files.map(async (f) => ({ file: f, text: await readFile(join(DIR, f), 'utf8') })));

  it('has the CI, reports and review workflows', () => {
    expect(files.sort()).toEqual(['ci.yml', 'danger.yml', 'pages.yml', 'reports.yml', 'start-community.yml']);
  });

  it.each(workflows)('$file: read-only by default, write granted per job', ({ text }) => {
    const wf = parse(text);
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs) as Array<{ permissions?: Record<string, string> }>) {
      for (const [scope, level] of Object.entries(job.permissions ?? {}))
        if (level === 'write') expect(['contents', 'pull-requests', 'statuses', 'actions', 'pages', 'id-token']).toContain(scope);
    }
  });

  it.each(workflows)('$file: every action pinned to a full commit SHA with its version', ({ text }) => {
    const uses = [...text.matchAll(/^\s*(?:-\s*)?uses:\s*(\S+)(.*)$/gm)];
    expect(uses.length).toBeGreaterThan(0);
    for (const [, ref, rest] of uses) {
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(rest).toMatch(/# v\d+\.\d+\.\d+/);
    }
  });

  it.each(workflows)('$file: no event data expanded inside run, npm ci only, no pull_request_target', ({ text }) => {
    const wf = parse(text);
    expect(wf.on).not.toHaveProperty('pull_request_target');
    for (const job of Object.values(wf.jobs) as Array<{ steps: Array<{ run?: string }> }>) {
      for (const step of job.steps) {
        if (!step.run) continue;
        expect(step.run).not.toMatch(/\$\{\{/);
        expect(step.run).not.toMatch(/npm install|npm i\b/);
      }
    }
  });

  it.each(workflows)('$file: no checkout leaves its token in .git/config for the steps after it', ({ text }) => {
    const wf = parse(text);
    for (const job of Object.values(wf.jobs) as Array<{ steps: Array<{ uses?: string; with?: Record<string, unknown> }> }>) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('reports.yml: only the push step is given the write token, and new report files are committed too', () => {
    const wf = parse(workflows.find((w) => w.file === 'reports.yml')!.text);
    const steps = wf.jobs.rebuild.steps as Array<{ name?: string; env?: Record<string, string>; run?: string }>;
    const withToken = steps.filter((s) => Object.values(s.env ?? {}).some((v) => /github\.token|secrets\./.test(v)));
    expect(withToken.map((s) => s.name)).toEqual(['Push']);
    const commit = steps.find((s) => s.name === 'Commit changed and new reports')!;
    expect(commit.run).toContain('git status --porcelain -- reports');
    expect(commit.run).toContain('git add -A -- reports');
  });

  it('start-community.yml: the inputs reach the command through the environment, and the token only the step that pushes', () => {
    const wf = parse(workflows.find((w) => w.file === 'start-community.yml')!.text);
    expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
    const steps = wf.jobs.start.steps as Array<{ name?: string; env?: Record<string, string>; run?: string }>;
    const init = steps.find((s) => s.name === 'Start the community')!;
    expect(init.env).toMatchObject({ COMMUNITY_NAME: `$${'{{'} inputs.name }}`, INSTITUTION: `$${'{{'} inputs.institution }}` });
    expect(init.run).toContain('--replace-sample');
    expect(init.run).toContain('--name "$COMMUNITY_NAME"');
    const withToken = steps.filter((s) => Object.values(s.env ?? {}).some((v) => /github\.token|secrets\./.test(v)));
    expect(withToken.map((s) => s.name)).toEqual(['Push and open the pull request']);
  });

  it('pages.yml: only the deploy job may publish, and it publishes what the site command built', () => {
    const wf = parse(workflows.find((w) => w.file === 'pages.yml')!.text);
    expect(wf.jobs.build.permissions).toBeUndefined();
    expect(wf.jobs.deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    const steps = wf.jobs.build.steps as Array<{ run?: string; uses?: string; with?: Record<string, string> }>;
    expect(steps.find((s) => s.run?.includes('cop -- site'))!.run).toContain('--out _site');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toEqual({ path: '_site' });
  });

  it('dependabot.yml: the lock file and the pinned actions are kept current, weekly and grouped', async () => {
    const config = parse(await readFile(join(REPO_ROOT, '.github/dependabot.yml'), 'utf8')) as {
      version: number;
      updates: Array<{ 'package-ecosystem': string; directory: string; schedule: { interval: string }; groups?: object }>;
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const u of config.updates) {
      expect(u).toMatchObject({ directory: '/', schedule: { interval: 'weekly' } });
      expect(Object.keys(u.groups ?? {})).toHaveLength(1);
    }
  });
});
