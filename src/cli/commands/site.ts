import { access, lstat, mkdir, readdir, readFile, realpath, rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { plural } from '../../format/numbers.js';
import { compareStrings } from '../../format/compare.js';
import { formatDate } from '../../model/dates.js';
import type { Image, Root } from 'mdast';
import type { Page } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { type ChartImage, reportDocx } from '../../publish/docx.js';
import { headingPages } from '../../publish/pdf-contents.js';
import { type Cover, publishedTree, siteFiles } from '../../publish/site.js';
import { renderReports } from '../../reports/build.js';
import { writeAll, writeAtomically } from '../write-file.js';
import { loadValid } from './load-valid.js';
import { defineCommand } from '../command.js';
import type { CommandIO } from '../io.js';

/** Where a Chromium may be: the one CHROMIUM_PATH names, Debian's, then Chrome's on GitHub's runners. */
const BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export default defineCommand({
  name: 'site',
  summary:
    'write a static site of reports/ (and each annual report as a PDF and a Word document) to publish without the ' +
    'records',
  options: {
    out: {
      type: 'string',
      value: '<dir>',
      required: true,
      description:
        'the folder the site is written to: a new or empty one, or one an earlier run wrote (never the repository ' +
        'or a folder of its records)',
    },
    'skip-pdf': {
      type: 'boolean',
      default: false,
      description:
        'leave out the PDF and the Word document of each annual report (written otherwise, with a headless Chromium)',
    },
  },
  notes:
    'The site holds the reports a build writes, and nothing else: no file of data/, minutes/ or surveys/ (links ' +
    'from the reports to the minutes become plain text), and no file saved in reports/ by hand. Only the files an ' +
    'earlier run wrote are ever removed from the folder.',
  async run({ options: opts, root, io }) {
    const out = resolve(io.cwd, opts.out);
    const refusal = await refuseOut(root, out);
    if (refusal) {
      io.err(`cop: --out ${opts.out}: ${refusal}. Nothing was written or removed.`);
      return 2;
    }
    const valid = await loadValid(root, io);
    if (!valid) {
      io.err('Nothing was published.');
      return 1;
    }
    // Only what a build writes is published: a file saved in reports/ by hand (the full metrics, say) never is.
    const built = await renderReports(valid.lookup);
    const reports = new Map(
      [...built]
        .filter(([path]) => path.startsWith('reports/'))
        .map(([path, text]) => [path, Buffer.from(text)] as const),
    );
    const stale = await differing(root, reports);
    if (stale.length > 0)
      io.err(
        `warning: reports/ is not what a build writes now ` +
          `(${stale.slice(0, 3).join(', ')}${stale.length > 3 ? ', …' : ''}): the site has the reports as built ` +
          `from the records; run "npm run build" and commit them.`,
      );
    const community = valid.lookup.repo.community?.data;
    // Each annual report's cover, for its PDF: the community, the year, who wrote and approved it, how recent it is.
    const covers = new Map<string, Cover>(
      // The years as the build just published them: the metrics are not computed a second time.
      (
        JSON.parse(built.get('reports/metrics.json') ?? '{"years":[]}') as {
          years: Array<{ year: string; asOf: string }>;
        }
      ).years.map((y) => {
        const narrative = valid.lookup.repo.narratives.find((n) => n.kind === 'annual' && n.year === y.year)?.data;
        const pdf = opts['skip-pdf'] ? undefined : pdfName(`${y.year}/annual-report.html`);
        const docx = opts['skip-pdf'] ? undefined : docxName(`${y.year}/annual-report.html`);
        return [
          `reports/${y.year}/annual-report.md`,
          {
            title: narrative?.title ?? `Annual Report ${y.year}`,
            community: community?.name ?? '',
            institution: community?.institution ?? '',
            year: y.year,
            asOf: formatDate(y.asOf),
            ...(narrative?.authors ? { authors: narrative.authors } : {}),
            ...(narrative?.approved ? { approved: formatDate(narrative.approved) } : {}),
            ...(pdf ? { pdf } : {}),
            ...(docx ? { docx } : {}),
          },
        ];
      }),
    );
    const site = siteFiles(reports, community?.name ?? 'Community of practice', covers);
    const pdfs = opts['skip-pdf'] ? [] : [...site.keys()].filter((p) => ANNUAL_PAGE.test(p));
    const written = [...site.keys(), ...pdfs.map(pdfName), ...pdfs.map(docxName)].sort(compareStrings);
    // What an earlier run wrote and this one does not: removed, and nothing else ever is.
    const before = await siteMarker(out);
    await mkdir(out, { recursive: true });
    for (const path of before ?? []) if (!written.includes(path)) await rm(join(out, path), { force: true });
    await writeAll(new Map([...site].map(([path, content]) => [join(out, path), content] as const)));
    await writeAtomically(join(out, MARKER), `${JSON.stringify({ writtenBy: 'cop site', files: written }, null, 2)}\n`);
    io.out(
      `Wrote the site to ${out}: ${plural([...site.keys()].filter((p) => p.endsWith('.html')).length, 'page')}, ` +
        `with its charts${site.has('calendar.ics') ? ', the calendar' : ''} and the metrics.`,
    );
    const documents = new Map(
      pdfs.map((html) => {
        const report = `reports/${html.replace(/\.html$/, '.md')}`;
        return [
          html,
          { tree: publishedTree(report, reports.get(report)!.toString('utf8')), cover: covers.get(report)! },
        ];
      }),
    );
    if (pdfs.length > 0) await writePrintables(out, documents, io);
    return 0;
  },
});

const ANNUAL_PAGE = /^\d{4}-\d{2}\/annual-report\.html$/;
const pdfName = (page: string) => `annual-report-${page.slice(0, 7)}.pdf`;
const docxName = (page: string) => `annual-report-${page.slice(0, 7)}.docx`;

/**
 * The file a site folder holds to say that `cop site` wrote it, and what it wrote: the only files a later run may
 * remove.
 */
const MARKER = '.cop-site.json';

/** The files an earlier `cop site` wrote in `out`, or undefined when it wrote none there. */
async function siteMarker(out: string): Promise<string[] | undefined> {
  const text = await readFile(join(out, MARKER), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const files = (JSON.parse(text) as { files?: unknown }).files;
    // Only plain relative paths inside the folder: a marker edited by hand cannot name a file elsewhere.
    return Array.isArray(files)
      ? files.filter((f): f is string => typeof f === 'string' && !isAbsolute(f) && !f.split(/[\\/]/).includes('..'))
      : [];
  } catch {
    return [];
  }
}

/** The folders of a repository whose files are its records, or its history: a site is never written among them. */
const RECORD_FOLDERS = ['.git', 'data', 'minutes', 'surveys', 'meetings', 'narrative', 'reports'];

/**
 * Why the site may not be written to `out`, or undefined. It never touches what it did not write:
 * not the repository, a folder that holds it, its records or its history, nor a folder that
 * holds anything but a site it wrote before.
 */
async function refuseOut(root: string, out: string): Promise<string | undefined> {
  const real = async (p: string) => realpath(p).catch(() => resolve(p));
  const repo = await real(root);
  // A folder not there yet is placed by its nearest parent that is.
  let target = out;
  let rest = '';
  while (!(await exists(target)) && dirname(target) !== target) {
    rest = join(basename(target), rest);
    target = dirname(target);
  }
  const where = join(await real(target), rest);
  const inside = (folder: string, path: string) =>
    path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
  if (where === repo) return 'is the repository itself: write the site to a folder of its own, for example --out _site';
  if (inside(where, repo))
    return 'holds the repository: write the site to a folder of its own, for example --out _site';
  const records = RECORD_FOLDERS.find((f) => inside(join(repo, f), where));
  if (records)
    return (
      `is inside ${records}/, which holds the records: write the site to a folder of its own, for example ` +
      `--out _site`
    );
  const entries = await readdir(out).catch(() => [] as string[]);
  if (entries.length > 0 && (await siteMarker(out)) === undefined)
    return (
      `holds files that an earlier "cop site" did not write (it has no ${MARKER}): choose an empty folder, ` +
      `or empty it yourself`
    );
  return undefined;
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** The reports whose file in reports/ is not the one a build writes now. */
async function differing(root: string, reports: ReadonlyMap<string, Buffer>): Promise<string[]> {
  const out: string[] = [];
  for (const [path, bytes] of reports) {
    const current = await readFile(join(root, path)).catch(() => undefined);
    if (!current?.equals(bytes)) out.push(path);
  }
  return out;
}

async function findBrowser(): Promise<string | undefined> {
  for (const path of [process.env.CHROMIUM_PATH, ...BROWSERS]) {
    if (
      path &&
      (await access(path).then(
        () => true,
        () => false,
      ))
    )
      return path;
  }
  return undefined;
}

/** The charts a report embeds, as PNGs drawn by the browser from the site's SVGs, by their links in the report. */
async function drawCharts(page: Page, out: string, html: string, tree: Root): Promise<Map<string, ChartImage>> {
  const links = new Set<string>();
  visit(tree, 'image', (node: Image) => {
    links.add(node.url);
  });
  const charts = new Map<string, ChartImage>();
  for (const link of [...links].sort(compareStrings)) {
    const file = join(out, dirname(html), link);
    if (!file.startsWith(out + sep)) continue;
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const size = await page.evaluate(() => {
      const svg = document.documentElement;
      return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
    });
    if (!(size.width > 0 && size.height > 0)) continue;
    await page.setViewportSize({ width: Math.ceil(size.width), height: Math.ceil(size.height) });
    const png = await page.screenshot({ clip: { x: 0, y: 0, ...size }, type: 'png' });
    charts.set(link, { png: new Uint8Array(png), ...size });
  }
  return charts;
}

/** What a committee is sent of one annual report: the report as published, and its cover. */
interface Printable {
  tree: Root;
  cover: Cover;
}

/**
 * Each year's annual report as an A4 PDF with page numbers, the charts as vectors, and as a Word document with the
 * charts as images, for committees. Both need the browser: it prints the PDF and draws the charts for Word.
 */
async function writePrintables(out: string, documents: ReadonlyMap<string, Printable>, io: CommandIO): Promise<void> {
  const pages = [...documents.keys()];
  if (pages.length === 0) return;
  const browser = await findBrowser();
  if (!browser) {
    io.err(
      `The PDFs were skipped: no Chromium was found (looked for ${BROWSERS.join(', ')}; CHROMIUM_PATH names ` +
        `another), nor the Word documents, whose charts it draws. The site is written; install Chromium (Debian: ` +
        `apt-get install chromium) for them.`,
    );
    return;
  }
  const { chromium } = await import('playwright-core');
  const instance = await chromium.launch({
    executablePath: browser,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await instance.newPage();
    // Charts for Word at twice their size, so that they print sharp.
    const drawing = await (await instance.newContext({ deviceScaleFactor: 2 })).newPage();
    for (const html of pages) {
      const year = html.slice(0, 7);
      await page.goto(pathToFileURL(join(out, html)).href, { waitUntil: 'load' });
      // A link to another page of the site would carry this machine's file:// path into the PDF: it becomes its text.
      await page.evaluate(() => {
        for (const a of Array.from(document.querySelectorAll('a[href]'))) {
          const href = a.getAttribute('href') ?? '';
          if (!/^(?:https?:|mailto:|#)/i.test(href)) a.removeAttribute('href');
        }
      });
      const options = {
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        // A tagged PDF, with the headings as bookmarks: readable by assistive technology, navigable by a committee.
        tagged: true,
        outline: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          `<div style="font-size:8px;width:100%;text-align:center;color:#555">Annual report ${year} ` +
          `· page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      } as const;
      // The contents page gives each section's page, read from the bookmarks of a first print; printed again
      // until the numbers hold (they take no new lines, so a second print normally settles them).
      const titles = await page.$$eval('.toc li a', (links) => links.map((a) => a.textContent ?? ''));
      let pdf = await page.pdf(options);
      for (let pass = 0; pass < 3 && titles.length > 0; pass++) {
        const found = await headingPages(new Uint8Array(pdf), titles);
        const numbers = titles.map((t) => found.get(t) ?? null);
        const changed = await page.evaluate((numbers) => {
          let changed = false;
          Array.from(document.querySelectorAll('.toc li')).forEach((li, i) => {
            const text = numbers[i] === null || numbers[i] === undefined ? '' : String(numbers[i]);
            let span = li.querySelector('.toc-page');
            if (!span) {
              span = document.createElement('span');
              span.className = 'toc-page';
              li.append(span);
            }
            if (span.textContent !== text) {
              span.textContent = text;
              changed = true;
            }
          });
          return changed;
        }, numbers);
        if (!changed) break;
        pdf = await page.pdf(options);
      }
      await writeAtomically(join(out, pdfName(html)), pdf);
      const { tree, cover } = documents.get(html)!;
      const charts = await drawCharts(drawing, out, html, tree);
      await writeAtomically(join(out, docxName(html)), await reportDocx(tree, cover, charts));
    }
    io.out(`Wrote ${plural(pages.length, 'PDF')} of the annual report: ${pages.map(pdfName).join(', ')}.`);
    io.out(`Wrote ${plural(pages.length, 'Word document')} of it: ${pages.map(docxName).join(', ')}.`);
  } finally {
    await instance.close();
  }
}
