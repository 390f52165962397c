import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Position } from '../diagnostics/diagnostic.js';
import { LineIndex } from './line-index.js';
import type { DocPath, Locator } from './locator.js';

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

/** Strict JSON with the source position of every value. */
export function parseJson(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const lines = new LineIndex(text);
  if (errors.length > 0 || !root) {
    // Only the first error: the ones after it are the parser losing its footing.
    const problems = errors.slice(0, 1).map((e) => ({
      ...lines.position(e.offset),
      message: `JSON syntax error: ${explain[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}`,
    }));
    if (problems.length === 0) problems.push({ line: 1, column: 1, message: 'JSON syntax error: the file holds no value' });
    return { ok: false, problems };
  }
  return { ok: true, value: getNodeValue(root), locator: new JsonLocator(root, lines), duplicateKeys: findDuplicateKeys(root, lines) };
}

class JsonLocator implements Locator {
  constructor(
    private readonly root: Node,
    private readonly lines: LineIndex,
  ) {}

  at(path: DocPath, part: 'value' | 'key' = 'value'): Position {
    for (let len = path.length; len >= 0; len--) {
      const node = findNodeAtLocation(this.root, path.slice(0, len) as Array<string | number>);
      if (!node) continue;
      const keyNode = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      // A missing field is reported at its object's key, where the reader's eye already is.
      const target = (part === 'key' || len < path.length) && keyNode ? keyNode : node;
      return this.lines.position(target.offset);
    }
    return { line: 1, column: 1 };
  }
}

function findDuplicateKeys(root: Node, lines: LineIndex): Array<{ key: string; position: Position }> {
  const found: Array<{ key: string; position: Position }> = [];
  const visit = (node: Node): void => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const keyNode = prop.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) found.push({ key, position: lines.position(keyNode.offset) });
        seen.add(key);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}
