import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cop } from '../helpers/cli.js';
import { temporaryDir } from '../helpers/temp.js';
import { MULTI_YEAR, REPO_ROOT, SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';

describe('cop validate', () => {
  it("passes the repository's own data with an empty JSON list", async () => {
    const r = await cop(['validate', '--format', 'json', '--root', SAMPLE]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it('prints path:line:column severity message [rule] and exits 1 on errors', async () => {
    const dir = await fixtureWith(MULTI_YEAR, {
      'minutes/2021-22/2021-10-12-first-meeting.md': replaceOnce('attendees:', 'atendees:'),
    });
    const r = await cop(['validate', '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'minutes/2021-22/2021-10-12-first-meeting.md:7:1 error unknown field "atendees": did you mean "attendees"? ' +
        '[unknown-field]',
    );
    for (const line of r.stdout.trim().split('\n'))
      expect(line).toMatch(/^[^:]+:\d+:\d+ (error|warning) .+ \[[a-z-]+\]$/);
  });

  it('prints JSON objects with file, line, column, severity, rule and message', async () => {
    const r = await cop(['validate', '--format', 'json', '--root', MULTI_YEAR]);
    const [only, ...rest] = JSON.parse(r.stdout);
    expect(rest).toEqual([]);
    // The contract's fields, in the contract's order, then vfile-message's.
    expect(Object.keys(only).slice(0, 6)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(only).toEqual({
      file: 'data/members.json',
      line: 4,
      column: 59,
      severity: 'warning',
      rule: 'renamed-unit',
      message: expect.stringContaining('write "languages"'),
      ruleId: 'renamed-unit',
      source: 'cop',
      place: { start: { line: 4, column: 59 }, end: { line: 4, column: 77 } },
      // Where the rule is documented: a rule's id is its heading's anchor in docs/rules.md.
      url: 'docs/rules.md#renamed-unit',
      cause: { file: 'data/units.json', line: 5, column: 89, message: '"languages" replaced "modern-languages"' },
      expected: ['languages'],
    });
  });

  it('passes warnings unless --strict', async () => {
    expect((await cop(['validate', '--root', MULTI_YEAR])).code).toBe(0);
    expect((await cop(['validate', '--strict', '--root', MULTI_YEAR])).code).toBe(1);
  });

  it('prints workflow annotations inside GitHub Actions', async () => {
    const r = await cop(['validate', '--root', MULTI_YEAR], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: REPO_ROOT });
    expect(r.stdout).toContain(
      '::warning ' +
        'file=tests/fixtures/multi-year/data/members.json,line=4,col=59,title=renamed-unit::"modern-languages" is ' +
        'an old id',
    );
    const json = await cop(['validate', '--format', 'json', '--root', MULTI_YEAR], {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: REPO_ROOT,
    });
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toContain('::warning file=');
  });
});

describe('cop metrics', () => {
  it('prints one year, or all years oldest first', async () => {
    const one = await cop(['metrics', '--year', '2022-23', '--root', MULTI_YEAR]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).year).toBe('2022-23');
    const all = JSON.parse((await cop(['metrics', '--root', MULTI_YEAR])).stdout);
    expect(all.years.map((y: { year: string }) => y.year)).toEqual(['2021-22', '2022-23', '2023-24', '2024-25']);
  });
});

describe('usage errors exit 2 with a message', () => {
  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['validate', '--format', 'xml', '--root', MULTI_YEAR], /--format must be text or json/],
    [['validate', '--root', '/no/such/folder'], /no such folder/],
    [['metrics', '--year', '2024', '--root', MULTI_YEAR], /--year must be an academic year/],
    [['metrics', '--year', '2030-31', '--root', MULTI_YEAR], /no records for 2030-31/],
    [['build', '--frobnicate', '--root', MULTI_YEAR], /Unknown option '--frobnicate'/],
  ])('%j', async (args, message) => {
    const r = await cop(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the job summary inside GitHub Actions', () => {
  it('lists every problem in a table, beyond the annotations GitHub shows', async () => {
    const summary = join(await temporaryDir('cop-summary-'), 'summary.md');
    const attendees = Array.from({ length: 12 }, (_, i) => `x${i}`).join(', ');
    const dir = await fixtureWith(MULTI_YEAR, {
      'minutes/2021-22/2021-10-12-first-meeting.md': replaceOnce('[a01, a02, a04]', `[${attendees}]`),
    });
    await cop(['validate', '--root', dir], {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_WORKSPACE: dir,
    });
    const text = await readFile(summary, 'utf8');
    expect(text).toContain('## Records validation');
    expect(text).toContain('12 errors and 1 warning in 2 files.');
    expect(text.match(/\| `minutes\/2021-22\/2021-10-12-first-meeting\.md:7:\d+` \| error \|/g)).toHaveLength(12);
  });
});

describe('--help', () => {
  const commands = ['validate', 'metrics', 'build', 'forget', 'import-survey', 'new', 'ci-plan'];
  it('lists every command', async () => {
    const r = await cop(['--help']);
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it.each(commands)('%s --help prints its options and exits 0, running nothing', async (command) => {
    const r = await cop([command, '--help', '--root', '/no/such/folder']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: npm run --silent cop -- ${command}`));
    expect(r.stdout).toContain('--root <dir>');
    expect(r.stderr).toBe('');
  });

  it('says which option is required', async () => {
    const r = await cop(['ci-plan', '--root', MULTI_YEAR]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^cop: ci-plan needs --base <commit>/);
  });
});

describe('the compiled command (npm ci compiles it)', () => {
  it('runs with plain node, and as npx cop', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const run = promisify(execFile);
    const viaNode = await run(process.execPath, [join(REPO_ROOT, 'dist/cli/bin.js'), '--help']);
    expect(viaNode.stdout).toMatch(/^Usage: npm run --silent cop -- <command>/);
    const viaNpx = await run('npx', ['--no-install', 'cop', '--help'], { cwd: REPO_ROOT });
    expect(viaNpx.stdout).toBe(viaNode.stdout);
  });
});

describe('the command list', () => {
  it(
    'each command declares its name and summary once, in its own file; the compiled index is asked of ' + 'them',
    async () => {
      const { readFile } = await import('node:fs/promises');
      const { dirname, join } = await import('node:path');
      const { copBin } = await import('../helpers/cli.js');
      const index = JSON.parse(await readFile(join(dirname(copBin()), 'commands.json'), 'utf8')) as Array<{
        name: string;
        summary: string;
      }>;
      expect(index.length).toBeGreaterThan(8);
      expect(new Set(index.map((c) => c.name)).size).toBe(index.length);
      const help = (await cop(['--help'])).stdout;
      for (const c of index) expect(help).toContain(`  ${c.name.padEnd(28)} ${c.summary}`);
    },
  );
});
