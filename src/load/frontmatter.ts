import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Position } from '../diagnostics/diagnostic.js';
import type { SyntaxProblem } from './json-document.js';
import { LineIndex } from './line-index.js';
import type { DocPath, Locator } from './locator.js';

export type ParsedMarkdown =
  | { ok: true; data: unknown; locator: Locator; body: string; bodyLine: number }
  | { ok: false; problems: SyntaxProblem[] };

const OPEN = /^[ ]?---[ \t]*\r?\n/; // a leading space stands where a BOM was removed
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits a minutes file into its YAML frontmatter and Markdown body, and parses the
 * frontmatter keeping the position of every node (gray-matter keeps none).
 */
export function parseMarkdownWithFrontmatter(text: string): ParsedMarkdown {
  const lines = new LineIndex(text);
  const open = OPEN.exec(text);
  if (!open) {
    return {
      ok: false,
      problems: [{ line: 1, column: 1, message: 'the file must start with a frontmatter block: a line "---", the fields, then another line "---"' }],
    };
  }
  const start = open[0].length;
  const rest = text.slice(start);
  const close = CLOSE.exec(rest);
  if (!close) {
    return { ok: false, problems: [{ line: 1, column: 1, message: 'the frontmatter block is not closed: add a line "---" after the last field' }] };
  }
  const yamlText = rest.slice(0, close.index);
  const bodyOffset = start + close.index + close[0].length;

  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 1).map((e) => ({
        ...lines.position(start + e.pos[0]),
        message: `YAML syntax error: ${firstLine(e.message)}. Check the brackets, quotes and indentation here and on the line before (text with a colon in it needs double quotes)`,
      })),
    };
  }
  const data: unknown = doc.toJS() ?? {};
  return {
    ok: true,
    data,
    locator: new LazyYamlLocator(yamlText, start, lines),
    body: text.slice(bodyOffset),
    bodyLine: lines.position(bodyOffset).line,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Keeps the frontmatter's text, not its syntax tree: a repository of a thousand minutes
 * would otherwise hold a thousand trees for positions that clean data never asks for.
 */
class LazyYamlLocator implements Locator {
  private tree: YamlLocator | undefined;
  constructor(
    private readonly yamlText: string,
    private readonly offset: number,
    private readonly lines: LineIndex,
  ) {}
  at(path: DocPath, part?: 'value' | 'key'): Position {
    this.tree ??= new YamlLocator(parseDocument(this.yamlText, { uniqueKeys: true }).contents, this.offset, this.lines);
    return this.tree.at(path, part);
  }
}

class YamlLocator implements Locator {
  constructor(
    private readonly root: unknown,
    private readonly offset: number,
    private readonly lines: LineIndex,
  ) {}

  at(path: DocPath, part: 'value' | 'key' = 'value'): Position {
    let node: unknown = this.root;
    let keyNode: unknown = undefined;
    let best: number = this.rangeStart(node) ?? 0;
    for (const step of path) {
      const next = this.child(node, step);
      if (!next) {
        // A missing field: point at the key of the object that should hold it.
        const at = this.rangeStart(keyNode) ?? best;
        return this.lines.position(this.offset + at);
      }
      node = next.value;
      keyNode = next.key;
      best = this.rangeStart(node) ?? this.rangeStart(keyNode) ?? best;
    }
    const at = part === 'key' ? (this.rangeStart(keyNode) ?? best) : best;
    return this.lines.position(this.offset + at);
  }

  private child(node: unknown, step: string | number): { value: unknown; key: unknown } | undefined {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === String(step)) {
          return { value: pair.value ?? pair.key, key: pair.key };
        }
      }
      return undefined;
    }
    if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      return item === undefined ? undefined : { value: item, key: undefined };
    }
    return undefined;
  }

  private rangeStart(node: unknown): number | undefined {
    const range = (node as YamlNode | undefined)?.range;
    return range ? range[0] : undefined;
  }
}

export type { Position };
