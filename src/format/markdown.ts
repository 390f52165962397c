import GithubSlugger from 'github-slugger';
import type {
  Parent,
  AlignType,
  Nodes,
  BlockContent,
  Heading,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
  Text,
} from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { remark } from 'remark';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { defaultHandlers, type Handle } from 'mdast-util-to-markdown';

/** Small builders for mdast, so report code reads as the document it makes. */

export type Inline = PhrasingContent | string;

const inline = (parts: Inline[]): PhrasingContent[] =>
  parts.map((p) => (typeof p === 'string' ? { type: 'text', value: p } : p));

export const strong = (...parts: Inline[]): PhrasingContent => ({ type: 'strong', children: inline(parts) });
export const emphasis = (...parts: Inline[]): PhrasingContent => ({ type: 'emphasis', children: inline(parts) });
export const link = (url: string, ...parts: Inline[]): PhrasingContent => ({
  type: 'link',
  url,
  children: inline(parts),
});
export const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
export const image = (url: string, alt: string): PhrasingContent => ({ type: 'image', url, alt });

export const heading = (depth: 1 | 2 | 3 | 4 | 5 | 6, ...parts: Inline[]): Heading => ({
  type: 'heading',
  depth,
  children: inline(parts),
});
export const paragraph = (...parts: Inline[]): Paragraph => ({ type: 'paragraph', children: inline(parts) });

export function list(items: Array<Inline[] | BlockContent[] | ListItem>, ordered = false): List {
  return {
    type: 'list',
    ordered,
    spread: false,
    children: items.map((item) => (isListItem(item) ? item : listItem(item))),
  };
}

export function listItem(content: Inline[] | BlockContent[]): ListItem {
  const blocks =
    content.length > 0 && content.every((c) => typeof c !== 'string' && isBlock(c))
      ? (content as BlockContent[])
      : [paragraph(...(content as Inline[]))];
  return { type: 'listItem', spread: false, children: blocks };
}

function isListItem(x: unknown): x is ListItem {
  return typeof x === 'object' && x !== null && (x as { type?: string }).type === 'listItem';
}

function isBlock(node: PhrasingContent | BlockContent): node is BlockContent {
  return ['paragraph', 'list', 'table', 'blockquote', 'heading', 'code', 'html', 'thematicBreak'].includes(node.type);
}

export interface Column {
  header: string;
  align?: AlignType;
}

export function table(columns: Column[], rows: Inline[][]): Table {
  const cell = (content: Inline | Inline[]): TableCell => ({
    type: 'tableCell',
    children: inline(Array.isArray(content) ? content : [content]),
  });
  const row = (cells: Array<Inline | Inline[]>): TableRow => ({ type: 'tableRow', children: cells.map(cell) });
  return {
    type: 'table',
    align: columns.map((c) => c.align ?? null),
    children: [row(columns.map((c) => c.header)), ...rows.map((r) => row(r))],
  };
}

/** Multi-part table cells: `[["a", strong("b")], ...]` per row. */
export function richTable(columns: Column[], rows: Inline[][][]): Table {
  const t = table(columns, []);
  for (const r of rows)
    t.children.push({ type: 'tableRow', children: r.map((c) => ({ type: 'tableCell', children: inline(c) })) });
  return t;
}

export const root = (children: RootContent[]): Root => ({ type: 'root', children });

/** Characters that some pattern of this serialiser (remark's own and GFM tables') escapes wherever they are. */
const ESCAPED = /[\t\n\r!"#&*<>[\\\]_`|~\u007f]/;
/** What it escapes only where a line starts (a list marker, a heading, a table's delimiter row, a space). */
const ESCAPED_AT_LINE_START = /^(?:[ +\-=:]|\d+[.)])/;
const LINE_BREAK = /^[\r\n]|[\r\n]$/;

/**
 * Whether the serialiser would write a text as it is, between the characters `before` and `after` it: no character
 * it ever escapes; none at its start that it escapes where a line starts, when it starts a line; no `(` after `]`
 * (a link); no space before a line break (a hard break). Most of a report's words and figures are such text. The
 * serialiser tests some forty patterns against every text, half of a large build's serialisation: such text skips
 * them. A test holds the two to the same output, text by text and place by place.
 */
export function isPlainText(value: string, before = '', after = ''): boolean {
  if (ESCAPED.test(value) || value.startsWith('(')) return false;
  if ((before === '' || LINE_BREAK.test(before)) && ESCAPED_AT_LINE_START.test(value)) return false;
  return !(value.endsWith(' ') && (after === '' || LINE_BREAK.test(after)));
}

const plainOrSafe: Handle = (node: Text, parent, state, info) =>
  isPlainText(node.value, info.before, info.after) && !state.stack.includes('autolink')
    ? node.value
    : defaultHandlers.text(node, parent, state, info);

// Only GFM's tables, with remark-gfm's own table serialiser: the rest of GFM adds escaping
// patterns that every text node is tested against, a third of the time of a large build.
const processor = remark()
  .data('settings', {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    listItemIndent: 'one',
    rule: '-',
    fences: true,
    handlers: { text: plainOrSafe },
  })
  .data('toMarkdownExtensions', [gfmTableToMarkdown({ tablePipeAlign: false })]);

/** Serialises a report. The same tree always gives the same bytes. */
export function toMarkdown(tree: Root): string {
  return processor.stringify(tree);
}

/** A link to a heading of the same document, by the heading's text; see resolveHeadingLinks. */
export const headingLink = (headingText: string, ...parts: Inline[]): PhrasingContent =>
  link(`${HEADING_LINK}${headingText}`, ...parts);

const HEADING_LINK = '#heading:';

/**
 * Turns heading links into the anchors GitHub gives those headings: slugs made in
 * document order, so repeated titles get the same -1, -2 suffixes as on the site.
 */
export function resolveHeadingLinks(tree: Root): Root {
  const slugger = new GithubSlugger();
  const anchors = new Map<string, string>();
  const links: Array<{ link: Link; parent: Parent }> = [];
  // One pass: headings are slugged in document order, links resolved once all are known. A walk of its own rather
  // than unist-util-visit, whose list of ancestors made for every node was a twentieth of a large build's allocations.
  const walk = (parent: Parent) => {
    for (const node of parent.children as Nodes[]) {
      if (node.type === 'heading') {
        const t = plainText(node);
        const slug = slugger.slug(t);
        if (!anchors.has(t)) anchors.set(t, slug);
      } else if (node.type === 'link' && node.url.startsWith(HEADING_LINK)) links.push({ link: node, parent });
      if ('children' in node) walk(node);
    }
  };
  walk(tree);
  for (const { link: l, parent } of links) {
    const anchor = anchors.get(l.url.slice(HEADING_LINK.length));
    if (anchor !== undefined) {
      l.url = `#${anchor}`;
      continue;
    }
    // A section the community's narrative left out: the link becomes its text.
    parent.children.splice(parent.children.indexOf(l as never), 1, ...(l.children as never[]));
  }
  return tree;
}
