import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

const DIR = join(REPO_ROOT, '.github/workflows');

describe('the workflows are hardened as OpenSSF Scorecard checks them', async () => {
  const files = (await readdir(DIR)).filter((f) => f.endsWith('.yml'));
  const workflows = await Promise.all(
    files.map(async (f) => ({ file: f, text: await readFile(join(DIR, f), 'utf8') })),
  );

  it('has the CI, reports and review workflows', () => {
    expect(files.sort()).toEqual([
      'ci.yml',
      'danger.yml',
      'pages.yml',
      'record-from-issue.yml',
      'reports.yml',
      'start-community.yml',
    ]);
  });

  it.each(workflows)('$file: read-only by default, write granted per job', ({ text }) => {
    const wf = parse(text);
    expect(wf.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(wf.jobs) as Array<{ permissions?: Record<string, string> }>) {
      for (const [scope, level] of Object.entries(job.permissions ?? {}))
        if (level === 'write')
          expect(['contents', 'pull-requests', 'issues', 'statuses', 'actions', 'pages', 'id-token']).toContain(scope);
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
    for (const job of Object.values(wf.jobs) as Array<{
      steps: Array<{ uses?: string; with?: Record<string, unknown> }>;
    }>) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(step.with?.['persist-credentials']).toBe(false);
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

  it(
    'start-community.yml: the inputs reach the command through the environment, and the token only the step that ' +
      'pushes',
    () => {
      const wf = parse(workflows.find((w) => w.file === 'start-community.yml')!.text);
      expect(Object.keys(wf.on)).toEqual(['workflow_dispatch']);
      const steps = wf.jobs.start.steps as Array<{ name?: string; env?: Record<string, string>; run?: string }>;
      const init = steps.find((s) => s.name === 'Start the community')!;
      expect(init.env).toMatchObject({
        COMMUNITY_NAME: `$${'{{'} inputs.name }}`,
        INSTITUTION: `$${'{{'} inputs.institution }}`,
      });
      expect(init.run).toContain('--replace-sample');
      expect(init.run).toContain('--name "$COMMUNITY_NAME"');
      const withToken = steps.filter((s) => Object.values(s.env ?? {}).some((v) => /github\.token|secrets\./.test(v)));
      expect(withToken.map((s) => s.name)).toEqual(['Push and open the pull request']);
    },
  );

  it(
    'record-from-issue.yml: the issue body reaches the command as a file, never through an expression in a run ' +
      'line',
    () => {
      const text = workflows.find((w) => w.file === 'record-from-issue.yml')!.text;
      const wf = parse(text);
      expect(wf.on).toEqual({ issues: { types: ['opened', 'edited'] } });
      const job = wf.jobs.record as {
        if: string;
        env?: Record<string, string>;
        steps: Array<{ name?: string; env?: Record<string, string>; run?: string }>;
      };
      // Only a form's issue, still open; who wrote it is asked of the repository, not read from author_association
      // (MEMBER is any member of the organisation, COLLABORATOR includes read-only collaborators).
      expect(job.if).toContain("github.event.issue.state == 'open'");
      expect(job.if).toContain("'record-session'");
      expect(job.if).toContain("'add-member'");
      expect(text).not.toContain('author_association');
      const who = job.steps[0]!;
      expect(who.name).toBe('Check that whoever wrote the issue may write');
      expect(who.env?.SENDER).toBe(`$${'{{'} github.event.sender.login }}`);
      expect(who.run).toContain('gh api "repos/$REPO/collaborators/$SENDER/permission"');
      expect(who.run).toContain('admin|maintain|write) echo "allowed=true"');
      // Every later step runs only for such a writer.
      expect(
        job.steps.slice(1).every((s) => (s as { if?: string }).if?.startsWith("steps.who.outputs.allowed == 'true'")),
      ).toBe(true);
      // The issue's text is read by the job's condition (an expression, no shell) and by one step's environment.
      expect(job.if).toContain("startsWith(github.event.issue.body, '### Title')");
      // One startsWith a form (its first heading), and the one step's environment.
      const mentions = [...text.matchAll(/github\.event\.issue\.(body|title)/g)];
      expect(mentions).toHaveLength(5);
      expect(
        text
          .split('\n')
          .filter(
            (l) =>
              /github\.event\.issue\.(body|title)/.test(l) &&
              !/startsWith\(github\.event\.issue\.body, '### (Title|Name|Unit|Member)'\)/.test(l),
          ),
      ).toEqual([`          ISSUE_BODY: $${'{{'} github.event.issue.body }}`]);
      const read = job.steps.find((s) => s.name === 'Read the form')!;
      expect(read.env).toEqual({ ISSUE_BODY: `$${'{{'} github.event.issue.body }}` });
      expect(read.run).toContain('printf \'%s\\n\' "$ISSUE_BODY" > "$RUNNER_TEMP/issue-body.md"');
      expect(read.run).toContain('cop -- from-issue --body-file "$RUNNER_TEMP/issue-body.md"');
      for (const step of job.steps) expect(step.run ?? '').not.toMatch(/\$\{\{|github\.event/);
      // The token only where it pushes, opens the pull request and comments.
      const withToken = job.steps.filter((s) =>
        Object.values(s.env ?? {}).some((v) => /github\.token|secrets\./.test(v)),
      );
      expect(withToken.map((s) => s.name)).toEqual([
        'Check that whoever wrote the issue may write',
        'Label the issue with its form',
        'Open or update the pull request',
        'Say what to correct',
      ]);
      // One branch per issue, force-updated at each edit, and one open pull request for it.
      const open = withToken[2]!.run!;
      expect(job.steps.find((s) => s.name === "Commit on the issue's branch")!.run).toContain(
        'branch="record/issue-$ISSUE_NUMBER"',
      );
      expect(open).toContain('push --force origin "HEAD:refs/heads/$BRANCH"');
      expect(open).toContain('gh pr list --head "$BRANCH" --state open');
      expect(open).toContain('gh pr edit "$number"');
      expect(open).toContain('echo "Closes #$ISSUE_NUMBER."');
      // A pull request opened with GITHUB_TOKEN starts no workflow: CI and the review are started on its branch.
      expect(open).toContain('gh workflow run ci.yml --ref "$BRANCH" -f base="$GITHUB_SHA"');
      expect(open).toContain('gh workflow run danger.yml --ref "$BRANCH" -f pull_request="$number"');
    },
  );

  it('ci.yml and danger.yml can be started on a branch by the workflow that opened its pull request', () => {
    const ci = parse(workflows.find((w) => w.file === 'ci.yml')!.text);
    expect(ci.on.workflow_dispatch.inputs.base).toMatchObject({ required: false, type: 'string' });
    expect(ci.jobs.check.env.BASE_SHA).toContain('inputs.base');
    const danger = parse(workflows.find((w) => w.file === 'danger.yml')!.text);
    expect(danger.on.workflow_dispatch.inputs.pull_request).toMatchObject({ required: true, type: 'string' });
    const step = (
      danger.jobs.danger.steps as Array<{ name?: string; env?: Record<string, string>; run?: string }>
    ).find((s) => s.name === 'Review the change')!;
    expect(step.env?.PULL_REQUEST).toBe(`$${'{{'} inputs.pull_request }}`);
    // The input is checked to be a number before it names the pull request Danger reviews.
    expect(step.run).toContain('[[ "$PULL_REQUEST" =~ ^[1-9][0-9]*$ ]]');
    expect(step.run).toContain('export GITHUB_EVENT_PATH=');
  });

  it(
    'danger.yml: the event it writes for a dispatched run makes the installed Danger review that pull ' + 'request',
    async () => {
      const { GitHubActions } = (await import(
        'danger/distribution/ci_source/providers/GitHubActions.js' as string
      )) as {
        GitHubActions: new (
          env: object,
          event: object,
        ) => { isPR: boolean; useEventDSL: boolean; pullRequestID: number; repoSlug: string };
      };
      // What the step's jq writes for pull request 42 of owner/records.
      const event = { issue: { number: 42, pull_request: {} }, repository: { full_name: 'owner/records' } };
      const source = new GitHubActions({ GITHUB_WORKFLOW: 'Review' }, event);
      expect(source.isPR).toBe(true);
      expect(source.useEventDSL).toBe(false);
      expect(source.pullRequestID).toBe(42);
      expect(source.repoSlug).toBe('owner/records');
    },
  );

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
      updates: Array<{
        'package-ecosystem': string;
        directory: string;
        schedule: { interval: string };
        groups?: object;
      }>;
    };
    expect(config.version).toBe(2);
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const u of config.updates) {
      expect(u).toMatchObject({ directory: '/', schedule: { interval: 'weekly' } });
      expect(Object.keys(u.groups ?? {})).toHaveLength(1);
    }
  });
});
