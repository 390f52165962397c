import GithubSlugger from 'github-slugger';
import type { Heading, Image, Link, Root, RootContent } from 'mdast';
import { schemeOf } from '../format/links.js';
import { toString as plainText } from 'mdast-util-to-string';
import { posix } from 'node:path';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import { remark } from 'remark';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { Element, Root as HastRoot } from 'hast';
import { toString as hastText } from 'hast-util-to-string';

/** A report's Markdown as the page body of the site: the same content, links kept inside the site. */
const toHtml = unified().use(remarkRehype).use(rehypeSlug).use(readableTables).use(readableCharts).use(rehypeStringify);

/**
 * Charts a member reads on a phone: a chart is never shrunk below the size it was drawn at, so its text stays at
 * 11 px or more; on a screen narrower than the chart it scrolls sideways in a focusable region with the tables'
 * shadow as the cue. Its alt text, which states its figures, stays the image's.
 */
function readableCharts() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return undefined;
      const only = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const img = only[0];
      if (only.length !== 1 || img?.type !== 'element' || img.tagName !== 'img') return undefined;
      const alt = String(img.properties.alt ?? '');
      const name = alt.split(/[:.]/u)[0]?.trim() || 'Chart';
      parent.children.splice(index, 1, {
        type: 'element',
        tagName: 'div',
        properties: { className: ['chart-scroll'], role: 'region', ariaLabel: `Chart: ${name}`, tabIndex: 0 },
        children: [img],
      });
      return [SKIP, index + 1];
    });
  };
}

/** The cells of a table's header row. */
function countCells(header: Element): number {
  let n = 0;
  visit(header, 'element', (e: Element) => {
    if (e.tagName === 'th' || e.tagName === 'td') n++;
  });
  return n;
}

/**
 * Tables a member reads on a phone: each captioned after the heading above it (numbered when a heading has
 * several), in a region that scrolls sideways (focusable, named by the caption, with a shadow as the cue that
 * there is more), its header cells scoped to their columns, and the first cell of each row a row header that
 * stays in view while the rest scrolls.
 */
function readableTables() {
  return (tree: HastRoot) => {
    let heading = 'Table';
    let tables: Array<{ table: Element; region: Element }> = [];
    const captionAll = () => {
      tables.forEach(({ table, region }, i) => {
        const text = tables.length > 1 ? `${heading}: table ${i + 1} of ${tables.length}` : heading;
        table.children.unshift({
          type: 'element',
          tagName: 'caption',
          properties: {},
          children: [{ type: 'text', value: text }],
        });
        region.properties = { ...region.properties, ariaLabel: text };
      });
      tables = [];
    };
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) {
        captionAll();
        heading = hastText(node);
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined;
      visit(node, 'element', (cell: Element, i, row) => {
        if (cell.tagName === 'th') cell.properties = { ...cell.properties, scope: 'col' };
        else if (cell.tagName === 'td' && i === 0 && row && (row as Element).tagName === 'tr') {
          cell.tagName = 'th';
          cell.properties = { ...cell.properties, scope: 'row' };
        }
      });
      // A table of many columns prints smaller, so that its words fit their cells whole within the margins.
      const header = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'thead');
      const columns = header ? countCells(header) : 0;
      const region: Element = {
        type: 'element',
        tagName: 'div',
        properties: {
          className: ['table-scroll', ...(columns >= 6 ? ['wide'] : [])],
          role: 'region',
          tabIndex: 0,
        },
        children: [node],
      };
      tables.push({ table: node, region });
      parent.children.splice(index, 1, region);
      return [SKIP, index + 1];
    });
    captionAll();
  };
}
const parse = remark().use(remarkGfm);

/** `reports/2024-25/annual-report.md` → `2024-25/annual-report.html`; `reports/README.md` → `index.html`. */
function pagePath(reportPath: string): string {
  const inside = reportPath.replace(/^reports\//, '');
  return inside === 'README.md' ? 'index.html' : inside.replace(/README\.md$/, 'index.html').replace(/\.md$/, '.html');
}

/**
 * A link of a report, as the site has it: a report becomes its page, a chart or the
 * calendar stays itself, and anything outside reports/ (the minutes, the records) is not
 * published: the link becomes its text.
 */
function siteLink(from: string, url: string): string | undefined {
  if (url.startsWith('#')) return url;
  // Only the web and e-mail: whatever validation let through, a page never links a script or the reader's files.
  const scheme = schemeOf(url);
  if (scheme !== undefined) return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url : undefined;
  if (/^[\s\\/]/.test(url)) return undefined;
  const [target = '', anchor] = url.split('#');
  const resolved = posix.normalize(posix.join(posix.dirname(from), target));
  if (!resolved.startsWith('reports/')) return undefined;
  const page = resolved.endsWith('.md') ? pagePath(resolved) : resolved.replace(/^reports\//, '');
  const relative = posix.relative(posix.dirname(pagePath(from)), page) || posix.basename(page);
  return anchor === undefined ? relative : `${relative}#${anchor}`;
}

/** A relative link from a report out of reports/: to the records, which the site never publishes. */
function isRecordLink(from: string, url: string): boolean {
  if (schemeOf(url) !== undefined || url.startsWith('#') || /^[\s\\/]/.test(url)) return false;
  return !posix.normalize(posix.join(posix.dirname(from), url.split('#')[0]!)).startsWith('reports/');
}

/** The headings of a page's sections, with the ids rehype-slug gives them, for its table of contents. */
function contents(tree: Root): Array<{ id: string; text: string }> {
  const slugger = new GithubSlugger();
  const out: Array<{ id: string; text: string }> = [];
  visit(tree, 'heading', (h: Heading) => {
    const text = plainText(h);
    const id = slugger.slug(text);
    if (h.depth === 2) out.push({ id, text });
  });
  return out;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What a page may load: its style sheet and the site's own images, nothing else; no script at
 * all, whatever a report holds.
 */
const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";

/** What the cover of a report's PDF says: printed only, the first page a committee sees. */
export interface Cover {
  title: string;
  community: string;
  institution: string;
  year: string;
  authors?: string;
  approved?: string;
  /** The day of the latest record the figures describe. */
  asOf: string;
  /** The PDF of this report, relative to the site's root, when one is written. */
  pdf?: string;
  /** The same as a Word document, when one is written. */
  docx?: string;
}

const FOOTER =
  "Published from the community's reports. The records they are made from (minutes, the roster, survey " +
  'responses) are not published.';

const coverHtml = (c: Cover): string =>
  `<section class="cover" aria-label="Cover"><p class="cover-community">${escapeHtml(c.community)}</p>` +
  `<h1 class="cover-title">${escapeHtml(c.title)}</h1><p class="cover-year">Academic year ${escapeHtml(c.year)}</p>` +
  `<dl>${c.authors ? `<dt>Prepared by</dt><dd>${escapeHtml(c.authors)}</dd>` : ''}` +
  `<dt>Institution</dt><dd>${escapeHtml(c.institution)}</dd>` +
  `${c.approved ? `<dt>Approved</dt><dd>${escapeHtml(c.approved)}</dd>` : ''}` +
  `<dt>Figures as of</dt><dd>${escapeHtml(c.asOf)}, the latest record</dd></dl>` +
  `<p class="cover-note">${FOOTER}</p></section>`;

/**
 * A report's Markdown as it is published (the site's page, the Word document): links kept inside the site or to
 * the web, links to the records gone with the words that only pointed there, images only the site's own charts,
 * and the note on how the report is made marked `note`.
 */
export function publishedTree(reportPath: string, markdown: string): Root {
  const tree = parse.parse(markdown) as Root;
  // The note under the title says how the report is made, for the repository's readers: not on the site or the PDF.
  const note = tree.children[1];
  if (tree.children[0]?.type === 'heading' && note?.type === 'paragraph')
    note.data = { ...note.data, hProperties: { ...note.data?.hProperties, className: ['note'] } };
  visit(tree, 'link', (node: Link, index, parent) => {
    const url = siteLink(reportPath, node.url);
    if (url !== undefined) {
      node.url = url;
      return;
    }
    if (!parent || index === undefined) return undefined;
    // A link to the records (the minutes) is not published. Where it stands apart, in brackets or as a sentence
    // of its own ("… (minutes)", "… Minutes."), it only pointed there and goes with its words; where it names
    // something (a session's title in a table), its words stay as text.
    if (isRecordLink(reportPath, node.url)) {
      const before = parent.children[index - 1];
      const after = parent.children[index + 1];
      const texts = before?.type === 'text' && after?.type === 'text';
      if (texts && /\s*\($/.test(before.value) && after.value.startsWith(')')) {
        before.value = before.value.replace(/\s*\($/, '');
        after.value = after.value.slice(1);
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      if (texts && /\s$/.test(before.value) && after.value.startsWith('.')) {
        before.value = before.value.replace(/\s+$/, '');
        after.value = after.value.slice(1);
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      parent.children.splice(index, 1, ...(node.children as RootContent[] as typeof parent.children));
      return [SKIP, index];
    }
    // A link that could run code is never given: its text stays, unless it is that address itself (an autolink).
    const children = plainText(node) === node.url ? [] : node.children;
    parent.children.splice(index, 1, ...(children as RootContent[] as typeof parent.children));
    return [SKIP, index];
  });
  visit(tree, 'image', (node: Image, index, parent) => {
    // An image is one of the site's own charts, or it is not shown: one from elsewhere would tell its server who reads.
    const url = siteLink(reportPath, node.url);
    if (url !== undefined && schemeOf(url) === undefined && /\.svg$/.test(url)) {
      node.url = url;
      return;
    }
    if (parent && index !== undefined) {
      parent.children.splice(index, 1, { type: 'text', value: node.alt ?? '' });
      return [SKIP, index + 1];
    }
    return undefined;
  });
  return tree;
}

/** One report as a page of the site. */
function reportPage(
  reportPath: string,
  markdown: string,
  siteName: string,
  cover: Cover | undefined,
  pdfs: readonly Cover[],
): string {
  const tree = publishedTree(reportPath, markdown);
  const toc = contents(tree);
  const title = plainText(
    tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1) ?? { type: 'root', children: [] },
  );
  const body = toHtml.stringify(toHtml.runSync(tree as never) as never);
  const up = posix.relative(posix.dirname(pagePath(reportPath)), '.') || '.';
  const nav =
    toc.length > 1
      ? '<nav class="toc" aria-label="Contents of this report"><h2 id="contents">Contents</h2><ul>' +
        toc.map((t) => `<li><a href="#${escapeHtml(t.id)}">${escapeHtml(t.text)}</a></li>`).join('') +
        '</ul></nav>'
      : '';
  const pdfList =
    pdfs.length > 0
      ? `<p class="pdf">Annual reports as PDF, for committees and printing: ${pdfs
          .map(
            (c) =>
              `<a href="${escapeHtml(c.pdf!)}">${escapeHtml(c.year)}</a>` +
              (c.docx ? ` (<a href="${escapeHtml(c.docx)}">Word</a>)` : ''),
          )
          .join(', ')}.</p>\n`
      : '';
  const pdfLink = cover?.pdf
    ? `<p class="pdf"><a href="${up}/${escapeHtml(cover.pdf)}">This report as a PDF</a>` +
      (cover.docx ? `, or <a href="${up}/${escapeHtml(cover.docx)}">as a Word document</a>` : '') +
      ', for committees and printing.</p>\n'
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title || siteName)}</title>
<link rel="stylesheet" href="${up}/style.css">
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header><nav aria-label="Site"><a href="${up}/index.html">${escapeHtml(siteName)}: all reports</a></nav></header>
<main id="main">
${cover ? coverHtml(cover) : ''}${body.replace('</h1>', `</h1>\n${pdfLink}${pdfList}${nav}`)}
</main>
<footer><p>${FOOTER}</p></footer>
</body>
</html>
`;
}

/** The site's style sheet: GitHub's reading look, and an A4 page for print and PDF. */
const STYLE = `:root { color-scheme: light; }
body {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif;
  color: #1f2328; background: #fff; line-height: 1.5; margin: 0;
}
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1rem; }
footer { color: #59636e; font-size: 0.875rem; border-top: 1px solid #d1d9e0; margin-top: 3rem; padding-bottom: 2rem; }
a { color: #0550ae; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; }
h1, h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: 0.3em; }
table { border-collapse: collapse; margin: 0; }
caption { text-align: left; font-weight: 600; color: #59636e; font-size: 0.875rem; padding: 0 0 0.25rem; }
.table-scroll, .chart-scroll { overflow-x: auto; margin: 1rem 0; max-width: 100%;
  background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 2rem 100% no-repeat local,
    linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 2rem 100% no-repeat local,
    linear-gradient(to right, rgba(0, 0, 0, 0.15), rgba(0, 0, 0, 0)) left / 0.75rem 100% no-repeat scroll,
    linear-gradient(to left, rgba(0, 0, 0, 0.15), rgba(0, 0, 0, 0)) right / 0.75rem 100% no-repeat scroll; }
.table-scroll:focus, .chart-scroll:focus { outline: 2px solid #0550ae; }
.chart-scroll img { max-width: none; display: block; }
tbody th { position: sticky; left: 0; background: #fff; text-align: left; font-weight: 600; }
tr:nth-child(2n) th { background: #f6f8fa; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
img { max-width: 100%; height: auto; }
blockquote { margin: 0 0 1rem; padding: 0 1em; color: #59636e; border-left: 0.25em solid #d1d9e0; }
code { background: #eff1f3; padding: 0.1em 0.3em; border-radius: 4px; }
.toc { background: #f6f8fa; border: 1px solid #d1d9e0; padding: 0.5rem 1.5rem; margin: 1rem 0; }
.toc h2 { border: 0; font-size: 1rem; margin: 0.5rem 0; }
.toc-page { display: none; }
@media (max-width: 40rem) {
  header, main, footer { padding: 0 1rem; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; }
}
@page { size: A4; margin: 18mm 16mm 20mm; }
.cover { display: none; }
/* How the report is made is for the repository's readers, on GitHub: the site and the PDF say it in their footer. */
.note { display: none; }
@media print {
  /* The footer's note is on the cover: alone at the end it would make a page of its own. */
  header, .skip, .pdf, footer { display: none; }
  .cover-note { margin-top: 4em; color: #59636e; font-size: 0.9em; }
  table { display: table; width: 100%; font-size: 0.85em; }
  th, td { padding: 4px 6px; overflow-wrap: break-word; }
  .table-scroll.wide table { font-size: 0.72em; }
  /* A table that fits a page starts on a new one rather than leave its caption and header at the foot of one. */
  .table-scroll { break-inside: avoid; }
  caption { break-after: avoid; }
  tr, img, li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  .cover { display: flex; flex-direction: column; justify-content: center; min-height: 240mm; break-after: page; }
  .cover-title { border: 0; font-size: 2.2em; margin: 0.5em 0; }
  .cover-community, .cover-year { font-size: 1.2em; color: #59636e; margin: 0; }
  .cover dl { margin-top: 3em; display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1em; }
  .cover dt { font-weight: 600; }
  .cover dd { margin: 0; }
  main > h1:first-of-type { display: none; }
  .toc { display: block; break-after: page; border: 0; background: none; padding: 0; }
  .table-scroll, .chart-scroll { overflow: visible; background: none; }
  .chart-scroll img { max-width: 100%; }
  tbody th { position: static; }
  .toc h2 { font-size: 1.5em; }
  .toc ul { list-style: none; padding: 0; }
  .toc li { display: flex; align-items: baseline; gap: 0.5em; margin: 0.3em 0; }
  .toc li::after { content: ""; order: 1; flex: 1; border-bottom: 1px dotted #8c959f; }
  .toc-page { display: inline; order: 2; min-width: 2em; text-align: right; }
}
`;

/**
 * The site of a community's reports: every report as a page, its charts, the calendar and
 * the metrics file, and nothing of the records. `reports` holds the files of reports/ by
 * their repository paths.
 */
export function siteFiles(
  reports: ReadonlyMap<string, Buffer>,
  siteName: string,
  covers: ReadonlyMap<string, Cover> = new Map(),
): Map<string, Buffer | string> {
  const out = new Map<string, Buffer | string>([['style.css', STYLE]]);
  // The index lists every annual report's PDF, so that members find what committees are sent.
  const pdfs = (path: string) =>
    path === 'reports/README.md' ? [...covers.values()].filter((c) => c.pdf !== undefined).reverse() : [];
  for (const [path, bytes] of reports) {
    if (!path.startsWith('reports/')) continue;
    if (path.endsWith('.md'))
      out.set(pagePath(path), reportPage(path, bytes.toString('utf8'), siteName, covers.get(path), pdfs(path)));
    else if (/\.(svg|ics|json)$/.test(path)) out.set(path.replace(/^reports\//, ''), bytes);
  }
  return out;
}
