import type { LoadFinding } from '../load/documents.js';
import type { Lookup } from '../model/lookup.js';
import type { Narrative } from '../model/narrative.js';
import type { DocPath, Position, SourceRef } from '../model/positions.js';
import type { Repository } from '../model/repository.js';
import type { SchemaFinding } from '../schema/index.js';
import type { PersonalData, Severity } from './diagnostic.js';

/**
 * When a rule's problems are found: while reading files (`load`), while checking values
 * against the data model (`schema`), or over the records as a whole (`records`).
 */
type Stage = 'load' | 'schema' | 'records';

export interface ReportOptions {
  part?: 'value' | 'key';
  /** The other place involved, with what it is. */
  cause?: { source: SourceRef; path: DocPath; message: string };
  expected?: readonly string[];
  /** What personal data the problem is about: places that keep messages tell it from this and its place. */
  personal?: PersonalData;
}

/** How a rule tells of a problem: at a value of a file, or at a line and column. */
export interface Report {
  (source: SourceRef, path: DocPath, message: string, options?: ReportOptions): void;
  at(file: string, position: Position, message: string, options?: Omit<ReportOptions, 'part'>): void;
}

export interface RuleContext {
  repo: Repository;
  lookup: Lookup;
  /** What the loader and the schema stage found, for the rules of those stages. */
  load: readonly LoadFinding[];
  schema: readonly SchemaFinding[];
  report: Report;
  /**
   * The problems of a narrative document that need the reports (their sections, the published figures), from the
   * pipeline, which computes them only when there is a narrative; absent where rules run without it.
   */
  narrativeProblems?: (n: Narrative) => Array<Position & { message: string; expected?: string[] }>;
  /** A value computed once per run and shared by the rules that need it (the texts privacy rules search). */
  shared<T>(key: string, make: () => T): T;
}

/**
 * A record that breaks the rule (or keeps it), as files that differ from the example
 * community of `examples/community.ts`, and the problems validation reports for it, each
 * `file:line:column message`: the rule's documentation and its test at once.
 */
export interface Example {
  title: string;
  /** New text of a file, `{ latin1 }` for bytes that are not UTF-8, or null for a file removed. */
  files: Readonly<Record<string, string | { latin1: string } | null>>;
  /** Empty for a record that keeps the rule. */
  expect: readonly string[];
}

export interface Rule<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** What it reports, for the rule table: "a date that is not a real YYYY-MM-DD calendar date". */
  summary: string;
  stage: Stage;
  /**
   * A rule that is always an error: data/community.json cannot turn it off or down (a file that does not parse cannot
   * be checked).
   */
  alwaysError?: boolean;
  /**
   * A rule about personal data: its findings are never repeated where messages are kept, and the review counts them
   * apart.
   */
  personalData?: boolean;
  /** May be async, for a rule that loads a library only when there is something to give it. */
  check(ctx: RuleContext): void | Promise<void>;
  /** At least one record that breaks the rule and one that keeps it. */
  examples: readonly Example[];
}

/** A rule, typed so that its id joins `RuleId`. One file a rule, listed once in `index.ts`. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}
