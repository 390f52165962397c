import { compareStrings } from '../format/compare.js';
import type { Place, Position } from '../model/positions.js';

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
/**
 * Personal data a problem is about, as data: what it is in words (`an email address`,
 * `what looks like a phone number`) and how to fix it. Where the message is kept (a
 * pull-request comment, a workflow log, an issue comment), it is told from these and its
 * place, never from the data itself.
 */
export interface PersonalData {
  kind: 'personal-email' | 'personal-phone' | 'student-number' | 'personal-name' | 'member-name';
  what: string;
  fix: string;
}

export interface Diagnostic extends Position {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  severity: Severity;
  /** The rule's id: one of `RuleId` (rules/index.ts), which types it where the rules are known. */
  rule: string;
  message: string;
  /** Start (the contract's line and column) and, where known, end of the offending text. */
  place: Place;
  /** What produced it: always this toolchain, for tools that gather messages from several. */
  source: 'cop';
  cause?: Cause;
  /** What would be right there: the id or field meant, the values allowed. */
  expected?: string[];
  /** Where the rule is documented, relative to the repository's root: `docs/rules.md#personal-email`. */
  url: string;
  /** For a problem about personal data: what it is and how to fix it, so that kept messages can be told without it. */
  personal?: PersonalData;
}

/**
 * A problem about personal data, told at a place (`at line 12, column 5`, `in line 2 of the answer`) instead of with
 * the data.
 */
export const toldAt = (personal: PersonalData, place: string): string => `${personal.what} ${place}: ${personal.fix}`;

/** The diagnostics as places that keep them may show them: personal data named by its kind and place only. */
export function forPlacesThatKeep(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) =>
    d.personal === undefined ? d : { ...d, message: toldAt(d.personal, `at line ${d.line}, column ${d.column}`) },
  );
}

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
