import type { RuleId } from '../checks/rules.js';
import type { DocPath, Locator } from '../load/locator.js';
import { START, compareDiagnostics, type Diagnostic, type Position, type Severity } from './diagnostic.js';

/** A file as the checks see it: its path for messages and a way to find values in it. */
export interface SourceRef {
  file: string;
  locator?: Locator;
}

/** Gathers every problem of a run, so that one bad file never hides another's. */
export class DiagnosticCollector {
  private readonly items: Diagnostic[] = [];

  add(severity: Severity, rule: RuleId, source: SourceRef, path: DocPath, message: string, part: 'value' | 'key' = 'value'): void {
    const position: Position = source.locator ? source.locator.at(path, part) : START;
    this.items.push({ file: source.file, ...position, severity, rule, message });
  }

  error(rule: RuleId, source: SourceRef, path: DocPath, message: string, part?: 'value' | 'key'): void {
    this.add('error', rule, source, path, message, part);
  }

  warning(rule: RuleId, source: SourceRef, path: DocPath, message: string, part?: 'value' | 'key'): void {
    this.add('warning', rule, source, path, message, part);
  }

  at(file: string, position: Position, severity: Severity, rule: RuleId, message: string, publicMessage?: string): void {
    this.items.push({ file, ...position, severity, rule, message, ...(publicMessage === undefined ? {} : { publicMessage }) });
  }

  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}
