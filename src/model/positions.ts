/** A place in a source file: 1-based line and column (in characters). */
export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

/** Where a value stands: its first character and, where known, the character after its last. */
export interface Place {
  start: Position;
  end?: Position;
}

/** A path into a parsed document: object keys and array indexes. */
export type DocPath = ReadonlyArray<string | number>;

/**
 * Finds where a value (or its key) stands in the source. When the path does not
 * exist, as for a missing field, it answers with the nearest enclosing value that does.
 */
export interface Locator {
  at(path: DocPath, part?: 'value' | 'key'): Position;
  place(path: DocPath, part?: 'value' | 'key'): Place;
}

/** A file as the rules see it: its path for messages and a way to find values in it. */
export interface SourceRef {
  file: string;
  locator?: Locator;
}
