import { execFile } from 'node:child_process';
import { access, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { promisify } from 'node:util';
import type { Heading, Link, Root } from 'mdast';
import GithubSlugger from 'github-slugger';
import { toString as plainText } from 'mdast-util-to-string';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { afterEach, describe, expect, it } from 'vitest';
import { cop, copBin } from '../helpers/cli.js';
import { MULTI_YEAR, SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';

const run = promisify(execFile);
const temps: string[] = [];
afterEach(async () => {
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true });
});
async function temp(base: string, edits = {}): Promise<string> {
  const dir = await fixtureWith(base, edits);
  temps.push(dir);
  return dir;
}

async function filesUnder(root: string, dir = 'reports'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) for (const [k, v] of await filesUnder(root, rel)) out.set(k, v);
    else out.set(rel, await readFile(join(root, rel), 'utf8'));
  }
  return out;
}

describe('build', () => {
  it('finds the committed reports up to date (build --check)', async () => {
    const r = await cop(['build', '--check', '--root', SAMPLE]);
    expect(r.stderr).toContain('up to date');
    expect(r.code).toBe(0);
  });

  it('--check fails on a stale report and writes nothing', async () => {
    const dir = await temp(SAMPLE, { 'reports/README.md': (t: string) => `${t}\nA hand edit.\n` });
    const before = await readFile(join(dir, 'reports/README.md'), 'utf8');
    const r = await cop(['build', '--check', '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('reports/README.md: differs');
    expect(await readFile(join(dir, 'reports/README.md'), 'utf8')).toBe(before);
  });

  it('writes nothing when the data has errors', async () => {
    const dir = await temp(MULTI_YEAR, {
      'data/members.json': replaceOnce('"unit": "chemistry"', '"unit": "chemestry"'),
    });
    const before = await filesUnder(dir);
    const r = await cop(['build', '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/members\.json:6:\d+ error/);
    expect(r.stderr).toContain('Nothing was written');
    expect(await filesUnder(dir)).toEqual(before);
  });

  it(
    "removes generated reports that no longer apply, never the user's own files, and holds reports/ to what it " +
      'writes',
    async () => {
      const dir = await temp(MULTI_YEAR);
      // A report an earlier build wrote (its manifest lists it) for a year the records no longer have.
      await mkdir(join(dir, 'reports/2019-20'), { recursive: true });
      await writeFile(join(dir, 'reports/2019-20/annual-report.md'), 'old\n');
      const manifest = join(dir, 'reports/.generated-files');
      await writeFile(manifest, `${await readFile(manifest, 'utf8')}reports/2019-20/annual-report.md\n`);
      // The full metrics, saved by hand where everything is published.
      await writeFile(join(dir, 'reports/full-metrics.json'), '{ "members": ["Member One"] }\n');
      const built = await cop(['build', '--root', dir]);
      expect(built.code).toBe(0);
      expect(built.stderr).toContain('warning: reports/full-metrics.json: reports/ holds only what the build writes');
      await expect(stat(join(dir, 'reports/2019-20/annual-report.md'))).rejects.toThrow();
      expect(await readFile(join(dir, 'reports/full-metrics.json'), 'utf8')).toContain('Member One');
      const check = await cop(['build', '--check', '--root', dir]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain(
        'reports/full-metrics.json: reports/ holds only what the build writes, and no build writes this file',
      );
      await rm(join(dir, 'reports/full-metrics.json'));
      expect((await cop(['build', '--check', '--root', dir])).code).toBe(0);
    },
  );

  it('writes the same bytes in any time zone and locale, its charts drawn on their own thread or not', async () => {
    const a = await temp(MULTI_YEAR);
    const b = await temp(MULTI_YEAR);
    // The compiled command draws the charts on a second thread, started from this file; the in-process run (no such
    // file beside its sources) draws them itself, in this test's own time zone and locale.
    await access(join(dirname(copBin()), 'chart-worker.js'));
    expect(process.env.TZ).not.toBe('Pacific/Kiritimati');
    const [compiled, inProcess] = await Promise.all([
      run(process.execPath, [copBin(), 'build', '--root', a], {
        env: { ...process.env, TZ: 'Pacific/Kiritimati', LC_ALL: 'tr_TR.UTF-8', LANG: 'tr_TR.UTF-8' },
      }),
      cop(['build', '--root', b]),
    ]);
    expect(compiled.stderr).toMatch(/reports\/: \d+ written/);
    expect(inProcess.code).toBe(0);
    const fa = await filesUnder(a);
    const fb = await filesUnder(b);
    expect([...fa.keys()].filter((k) => k.endsWith('.svg')).length).toBeGreaterThan(10);
    expect([...fa.keys()].sort()).toEqual([...fb.keys()].sort());
    for (const [k, v] of fa) expect(fb.get(k), k).toBe(v);
  });
});

describe('reports read well on GitHub', () => {
  it('every relative link points at a file and every anchor at a heading', async () => {
    const dir = await temp(MULTI_YEAR);
    await cop(['build', '--root', dir]);
    for (const root of [SAMPLE, dir]) {
      const files = await filesUnder(root);
      for (const [file, text] of files) {
        if (!file.endsWith('.md')) continue;
        const tree = remark().use(remarkGfm).parse(text) as Root;
        const slugger = new GithubSlugger();
        const anchors = new Set<string>();
        visit(tree, 'heading', (h: Heading) => void anchors.add(slugger.slug(plainText(h))));
        const links: string[] = [];
        visit(tree, 'link', (l: Link) => void links.push(l.url));
        for (const url of links) {
          if (/^https?:/.test(url)) continue;
          if (url.startsWith('#')) {
            expect(anchors.has(url.slice(1)), `${file}: ${url}`).toBe(true);
            continue;
          }
          const target = posix.normalize(posix.join(posix.dirname(file), url));
          await expect(stat(join(root, target)), `${file} links to ${target}`).resolves.toBeDefined();
        }
      }
    }
  });

  it('renders GFM tables', async () => {
    const text = await readFile(join(SAMPLE, 'reports/2024-25/annual-report.md'), 'utf8');
    const tree = remark().use(remarkGfm).parse(text) as Root;
    let tables = 0;
    visit(tree, 'table', () => void tables++);
    expect(tables).toBeGreaterThan(10);
  });
});

describe('the annual report says what the published report says', () => {
  it('names engaged and unengaged departments with counts and percentages', async () => {
    const text = await readFile(join(SAMPLE, 'reports/2024-25/annual-report.md'), 'utf8');
    expect(text).toContain('**11 of 24 departments (45.8%)**');
    expect(text).toContain('**13 departments (54.2%)**');
    expect(text).toContain('Department of Philosophy, Logic and Scientific Method');
    expect(text).toContain('**18 (90%) attended**');
    expect(text).toContain(
      '| 7 May 2025 | Spring Term | [Academic Mentoring Learning Exchange ' +
        'Day](../../minutes/2024-25/2025-05-07-learning-exchange-day.md) | Learning exchange | In person | 12 | ' +
        '27 | 18 |',
    );
    expect(text).toContain('8 responses of 18 (44.4%)');
    expect(text).toContain('| Student engagement strategies | 5 | 71.4% (35.9–91.8%) |');
    expect(text).toContain('Community of Practice: Collaborative approaches to academic mentoring');
  });

  it('flags departments unengaged two years running and lists lapsed ones', async () => {
    const dir = await temp(MULTI_YEAR);
    await cop(['build', '--root', dir]);
    const annual = await readFile(join(dir, 'reports/2024-25/annual-report.md'), 'utf8');
    expect(annual).toContain('### Flagged for outreach');
    expect(annual).toContain('| Department of History | 2 |');
    const before = await readFile(join(dir, 'reports/2023-24/annual-report.md'), 'utf8');
    expect(before).toContain(
      '**Lapsed (engaged last year, not this year):** Department of History; Department of Physics; School of ' +
        'Languages',
    );
    const engagement = await readFile(join(dir, 'reports/engagement.md'), 'utf8');
    expect(engagement).toContain('| Department of Classics | ✓ | ✗ | n/a | n/a |');
    expect(engagement).toContain('unengaged 2 years in a row');
  });
});

describe('privacy in reports', () => {
  it('shows only the response count of a survey below privacy.minResponses', async () => {
    const dir = await temp(MULTI_YEAR);
    await cop(['build', '--root', dir]);
    const annual = await readFile(join(dir, 'reports/2024-25/annual-report.md'), 'utf8');
    const section = annual.slice(annual.indexOf('### Annual survey 2024-25'), annual.indexOf('## Session summaries'));
    expect(section).toContain('fewer than 5 responses');
    expect(section).not.toContain('| Answer |');
    expect(section).not.toContain('Did the network change');
  });

  it('quotes no free text and names no member', async () => {
    const dir = await temp(MULTI_YEAR);
    await cop(['build', '--root', dir]);
    const all = [...(await filesUnder(dir)).values()].join('\n');
    for (const secret of ['Very helpful.', 'Office hours', 'Not yet', 'Zoë Example', 'José Sample', 'Member Six'])
      expect(all).not.toContain(secret);
  });
});
