import type { Definition, Image, ImageReference, Link, Root } from 'mdast';
import { posix } from 'node:path';
import type { Position } from '../../model/positions.js';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { schemeOf } from '../../format/links.js';

/**
 * How deep Markdown may nest, in containers (`>`, list markers) on one line or in brackets
 * open at once. Minutes nest three or four levels; past this a parser's cost grows with the
 * square of the text (brackets) or it runs out of stack (containers), so the text is refused
 * before any command parses it, as JSON nested too deep is.
 */
export const MAX_MARKDOWN_DEPTH = 32;

const CONTAINER = /^ {0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;

/** Where Markdown text first nests deeper than the bound, 1-based from the text's first line, or undefined. */
export function tooDeep(text: string): (Position & { what: 'containers' | 'brackets' }) | undefined {
  let line = 1;
  let depth = 0;
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const row = text.slice(start, end === -1 ? text.length : end);
    let rest = row;
    let containers = 0;
    for (let m = CONTAINER.exec(rest); m && m[0] !== ''; m = CONTAINER.exec(rest)) {
      if (++containers > MAX_MARKDOWN_DEPTH) return { line, column: row.length - rest.length + 1, what: 'containers' };
      rest = rest.slice(m[0].length);
    }
    // A blank line ends a paragraph, and every bracket open in it.
    if (row.trim() === '') depth = 0;
    for (let i = 0; i < row.length; i++) {
      const c = row[i];
      if (c === '\\') i++;
      else if (c === '[') {
        if (++depth > MAX_MARKDOWN_DEPTH) return { line, column: i + 1, what: 'brackets' };
      } else if (c === ']' && depth > 0) depth--;
    }
    if (end === -1) break;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** A link or an image of a Markdown text, where it stands in the text (1-based, from the text's first line). */
export interface MarkdownTarget {
  kind: 'link' | 'image';
  url: string;
  position: Position;
}

const parser = remark().use(remarkGfm);

/** Only text that may hold a link or an image is parsed: most minutes have none. */
const MAY_LINK = /\]\(|\]\[|\]:|<[a-z][a-z0-9+.-]*:|!\[/i;

/**
 * Every link and image target a Markdown text holds: inline, autolinks, and the definitions
 * that references use. Text nested past the bound is never parsed (it is reported as such).
 */
export function markdownTargets(text: string): MarkdownTarget[] {
  if (!MAY_LINK.test(text) || tooDeep(text)) return [];
  const tree = parser.parse(text) as Root;
  const out: MarkdownTarget[] = [];
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (d: Definition) => {
    definitions.set(d.identifier, d);
  });
  const at = (node: { position?: { start: { line: number; column: number } } }): Position => ({
    line: node.position?.start.line ?? 1,
    column: node.position?.start.column ?? 1,
  });
  visit(tree, (node) => {
    if (node.type === 'link') out.push({ kind: 'link', url: (node as Link).url, position: at(node) });
    else if (node.type === 'image') out.push({ kind: 'image', url: (node as Image).url, position: at(node) });
    else if (node.type === 'imageReference') {
      const d = definitions.get((node as ImageReference).identifier);
      if (d) out.push({ kind: 'image', url: d.url, position: at(node) });
    } else if (node.type === 'definition')
      out.push({ kind: 'link', url: (node as Definition).url, position: at(node) });
  });
  return out;
}

/**
 * An image a published text may show: only the reports' own charts, by a relative address from
 * the file that holds the text. An image elsewhere is fetched by every reader (and tells its
 * server who read the report); one in the records would be embedded in the PDF.
 */
export function isSafeImage(url: string, from: string): boolean {
  if (schemeOf(url) !== undefined || /^[\s\\/]/.test(url) || url.includes('\\')) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(from), url.split(/[?#]/)[0]!));
  return /^reports\/(?:[^/]+\/)*[^/]+\.svg$/.test(resolved);
}
