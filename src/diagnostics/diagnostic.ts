/** One problem found in the data, where a coordinator can find and fix it. */
export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in characters. */
  column: number;
}

export interface Diagnostic extends Position {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  severity: Severity;
  rule: string;
  message: string;
  /**
   * The message for places that keep what they are shown (pull-request comments,
   * workflow annotations and logs, job summaries), where it differs: it names the kind
   * of personal data and where it is, never the data.
   */
  publicMessage?: string;
}

/** The diagnostics as places that keep them may show them. */
export function forPlacesThatKeep(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map(({ publicMessage, ...d }) => (publicMessage === undefined ? d : { ...d, message: publicMessage }));
}

export const START: Position = { line: 1, column: 1 };

/** Stable order: by file, then line, then column, then rule. Never locale-dependent. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
