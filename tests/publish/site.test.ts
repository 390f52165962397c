import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import axe from 'axe-core';
import JSZip from 'jszip';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, SAMPLE } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

const run = promisify(execFile);
// .ci/run installs Debian's chromium and poppler-utils for these tests.
const BROWSER = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function filesOf(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** What no published page may hold: every member's name, and the written answers no coordinator chose. */
async function secrets(root: string): Promise<string[]> {
  const members = JSON.parse(await readFile(join(root, 'data/members.json'), 'utf8')) as Array<{ name: string }>;
  const out = members.map((m) => m.name);
  for (const e of await readdir(join(root, 'surveys'), { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.json')) continue;
    const survey = JSON.parse(await readFile(join(e.parentPath, e.name), 'utf8')) as {
      questions: Array<{ id: string; type: string }>;
      responses: Array<{ id: string; answers: Record<string, unknown> }>;
      quotes?: Array<{ response: string; question: string }>;
    };
    const text = survey.questions.filter((q) => q.type === 'text').map((q) => q.id);
    for (const r of survey.responses) {
      for (const q of text) {
        const a = r.answers[q];
        if (
          typeof a === 'string' &&
          a.trim().length > 12 &&
          !survey.quotes?.some((c) => c.response === r.id && c.question === q)
        )
          out.push(a.trim());
      }
    }
  }
  return out;
}

describe.each([
  ['the sample community', SAMPLE],
  ['the multi-year fixture', MULTI_YEAR],
])('the published site of %s', (_name, root) => {
  let out: string;
  let browser: Browser;
  beforeAll(async () => {
    out = await temporaryDir();
    const r = await cop(['site', '--out', out, '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: BROWSER,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('holds the reports and nothing from data/, minutes/ or surveys/', async () => {
    const files = await filesOf(out);
    expect(files).toContain('index.html');
    expect(files).toContain('metrics.json');
    expect(files.some((f) => /^\d{4}-\d{2}\/annual-report\.html$/.test(f))).toBe(true);
    expect(files.filter((f) => /^(data|minutes|surveys)\//.test(f) || /\.md$/.test(f))).toEqual([]);
    const text = (
      await Promise.all(
        files.filter((f) => /\.(html|svg|json|ics)$/.test(f)).map((f) => readFile(join(out, f), 'utf8')),
      )
    ).join('\n');
    const hidden = await secrets(root);
    expect(hidden.length).toBeGreaterThan(3);
    expect(hidden.filter((s) => text.includes(s))).toEqual([]);
    expect(text).not.toMatch(/href="[^"]*minutes\//);
  });

  it('loads every page in a browser with no failed request, every link and image resolving inside the site, and ' +
    'no serious accessibility problem', async () => {
    const pages = (await filesOf(out)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    let checked = 0;
    for (const path of pages) {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(r.url());
      });
      await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
      const targets = await page.$$eval('a[href], img[src]', (els) =>
        els.map((e) => (e instanceof HTMLAnchorElement ? e.href : (e as HTMLImageElement).src)),
      );
      for (const t of targets.filter((u) => u.startsWith('file:'))) {
        const file = decodeURIComponent(new URL(t).pathname);
        expect(file.startsWith(out), `${path} → ${t}`).toBe(true);
        await expect(readFile(file), `${path} → ${t}`).resolves.toBeDefined();
      }
      const broken = await page.$$eval('img', (imgs) =>
        imgs
          .filter((i) => !(i as HTMLImageElement).complete || (i as HTMLImageElement).naturalWidth === 0)
          .map((i) => (i as HTMLImageElement).src),
      );
      expect(broken, path).toEqual([]);
      // Before axe runs: it fetches the style sheets again itself, which file:// refuses.
      expect(failed, path).toEqual([]);
      // The page's Content-Security-Policy lets no script run, whatever a report holds.
      await expect(page.addScriptTag({ content: 'document.title = "ran"' }), path).rejects.toThrow(
        /Content Security Policy/,
      );
      await page.close();
      // axe is a script: it runs in a page that bypasses the policy, as a test tool may.
      const context = await browser.newContext({ bypassCSP: true });
      const audited = await context.newPage();
      await audited.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
      await audited.addScriptTag({ content: axe.source });
      const violations = await audited.evaluate(async () => {
        const result = await (
          window as unknown as {
            axe: { run: (o: object) => Promise<{ violations: Array<{ id: string; impact: string }> }> };
          }
        ).axe.run({ preload: false });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations, path).toEqual([]);
      await context.close();
      checked++;
    }
    expect(checked).toBe(pages.length);
  }, 120_000);

  it('on a phone (390 px wide), charts keep text of 11 px or more as shown; every table has a caption', async () => {
    const pages = (await filesOf(out)).filter((f) => f.endsWith('.html'));
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    let charts = 0;
    let tables = 0;
    for (const path of pages) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
      const shown = await page.$$eval('img[src$=".svg"]', (imgs) =>
        imgs.map((i) => ({
          src: (i as HTMLImageElement).getAttribute('src') ?? '',
          scale: i.getBoundingClientRect().width / (i as HTMLImageElement).naturalWidth,
        })),
      );
      for (const chart of shown) {
        const svg = await readFile(join(out, path, '..', chart.src), 'utf8');
        const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
        expect(sizes.length, chart.src).toBeGreaterThan(0);
        expect(Math.min(...sizes) * chart.scale, `${path}: ${chart.src}`).toBeGreaterThanOrEqual(11);
        charts++;
      }
      const captions = await page.$$eval('table', (ts) => ts.map((t) => t.caption?.textContent?.trim() ?? ''));
      for (const caption of captions) {
        expect(caption, path).not.toBe('');
        tables++;
      }
      // The page itself never scrolls sideways: only the regions that hold a wide chart or table do.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await page.close();
    }
    await context.close();
    expect(charts).toBeGreaterThan(3);
    expect(tables).toBeGreaterThan(3);
  }, 60_000);

  it('writes each annual report as a Word document: Word headings, tables and the charts with alt text', async () => {
    const docs = (await filesOf(out)).filter((f) => f.endsWith('.docx'));
    expect(docs.length).toBe((await filesOf(out)).filter((f) => f.endsWith('.pdf')).length);
    const zip = await JSZip.loadAsync(await readFile(join(out, docs[docs.length - 1]!)));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const html = await readFile(
      join(out, docs[docs.length - 1]!.replace(/^annual-report-(.*)\.docx$/, '$1/annual-report.html')),
      'utf8',
    );
    const sections = [...html.matchAll(/<h2 id="[^"]*">([^<]*)<\/h2>/g)]
      .map((m) => m[1]!)
      .filter((t) => t !== 'Contents');
    expect(sections.length).toBeGreaterThan(5);
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map(
      (m) => m[1],
    );
    for (const title of sections)
      expect(
        headings.map((h) => h?.replace(/&apos;/g, "'")),
        title,
      ).toContain(title.replace(/&#x27;/g, "'"));
    expect(xml).toContain('<w:tbl>');
    const images = (html.match(/<img /g) ?? []).length;
    const alts = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]);
    expect(alts.length).toBe(images);
    for (const alt of alts) expect(alt).not.toBe('');
    expect(Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length).toBeGreaterThan(0);
    expect(xml).not.toContain('npm');
    expect(xml).not.toMatch(/\bMinutes\b|\(minutes\)/);
    expect(html).toContain('as a Word document</a>');
  });

  it('writes each year’s annual report as a PDF that a reader opens, with the headline figures', async () => {
    const pdfs = (await filesOf(out)).filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(1);
    const pdf = join(out, pdfs[pdfs.length - 1]!);
    const { stdout } = await run('pdftotext', [pdf, '-']);
    expect(stdout.replace(/\s+/g, ' ')).toMatch(/Annual Report \d{4}-\d{2}/);
    // A committee's PDF: a cover first, the contents second, tagged, with the headings as bookmarks; no build notes.
    const pages = async (from: number, to: number) =>
      (await run('pdftotext', ['-f', String(from), '-l', String(to), pdf, '-'])).stdout;
    expect(await pages(1, 1)).toMatch(/Academic year \d{4}-\d{2}[\s\S]*Figures as of/);
    expect(await pages(2, 2)).toMatch(/^Contents\n/m);
    // The contents give each section's page: the heading is found on the page given.
    const contents = (await run('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'])).stdout
      .split('\n')
      .map((line) => /^\s*(\S.*?\S)\s{2,}(\d+)\s*$/.exec(line))
      .filter((m) => m !== null);
    expect(contents.length).toBeGreaterThanOrEqual(5);
    for (const [, title, page] of contents)
      expect((await pages(Number(page), Number(page))).split('\n'), `${title} on page ${page}`).toContain(title);
    // No stray page: every page holds a few lines besides its footer (a last session's heading, themes and point
    // may make the last page; a lone word or the site's footer may not).
    const count = Number(/^Pages:\s+(\d+)$/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1]);
    expect(count).toBeGreaterThan(3);
    for (let n = 1; n <= count; n++) {
      const lines = (await pages(n, n)).split('\n').filter((l) => l.trim() !== '' && !/· page \d+ of/.test(l));
      expect(lines.length, `page ${n} of ${count}`).toBeGreaterThanOrEqual(3);
    }
    expect((await run('pdfinfo', [pdf])).stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(stdout).not.toContain('npm');
    expect(stdout).not.toMatch(/\bMinutes\b|\(minutes\)/);
    expect(stdout).toMatch(/attended at least one session/);
    expect(stdout).toMatch(/page 1 of \d+/);
    if (root === SAMPLE) expect(stdout).toContain('11 of 24 departments (45.8%)');
  });
});
