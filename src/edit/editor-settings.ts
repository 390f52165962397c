import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import { isDeepStrictEqual } from 'node:util';
import { editorSchemaMapping } from '../model/json-schema.js';

export const EDITOR_SETTINGS = '.vscode/settings.json';

export type EditorSettings = { ok: true; text: string } | { ok: false; message: string };

/**
 * `.vscode/settings.json` with `json.schemas` mapping the records to their schemas, and
 * every other setting, comment and byte as it was: the file may hold the team's own settings.
 * Unchanged text when the mapping is already there; not ok when the file cannot be read as
 * JSON with comments, which is then left alone.
 */
export function withSchemaMapping(current: string | undefined): EditorSettings {
  const mapping = editorSchemaMapping();
  if (current === undefined) return { ok: true, text: `${JSON.stringify({ 'json.schemas': mapping }, null, 2)}\n` };
  const errors: ParseError[] = [];
  const value = parse(current, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0 || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      message:
        `${EDITOR_SETTINGS} is not an object of settings that can be read, so the schema mapping was not ` +
        `added to it: fix the file, or add "json.schemas" by hand as docs/recording.md (Editor support) shows`,
    };
  }
  if (isDeepStrictEqual((value as Record<string, unknown>)['json.schemas'], mapping))
    return { ok: true, text: current };
  return {
    ok: true,
    text: applyEdits(
      current,
      modify(current, ['json.schemas'], mapping, { formattingOptions: { insertSpaces: true, tabSize: 2 } }),
    ),
  };
}
