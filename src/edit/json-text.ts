import { applyEdits, findNodeAtLocation, modify, parseTree, type JSONPath } from 'jsonc-parser';

/**
 * A JSON file with one value replaced and every other byte as the coordinator wrote it,
 * by jsonc-parser's edits. Only a value the file has is replaced: nothing is added.
 * `raw` is JSON text to put there as written (a list laid out one entry a line).
 */
export function withValue(text: string, path: JSONPath, value: unknown, raw?: string): string {
  const node = findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, path);
  if (!node) return text;
  if (raw !== undefined) return applyEdits(text, [{ offset: node.offset, length: node.length, content: raw }]);
  return applyEdits(text, modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}
