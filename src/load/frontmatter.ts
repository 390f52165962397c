import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { readPlainYaml } from './plain-yaml.js';
import type { Position } from '../model/positions.js';
import type { SyntaxProblem } from './json-document.js';
import { LineIndex } from '../model/line-index.js';
import type { DocPath, Locator, Place } from '../model/positions.js';

export type ParsedMarkdown =
  | {
      ok: true;
      data: unknown;
      locator: Locator;
      body: string;
      bodyLine: number;
      /** A mistake the parser could read past (tabs for indentation): reported, and the rest still checked. */
      recovered?: SyntaxProblem;
    }
  | { ok: false; problems: FrontmatterProblem[] };

/**
 * A problem of a minutes file's frontmatter: its YAML does not parse (`syntax`), or there is no block to parse
 * (`frontmatter`).
 */
interface FrontmatterProblem extends SyntaxProblem {
  kind: 'syntax' | 'frontmatter';
}

/** A file with no frontmatter block to read: told at its first line. */
const noBlock = (message: string): { ok: false; problems: FrontmatterProblem[] } => ({
  ok: false,
  problems: [{ kind: 'frontmatter', line: 1, column: 1, message }],
});

const OPEN = /^[ ]?---[ \t]*\r?\n/; // one stray leading space is tolerated
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/**
 * Splits a minutes file into its YAML frontmatter and Markdown body, and parses the
 * frontmatter. Plain frontmatter, which is nearly all of it, is read by the fast reader;
 * anything else, and every error, goes through the `yaml` package, whose messages and node
 * positions the problems are told with. Positions are found lazily, only when asked.
 */
export function parseMarkdownWithFrontmatter(text: string): ParsedMarkdown {
  const lines = new LineIndex(text);
  const open = OPEN.exec(text);
  if (!open)
    return noBlock('the file must start with a frontmatter block: a line "---", the fields, then another line "---"');
  const start = open[0].length;
  const rest = text.slice(start);
  const close = CLOSE.exec(rest);
  if (!close) return noBlock('the frontmatter block is not closed: add a line "---" after the last field');
  const yamlText = rest.slice(0, close.index);
  const bodyOffset = start + close.index + close[0].length;
  const body = { body: text.slice(bodyOffset), bodyLine: lines.position(bodyOffset).line };

  const plain = readPlainYaml(yamlText);
  if (plain.ok)
    return { ok: true, data: plain.value ?? {}, locator: new LazyYamlLocator(yamlText, start, lines), ...body };

  let doc: Document = parseDocument(yamlText, YAML_OPTIONS);
  let readText = yamlText;
  let recovered: SyntaxProblem | undefined;
  const first = doc.errors[0];
  if (first?.code === 'TAB_AS_INDENT') {
    const retry = withoutIndentTabs(yamlText);
    if (retry) {
      recovered = {
        ...lines.position(start + first.pos[0]),
        message: yamlMessage(first.code, first.message, yamlText, first.pos[0]),
      };
      ({ doc, text: readText } = retry);
    }
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 1).map((e) => ({
        kind: 'syntax' as const,
        ...lines.position(start + e.pos[0]),
        message: yamlMessage(e.code, e.message, yamlText, e.pos[0]),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (e) {
    // Aliases that expand past any honest frontmatter, or name no anchor: told at the first alias.
    const alias = /(?:^|[\s[{,])\*[^\s,\]}]+/.exec(yamlText);
    const at = alias ? alias.index + alias[0].indexOf('*') : 0;
    const message = /Unresolved alias/.test(String(e))
      ? 'YAML alias (*name) with no anchor (&name) before it: write the value itself rather than an alias'
      : 'YAML aliases (*name) that expand too far: write the values themselves rather than aliases of aliases';
    return { ok: false, problems: [{ kind: 'syntax', ...lines.position(start + at), message }] };
  }
  return {
    ok: true,
    data,
    locator: new LazyYamlLocator(readText, start, lines),
    ...body,
    ...(recovered ? { recovered } : {}),
  };
}

const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true } as const;

/**
 * The frontmatter read as if its indenting tabs were spaces, so that one tab does not hide
 * the file's other problems. A tab stands for the file's own indentation step.
 */
function withoutIndentTabs(yamlText: string): { doc: Document; text: string } | undefined {
  // Spaces a level where the other lines use spaces: a mixed file then nests as it looks.
  const unit = Math.min(...[...yamlText.matchAll(/^( +)\S/gm)].map((m) => m[1]!.length), 8);
  for (const width of new Set([unit, 1, 2, 4])) {
    const text = yamlText.replace(/^[ \t]+/gm, (indent) => indent.replace(/\t/g, ' '.repeat(width)));
    const doc = parseDocument(text, YAML_OPTIONS);
    if (doc.errors.length === 0) return { doc, text };
  }
  return undefined;
}

/** The YAML parser's words, with what a coordinator in a web editor can do about them. */
function yamlMessage(code: string, message: string, yaml: string, offset: number): string {
  if (/Maximum call stack/.test(message))
    return 'YAML nested too deeply to read: no frontmatter needs more than a few levels. Restore the record';
  if (code === 'TAB_AS_INDENT')
    return (
      'YAML syntax error: a tab is used to indent this line. Indent with spaces instead (two spaces for each ' +
      'level)'
    );
  const hint = colonHint(yaml, offset);
  return (
    `YAML syntax error: ${firstLine(message)}. ` +
    `${hint ?? 'Check the brackets, quotes and indentation here and on the line before'}`
  );
}

/** `title: Welcome: back` — the second colon makes YAML read a field inside a field. */
function colonHint(yaml: string, offset: number): string | undefined {
  const lineStart = yaml.lastIndexOf('\n', offset - 1) + 1;
  const before = yaml.lastIndexOf('\n', Math.max(0, lineStart - 2)) + 1;
  for (const start of [lineStart, before]) {
    const end = yaml.indexOf('\n', start);
    const line = yaml.slice(start, end < 0 ? undefined : end);
    const m = /^(\s*(?:- )?[\w-]+):\s+([^"'[{|>#].*)$/.exec(line);
    if (m && /:(\s|$)/.test(m[2]!)) {
      return (
        `The text after "${m[1]!.trim()}:" holds a colon: put the whole text in double quotes, as in ` +
        `${m[1]!.trim()}: "${m[2]!.trim().replace(/"/g, '\\"')}"`
      );
    }
  }
  return undefined;
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
    return this.place(path, part).start;
  }
  place(path: DocPath, part?: 'value' | 'key'): Place {
    this.tree ??= new YamlLocator(parseDocument(this.yamlText, { uniqueKeys: true }).contents, this.offset, this.lines);
    return this.tree.place(path, part);
  }
}

class YamlLocator implements Locator {
  constructor(
    private readonly root: unknown,
    private readonly offset: number,
    private readonly lines: LineIndex,
  ) {}

  at(path: DocPath, part: 'value' | 'key' = 'value'): Position {
    return this.place(path, part).start;
  }

  place(path: DocPath, part: 'value' | 'key' = 'value'): Place {
    let node: unknown = this.root;
    let keyNode: unknown;
    let best: [number, number | undefined] = [this.rangeOf(node)?.[0] ?? 0, undefined];
    for (const step of path) {
      const next = this.child(node, step);
      if (!next) {
        // A missing field: point at the key of the object that should hold it.
        const at = this.rangeOf(keyNode) ?? best;
        return this.placeOf(at);
      }
      node = next.value;
      keyNode = next.key;
      best = this.rangeOf(node) ?? this.rangeOf(keyNode) ?? best;
    }
    return this.placeOf(part === 'key' ? (this.rangeOf(keyNode) ?? best) : best);
  }

  private placeOf([start, end]: [number, number | undefined]): Place {
    return {
      start: this.lines.position(this.offset + start),
      ...(end === undefined ? {} : { end: this.lines.position(this.offset + end) }),
    };
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

  private rangeOf(node: unknown): [number, number | undefined] | undefined {
    const range = (node as YamlNode | undefined)?.range;
    return range ? [range[0], range[1]] : undefined;
  }
}
