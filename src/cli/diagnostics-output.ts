import { relative, resolve } from 'node:path';
import { forPlacesThatKeep, type Diagnostic } from '../rules/diagnostic.js';
import type { CommandIO } from './io.js';
import { code, heading, paragraph, root, table, toMarkdown } from '../format/markdown.js';
import { plural } from '../format/numbers.js';
import { printable } from '../format/printable.js';

/** Inside GitHub Actions the log is kept: it is shown what an annotation would be. */
export function asShown(diagnostics: readonly Diagnostic[], io: CommandIO): Diagnostic[] {
  return io.env['GITHUB_ACTIONS'] === 'true' ? forPlacesThatKeep(diagnostics) : [...diagnostics];
}

/** `path:line:column severity message [rule]`, one problem a line. */
export function formatText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${printable(d.file)}:${d.line}:${d.column} ${d.severity} ${printable(d.message)} [${d.rule}]`)
    .join('\n');
}

/**
 * The contract's fields (`file`, `line`, `column`, `severity`, `rule`, `message`) first,
 * then vfile-message's: `ruleId`, `source`, `place` and, where there are any, `cause` and
 * `expected`.
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map(({ file, line, column, severity, rule, message, source, place, url, cause, expected }) => ({
      file,
      line,
      column,
      severity,
      rule,
      message,
      ruleId: rule,
      source,
      place,
      url,
      ...(cause ? { cause } : {}),
      ...(expected ? { expected } : {}),
    })),
    null,
    2,
  );
}

/**
 * GitHub workflow commands, so problems appear on the pull request's lines. Paths are
 * made relative to the workspace, since `--root` may point below it.
 */
export function formatAnnotations(diagnostics: readonly Diagnostic[], root: string, workspace: string): string {
  return forPlacesThatKeep(diagnostics)
    .map((d) => {
      const file = relative(workspace, resolve(root, d.file)).split('\\').join('/');
      const props = `file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}`;
      return `::${d.severity} ${props}::${escapeData(d.message)}`;
    })
    .join('\n');
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Every problem as a Markdown table for the job summary: GitHub shows only 10 error
 * annotations a step, and a coordinator must see them all.
 */
export function formatJobSummary(diagnostics: readonly Diagnostic[]): string {
  const rows = forPlacesThatKeep(diagnostics).map((d) => [
    code(`${printable(d.file)}:${d.line}:${d.column}`),
    d.severity,
    printable(d.message),
    code(d.rule),
  ]);
  return toMarkdown(
    root([
      heading(2, 'Records validation'),
      paragraph(summarise(diagnostics)),
      ...(rows.length > 0
        ? [table([{ header: 'Where' }, { header: 'Severity' }, { header: 'Problem' }, { header: 'Rule' }], rows)]
        : []),
    ]),
  );
}

export function summarise(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const files = new Set(diagnostics.map((d) => d.file)).size;
  if (diagnostics.length === 0) return 'No problems found.';
  return `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')}.`;
}
