import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Position } from '../model/positions.js';
import { LineIndex } from '../model/line-index.js';
import type { DocPath, Locator, Place } from '../model/positions.js';

export interface SyntaxProblem extends Position {
  message: string;
}

export type ParsedJson =
  | { ok: true; value: unknown; locator: Locator; duplicateKeys: Array<{ key: string; position: Position }> }
  | { ok: false; problems: SyntaxProblem[] };

const explain: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'badly written number',
  PropertyNameExpected: 'expected a field name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":" after the field name',
  CommaExpected: 'expected a comma between entries',
  CloseBraceExpected: 'expected "}" to close the object',
  CloseBracketExpected: 'expected "]" to close the list',
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'text in double quotes is not closed',
  UnexpectedEndOfNumber: 'number is cut short',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape after a backslash',
  InvalidCharacter: 'invalid character in text (a tab or line break inside quotes?)',
};

/**
 * Strict JSON with the source position of every value. The value comes from JSON.parse;
 * the position tree, many times slower to build and heavy to keep, is built only when a
 * problem in the file needs a line and column, which in clean data is never.
 */
export function parseJson(text: string): ParsedJson {
  // Checked first: the parsers, and every check after them, recurse once per level. The same pass finds the keys
  // written twice, which JSON.parse would silently keep one of.
  const lines = new LazyLines(text);
  const scanned = scan(text, lines);
  if ('deep' in scanned) {
    const deep = scanned.deep;
    return {
      ok: false,
      problems: [
        {
          ...new LineIndex(text).position(deep),
          message:
            `JSON nested more than ${MAX_DEPTH} levels deep: no record needs more than a few, so the file ` +
            `is not read. Restore the record`,
        },
      ],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problems: syntaxProblems(text) };
  }
  return { ok: true, value, locator: new LazyJsonLocator(text, lines), duplicateKeys: scanned.duplicates };
}

function syntaxProblems(text: string): SyntaxProblem[] {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const lines = new LineIndex(text);
  // Only the first error: the ones after it are the parser losing its footing.
  const problems = errors.slice(0, 1).map((e) => {
    const mistake = commonMistake(text, printParseErrorCode(e.error), e.offset);
    return {
      ...lines.position(mistake?.offset ?? e.offset),
      message:
        `JSON syntax error: ` +
        `${mistake?.message ?? explain[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`,
    };
  });
  if (problems.length === 0)
    problems.push({ line: 1, column: 1, message: 'JSON syntax error: the file holds no value' });
  return problems;
}

/**
 * The mistakes people make writing JSON by hand, each in a sentence with its fix, at the
 * place to fix it: the parser only sees where it lost its way.
 */
function commonMistake(text: string, code: string, offset: number): { message: string; offset: number } | undefined {
  const at = text.charAt(offset);
  if ((code === 'ValueExpected' || code === 'PropertyNameExpected') && (at === ']' || at === '}')) {
    const comma = previousNonSpace(text, offset);
    if (text.charAt(comma) === ',') {
      return {
        offset: comma,
        message:
          `a comma after the last entry: remove this comma before the closing "${at}" (JSON allows no ` +
          `comma after the last entry)`,
      };
    }
  }
  if (code === 'InvalidSymbol' && at === "'") {
    return {
      offset,
      message:
        'text in single quotes: JSON needs double quotes (") around text and field names, as in "name": "Member 01"',
    };
  }
  if (code === 'InvalidSymbol' && /[\p{L}_]/u.test(at)) {
    const word = /^[\p{L}\p{N}_-]+/u.exec(text.slice(offset))?.[0] ?? at;
    const isKey = /^\s*:/.test(text.slice(offset + word.length));
    return isKey
      ? { offset, message: `the field name ${word} is not in double quotes: write "${word}"` }
      : {
          offset,
          message:
            `the text ${word} is not in double quotes: write "${word}" (only numbers, true, false and null ` +
            `go without quotes)`,
        };
  }
  if (code === 'CommaExpected') {
    return { offset, message: 'a comma is missing before this entry: add "," after the entry before it' };
  }
  return undefined;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text.charAt(i))) i--;
  return i;
}

/** A line index made on first use. */
class LazyLines {
  private index: LineIndex | undefined;
  constructor(private readonly text: string) {}
  position(offset: number): Position {
    this.index ??= new LineIndex(this.text);
    return this.index.position(offset);
  }
}

class LazyJsonLocator implements Locator {
  private tree: JsonLocator | undefined;
  constructor(
    private readonly text: string,
    private readonly lines: LazyLines,
  ) {}
  at(path: DocPath, part?: 'value' | 'key'): Position {
    return this.place(path, part).start;
  }
  place(path: DocPath, part?: 'value' | 'key'): Place {
    this.tree ??= new JsonLocator(parseTree(this.text, [], { disallowComments: true })!, this.lines);
    return this.tree.place(path, part);
  }
}

class JsonLocator implements Locator {
  constructor(
    private readonly root: Node,
    private readonly lines: { position(offset: number): Position },
  ) {}

  at(path: DocPath, part: 'value' | 'key' = 'value'): Position {
    return this.place(path, part).start;
  }

  place(path: DocPath, part: 'value' | 'key' = 'value'): Place {
    for (let len = path.length; len >= 0; len--) {
      const node = findNodeAtLocation(this.root, path.slice(0, len) as Array<string | number>);
      if (!node) continue;
      const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      // A missing field is reported at its object's key, where the reader's eye already is.
      const target = (part === 'key' || len < path.length) && keyNode ? keyNode : node;
      return { start: this.lines.position(target.offset), end: this.lines.position(target.offset + target.length) };
    }
    return { start: { line: 1, column: 1 } };
  }
}

/**
 * JSON.parse keeps the last of two equal keys without a word; one pass over the text finds
 * them. The text is known to be valid JSON here, so the pass only needs to tell strings,
 * keys and braces apart: it is a few times faster than a general tokenizer on large surveys.
 */
/**
 * One pass over a JSON text, outside its strings: where it opens its 65th level of nesting, if it does, or else the
 * keys each object has twice (and `__proto__`), where they are.
 */
function scan(
  text: string,
  lines: LazyLines,
): { deep: number } | { duplicates: Array<{ key: string; position: Position }> } {
  const found: Array<{ key: string; position: Position }> = [];
  // One entry per open brace or bracket: the keys seen in an object, or null for a list.
  const open: Array<Set<string> | null> = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (open.length >= MAX_DEPTH) return { deep: i };
      open.push(c === 0x7b ? new Set() : null);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
    else if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      const seen = open[open.length - 1];
      if (!seen) continue;
      let j = i + 1;
      while (j < n && isJsonSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== 0x3a /* : */) continue;
      const raw = text.slice(start, i + 1);
      const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      // JavaScript reads "__proto__" as the object's prototype, not as a field: it would vanish in silence.
      if (seen.has(key) || key === '__proto__') found.push({ key, position: lines.position(start) });
      seen.add(key);
    }
  }
  return { duplicates: found };
}

/** How deep a record may nest: a survey needs five levels, the limit is far past any honest file. */
const MAX_DEPTH = 64;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
