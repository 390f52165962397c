import { access, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { plural } from '../../format/numbers.js';
import { siteFiles } from '../../publish/site.js';
import { defineCommand } from '../command.js';
import type { CommandIO } from '../io.js';

/** Where a Chromium may be: the one CHROMIUM_PATH names, Debian's, then Chrome's on GitHub's runners. */
const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export default defineCommand({
  options: {
    out: { type: 'string', value: '<dir>', required: true, description: 'the folder the site is written to (emptied first)' },
    'skip-pdf': { type: 'boolean', default: false, description: 'leave out the PDF of each annual report (written otherwise, with a headless Chromium)' },
  },
  notes:
    'The site holds what reports/ holds and nothing read from data/, minutes/ or surveys/: links from the reports to the minutes become plain text. Run "npm run build" first.',
  async run({ options: opts, root, io }) {
    const out = resolve(opts.out);
    const reports = await filesUnder(root, 'reports');
    if (!reports.has('reports/README.md')) {
      io.err('reports/ has no README.md: run "npm run build" first, then publish.');
      return 1;
    }
    const community = JSON.parse(await readFile(join(root, 'data/community.json'), 'utf8').catch(() => '{}')) as { name?: string };
    const site = siteFiles(reports, community.name ?? 'Community of practice');
    await rm(out, { recursive: true, force: true });
    for (const [path, content] of site) {
      await mkdir(dirname(join(out, path)), { recursive: true });
      await writeFile(join(out, path), content);
    }
    io.out(
      `Wrote the site to ${out}: ${plural([...site.keys()].filter((p) => p.endsWith('.html')).length, 'page')}, with its charts${site.has('calendar.ics') ? ', the calendar' : ''} and the metrics.`,
    );
    if (!opts['skip-pdf'])
      await writePdfs(
        out,
        [...site.keys()].filter((p) => /^\d{4}-\d{2}\/annual-report\.html$/.test(p)),
        io,
      );
    return 0;
  },
});

async function filesUnder(root: string, dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const path = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
    files.set(path, await readFile(join(root, path)));
  }
  return files;
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

/** Each year's annual report as an A4 PDF with page numbers, the charts as vectors, for committees. */
async function writePdfs(out: string, pages: string[], io: CommandIO): Promise<void> {
  if (pages.length === 0) return;
  const browser = await findBrowser();
  if (!browser) {
    io.err(
      `The PDFs were skipped: no Chromium was found (looked for ${BROWSERS.join(', ')}; CHROMIUM_PATH names another). The site is written; install Chromium (Debian: apt-get install chromium) for the PDFs.`,
    );
    return;
  }
  const { chromium } = await import('playwright-core');
  const instance = await chromium.launch({
    executablePath: browser,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await instance.newPage();
    for (const html of pages) {
      const year = html.slice(0, 7);
      await page.goto(pathToFileURL(join(out, html)).href, { waitUntil: 'load' });
      await page.pdf({
        path: join(out, `annual-report-${year}.pdf`),
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555">Annual report ${year} · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>`,
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      });
    }
    io.out(`Wrote ${plural(pages.length, 'PDF')} of the annual report: ${pages.map((p) => `annual-report-${p.slice(0, 7)}.pdf`).join(', ')}.`);
  } finally {
    await instance.close();
  }
}
