import type { ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { remark } from 'remark';
import { visit } from 'unist-util-visit';

const parser = remark();

/**
 * The points of a minutes file's `## Summary` section, as mdast list items ready to be
 * placed in a report (positions dropped, so the output does not depend on the source layout).
 */
export function summaryPoints(body: string): ListItem[] {
  // Two sections read each session's points (its topics, and the points themselves): parsed once, copied for each.
  let points = parsed.get(body);
  if (!points) {
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    points = parsePoints(body);
    parsed.set(body, points);
  }
  return structuredClone(points);
}

/** Bodies parsed in this process, by their text: a build reads each twice. Bounded, for processes that build often. */
const parsed = new Map<string, ListItem[]>();
const PARSED_KEPT = 10_000;

/** Lets go of the parsed summaries: a year's report is done with its sessions' points, and memory is the build's peak. */
export function forgetSummaryPoints(): void {
  parsed.clear();
}

function parsePoints(body: string): ListItem[] {
  const tree = parser.parse(body) as Root;
  const points: ListItem[] = [];
  let inSummary = false;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      inSummary = node.depth === 2 && plainText(node).trim().toLowerCase() === 'summary';
      continue;
    }
    if (!inSummary) continue;
    if (node.type === 'list') points.push(...node.children.map(stripPositions));
    else if (node.type === 'paragraph')
      points.push(stripPositions({ type: 'listItem', spread: false, children: [node] }));
  }
  return points;
}

/** The tree is this call's own, fresh from the parser: its nodes are changed in place. */
function stripPositions<T extends ListItem | RootContent>(node: T): T {
  visit(node, (n) => {
    delete n.position;
  });
  if ('spread' in node) (node as ListItem).spread = false;
  return node;
}

/**
 * What a summary point is about, for lists of topics: its bold lead ("**Student engagement.** Members…"), or else its
 * first sentence, shortened to a dozen words.
 */
export function pointTopic(point: ListItem): string {
  // A bare address written as a link says nothing of the topic; it is left out, like any link, by its words.
  const words = (node: Nodes): string =>
    node.type === 'link' && plainText(node) === node.url
      ? ''
      : 'children' in node
        ? node.children.map((c: Nodes) => words(c)).join('')
        : plainText(node);
  const first = point.children[0];
  if (first?.type === 'paragraph' && first.children[0]?.type === 'strong')
    return words(first.children[0])
      .trim()
      .replace(/[.:;,]+$/u, '');
  const sentence =
    words(point)
      .replace(/\s+/gu, ' ')
      .trim()
      .split(/(?<=[.!?])\s/u)[0] ?? '';
  const all = sentence.replace(/[.!?]+$/u, '').split(' ');
  return all.length <= 12 ? all.join(' ') : `${all.slice(0, 12).join(' ')}…`;
}
