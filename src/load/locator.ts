import type { Position } from '../diagnostics/diagnostic.js';

/** A path into a parsed document: object keys and array indexes. */
export type DocPath = ReadonlyArray<string | number>;

/**
 * Finds where a value (or its key) stands in the source. When the path does not
 * exist, as for a missing field, it answers with the nearest enclosing value that does.
 */
export interface Locator {
  at(path: DocPath, part?: 'value' | 'key'): Position;
}
