import type { ListItem, Nodes, Root } from 'mdast';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { toString as plainText } from 'mdast-util-to-string';
import { remark } from 'remark';
import { visit } from 'unist-util-visit';
import { list, root, toMarkdown } from '../format/markdown.js';

/**
 * A session's summary as the reports use it: its points as one Markdown list (empty when the minutes have no
 * `## Summary` section or it holds no point), and what each point is about.
 */
export interface Summary {
  markdown: string;
  topics: string[];
}

/** The points of a minutes file's `## Summary` section, parsed once per build: two sections read them. */
export function sessionSummary(body: string): Summary {
  let summary = parsed.get(body);
  if (!summary) {
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    summary = quickSummary(body) ?? treeSummary(body);
    parsed.set(body, summary);
  }
  return summary;
}

/** Bodies read in this process, by their text. Bounded, for processes that build often. */
const parsed = new Map<string, Summary>();
const PARSED_KEPT = 10_000;

/** Lets go of the summaries read: a year's report is done with its sessions' points. */
export function forgetSummaryPoints(): void {
  parsed.clear();
}

// The summaries are most of the records' text. Parsing each into a syntax tree and writing the tree out again was
// half a large build; markdown-it finds the points' lines in a tenth of the time, and the points keep the words the
// community wrote. Only points made of paragraphs and lists are taken this way; anything else (code, quotes, HTML,
// headings, blank lines or lazy lines inside a point) goes through the tree, as every summary once did.
// The blocks (lists, items, paragraphs) of every summary are parsed; the words inside only where a topic is read
// from them, by a second parser given the document's link definitions.
const blocks = new MarkdownIt('commonmark');
blocks.core.ruler.disable(['inline', 'text_join']);
const words = new MarkdownIt('commonmark');
// Nesting as deep as the validator lets through (32 levels), where markdown-it's own bound (20) would stop reading.
for (const md of [blocks, words]) (md.options as { maxNesting?: number }).maxNesting = 64;
// markdown-it leaves a link to a script or a file as text, where CommonMark (and the syntax tree) reads a link: the
// same reading as the tree's is kept here, and what a link may point to is for the validator and the site.
blocks.validateLink = () => true;
words.validateLink = () => true;

/** The inline tokens of a block's text, read as they would be in the document (whose link definitions `env` holds). */
const inlineOf = (block: Token, env: object): Token[] => words.parseInline(block.content, env)[0]?.children ?? [];

/** Tokens a point taken as its own lines may hold. */
const PLAIN_POINT = new Set([
  'list_item_open',
  'list_item_close',
  'bullet_list_open',
  'bullet_list_close',
  'ordered_list_open',
  'ordered_list_close',
  'paragraph_open',
  'paragraph_close',
  'inline',
]);

/** A list item's first line: its marker, one space, then its words. */
const ITEM_START = /^( {0,3})(?:[-*+]|\d{1,9}[.)]) (?=\S)/;

function quickSummary(body: string): Summary | undefined {
  if (body.includes('\t') || body.includes('\r')) return undefined;
  const env = {};
  const tokens = blocks.parse(body, env);
  const lines = body.split('\n');
  const points: string[] = [];
  const topics: string[] = [];
  let inSummary = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.level !== 0 || t.nesting === -1) continue;
    const end = closing(tokens, i);
    if (t.type === 'heading_open' && (t.tag === 'h1' || t.tag === 'h2')) {
      inSummary =
        t.tag === 'h2' &&
        inlineText(inlineOf(tokens[i + 1]!, env), false)
          .trim()
          .toLowerCase() === 'summary';
    } else if (inSummary && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) {
      for (let j = i + 1; j < end; j = closing(tokens, j) + 1) {
        const point = itemLines(lines, tokens, j, closing(tokens, j));
        if (point === undefined) return undefined;
        points.push(point);
        topics.push(topicOf(tokens, j + 1, closing(tokens, j), env));
      }
    } else if (inSummary && t.type === 'paragraph_open') {
      const [from, to] = t.map!;
      const own = lines.slice(from, to).map((l) => l.trimStart());
      points.push([`- ${own[0]}`, ...own.slice(1).map((l) => `  ${l}`)].join('\n'));
      topics.push(topicOf(tokens, i, end + 1, env));
    }
    i = end;
  }
  return { markdown: points.join('\n'), topics };
}

/** The index of the token that closes the one at `i` (the token itself when it opens nothing). */
function closing(tokens: Token[], i: number): number {
  const open = tokens[i]!;
  if (open.nesting !== 1) return i;
  let j = i + 1;
  while (j < tokens.length && !(tokens[j]!.level === open.level && tokens[j]!.nesting === -1)) j++;
  return j;
}

/**
 * A list item's own lines, as an item of a `-` list at the left margin; undefined when the item holds more than
 * paragraphs and lists, or lines that only its position in the minutes gives a meaning (blank or lazy ones).
 */
function itemLines(lines: string[], tokens: Token[], open: number, close: number): string | undefined {
  for (let k = open; k <= close; k++) if (!PLAIN_POINT.has(tokens[k]!.type)) return undefined;
  if (tokens[open + 1]?.type !== 'paragraph_open') return undefined;
  const [from, to] = tokens[open]!.map!;
  const own = lines.slice(from, to);
  while (own.length > 1 && own[own.length - 1]!.trim() === '') own.pop();
  const start = ITEM_START.exec(own[0]!);
  if (!start) return undefined;
  const width = start[0].length;
  const rest = own.slice(1);
  const indent = ' '.repeat(width);
  if (rest.some((l) => !l.startsWith(indent) || l.trim() === '')) return undefined;
  return [`- ${own[0]!.slice(width)}`, ...rest.map((l) => `  ${l.slice(width)}`)].join('\n');
}

/**
 * What a point is about, for lists of topics: its bold lead ("**Student engagement.** Members…"), or else its first
 * sentence, shortened to a dozen words. The tokens are the point's, from its first paragraph to its end.
 */
function topicOf(tokens: Token[], from: number, to: number, env: object): string {
  // markdown-it leaves an empty text token where an emphasis delimiter run was taken whole.
  const first = (tokens[from]!.type === 'paragraph_open' ? inlineOf(tokens[from + 1]!, env) : []).filter(
    (c) => !(c.type === 'text' && c.content === ''),
  );
  if (first[0]?.type === 'strong_open') {
    const strong = first.slice(0, closing(first, 0) + 1);
    return leadOf(inlineText(strong, true));
  }
  let text = '';
  for (let k = from; k < to; k++) if (tokens[k]!.type === 'inline') text += inlineText(inlineOf(tokens[k]!, env), true);
  return firstSentence(text);
}

/**
 * The plain text of inline tokens, as mdast-util-to-string gives it for the same Markdown: the words, code, inline
 * HTML and image descriptions, without the marks. With `dropBareLinks`, a bare address written as a link says
 * nothing of a topic and is left out.
 */
function inlineText(children: Token[], dropBareLinks: boolean): string {
  let out = '';
  for (let k = 0; k < children.length; k++) {
    const c = children[k]!;
    if (c.type === 'link_open' && dropBareLinks) {
      const end = closing(children, k);
      const text = inlineText(children.slice(k + 1, end), false);
      if (c.markup !== 'autolink' && blocks.normalizeLink(text) !== c.attrGet('href'))
        out += inlineText(children.slice(k + 1, end), true);
      k = end;
    } else if (c.type === 'text' || c.type === 'code_inline' || c.type === 'html_inline') out += c.content;
    else if (c.type === 'image') out += inlineText(c.children ?? [], false);
    else if (c.type === 'softbreak') out += '\n';
  }
  return out;
}

const leadOf = (text: string) => text.trim().replace(/[.:;,]+$/u, '');

function firstSentence(text: string): string {
  const sentence =
    text
      .replace(/\s+/gu, ' ')
      .trim()
      .split(/(?<=[.!?])\s/u)[0] ?? '';
  const all = sentence.replace(/[.!?]+$/u, '').split(' ');
  return all.length <= 12 ? all.join(' ') : `${all.slice(0, 12).join(' ')}…`;
}

const parser = remark();

/** Any summary, through its syntax tree: the points written out again as Markdown. */
function treeSummary(body: string): Summary {
  const tree = parser.parse(body) as Root;
  const points: ListItem[] = [];
  let inSummary = false;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      inSummary = node.depth === 2 && plainText(node).trim().toLowerCase() === 'summary';
      continue;
    }
    if (!inSummary) continue;
    if (node.type === 'list') points.push(...node.children);
    else if (node.type === 'paragraph') points.push({ type: 'listItem', spread: false, children: [node] });
  }
  // Positions dropped and every point tight, so the report does not depend on the minutes' layout.
  for (const point of points) {
    visit(point, (n) => {
      delete n.position;
    });
    point.spread = false;
  }
  const markdown = points.length === 0 ? '' : toMarkdown(root([list(points)])).trimEnd();
  return { markdown, topics: points.map(treeTopic) };
}

function treeTopic(point: ListItem): string {
  const words = (node: Nodes): string =>
    node.type === 'link' && plainText(node) === node.url
      ? ''
      : 'children' in node
        ? node.children.map((c: Nodes) => words(c)).join('')
        : plainText(node);
  const first = point.children[0];
  if (first?.type === 'paragraph' && first.children[0]?.type === 'strong') return leadOf(words(first.children[0]));
  return firstSentence(words(point));
}
