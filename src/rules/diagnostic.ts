import { compareStrings } from '../format/compare.js';
import type { Place, Position } from '../model/positions.js';
import type { RuleId } from './index.js';

export type Severity = 'error' | 'warning';

/** The other place a problem involves: where an id was first used, the roster entry a date contradicts. */
interface Cause extends Position {
  file: string;
  message: string;
}

/**
 * One problem found in the data, where a coordinator can find and fix it. Shaped like
 * unified's vfile-message (`place`, `ruleId` as `rule`, `source`, `cause`, `expected`),
 * with the contract's flat `file`, `line` and `column`.
 */
export interface Diagnostic extends Position {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  severity: Severity;
  rule: RuleId;
  message: string;
  /** Start (the contract's line and column) and, where known, end of the offending text. */
  place: Place;
  /** What produced it: always this toolchain, for tools that gather messages from several. */
  source: 'cop';
  cause?: Cause;
  /** What would be right there: the id or field meant, the values allowed. */
  expected?: string[];
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

/** Stable order: by file, then line, then column, then rule. Never locale-dependent. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.rule, b.rule) || compareStrings(a.message, b.message);
}
