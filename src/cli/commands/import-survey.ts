import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { validateRepository } from '../../pipeline/index.js';
import { ExportError, readExport, type ExportFormat, type ExportTable } from '../../import/export-table.js';
import {
  MappingSchema,
  matchExport,
  type ImportProblem,
  type Mapping,
  type ResponseSource,
} from '../../import/match.js';
import { parseJson } from '../../load/json-document.js';
import { surveyFromText } from '../../schema/index.js';
import { LineIndex } from '../../model/line-index.js';
import { readTextFile } from '../../load/text-file.js';
import type { Diagnostic } from '../../rules/diagnostic.js';
import type { SurveyResponse } from '../../model/survey.js';
import { asShown } from '../diagnostics-output.js';
import { printProblems } from '../import-problems.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';
import { readableRecords } from './load-valid.js';
import { withValue } from '../../edit/json-text.js';
import { plural } from '../../format/numbers.js';

/**
 * `cop import-survey`: a survey tool's export into a survey file's responses, keeping
 * answers only. Nothing is written unless every column and answer matches and the result
 * passes validation; then the file is replaced in one rename.
 */
export default defineCommand({
  name: 'import-survey',
  summary: "fill a survey's responses from a survey tool's export",
  options: {
    from: {
      type: 'string',
      value: '<export>',
      required: true,
      description: 'the export: Qualtrics or Google Forms CSV, Microsoft Forms .xlsx or CSV',
    },
    into: {
      type: 'string',
      value: '<surveys/YEAR/ID.json>',
      required: true,
      description: 'the survey file, with its questions',
    },
    format: {
      type: 'string',
      choices: ['auto', 'qualtrics', 'google-forms', 'ms-forms'],
      default: 'auto',
      description: "the export's tool",
    },
    map: {
      type: 'string',
      value: '<mapping.json>',
      description: 'columns and answers that differ from the survey file',
    },
    replace: { type: 'boolean', default: false, description: 'replace responses the file already holds' },
    'include-partial': { type: 'boolean', default: false, description: 'keep unfinished responses' },
    'include-preview': {
      type: 'boolean',
      default: false,
      description: 'keep preview, test, spam and imported responses',
    },
    'ignore-unmatched': {
      type: 'boolean',
      default: false,
      description: 'leave out the columns that match no question, and list them',
    },
    'drop-codes': {
      type: 'boolean',
      default: false,
      description: 'with --replace: remove the codes of written answers, which point at the replaced responses',
    },
  },
  async run({ options: opts, root, io }) {
    const { from, into, format } = opts;

    if (!(await readableRecords(root, io))) return 1;
    const target = join(root, into);
    const current = await readTextFile(target);
    if (!current.ok)
      throw new UsageError(
        `${into} cannot be read: it must be the survey's file, with its questions, before its responses are imported`,
      );
    const survey = surveyFromText(into, current.text)?.data;
    if (!survey) {
      io.err(`${into} is not a valid survey file: fix it first (see "cop validate").`);
      return 1;
    }
    if (survey.responses.length > 0 && !opts.replace) {
      io.err(
        `${into} already holds ${plural(survey.responses.length, 'response')}: nothing was changed. Use --replace ` +
          `to replace them.`,
      );
      return 1;
    }
    const coded = survey.codes?.length ?? 0;
    if (opts.replace && coded > 0 && !opts['drop-codes']) {
      io.err(
        `${into} holds the codes of ${plural(coded, 'written answer')}, and they point at the responses --replace ` +
          `would remove: nothing was changed. Keep them in a sheet first (cop codes --export), then import again ` +
          `with --drop-codes.`,
      );
      return 1;
    }

    let mapping: Mapping = {};
    if (opts.map) {
      const text = await readFile(String(opts.map), 'utf8').catch(() => undefined);
      const json = text === undefined ? undefined : parseJson(text);
      const checked = json?.ok ? MappingSchema.safeParse(json.value) : undefined;
      if (!checked?.success)
        throw new UsageError(
          `--map ${String(opts.map)} must be a JSON file { "columns": { "<header>": "<question id>" }, "answers": ` +
            `{ "<question id>": { "<label>": "<value>" } } }`,
        );
      mapping = checked.data;
    }

    let table: ExportTable;
    try {
      table = await readExport(await readFile(from), basename(from), format as ExportFormat | 'auto');
    } catch (e) {
      if (e instanceof ExportError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
        io.err(`cop: ${e instanceof Error ? e.message : String(e)}`);
        return 1;
      }
      throw e;
    }
    const matched = matchExport(table, survey, mapping, {
      includePartial: opts['include-partial'] === true,
      includePreview: opts['include-preview'] === true,
      ignoreUnmatched: opts['ignore-unmatched'] === true,
    });
    const name = basename(from);
    if (!matched.ok) {
      printProblems(io, name, matched.problems);
      io.err(`${plural(matched.problems.length, 'problem')} in ${name}: nothing was written to ${into}.`);
      return 1;
    }

    const next = withResponses(
      current.text,
      matched.responses,
      opts.replace === true && survey.quotes !== undefined,
      opts.replace === true && coded > 0,
    );
    const problems = await validateReplacement(root, into, next);
    if (problems.length > 0) {
      printProblems(io, name, inExportTerms(problems, next, matched.sources, asShown(problems, io)));
      io.err(
        `The imported answers would not pass validation: nothing was written to ${into}. Correct the export (or ` +
          `--map) and import again.`,
      );
      return 1;
    }
    await removeLeftovers(root);
    await writeAtomically(target, next);
    const l = matched.left;
    const leftOut = [
      l.preview > 0 ? plural(l.preview, 'preview response') : '',
      l.test > 0 ? plural(l.test, 'test response') : '',
      l.spam > 0 ? `${plural(l.spam, 'response')} marked as spam` : '',
      l.imported > 0 ? `${plural(l.imported, 'response')} imported into the survey tool from elsewhere` : '',
    ].filter(Boolean);
    io.out(
      [
        `Read ${plural(matched.read, 'data row')} of a ${table.layout} export (after ` +
          `${plural(table.headerRows, 'header row')}); imported ${plural(matched.responses.length, 'response')} ` +
          `into ${into}.`,
        ...(leftOut.length > 0
          ? [`Left out ${leftOut.join(', ')}: not members' answers (--include-preview keeps them).`]
          : []),
        ...(l.unfinished > 0
          ? [`Left out ${plural(l.unfinished, 'unfinished response')} (--include-partial keeps them).`]
          : []),
        'Only answers were kept: identifiers, timestamps and other metadata were dropped, and responses were ' +
          'given new ids.',
        ...(table.dropped.length > 0 ? [`Metadata columns dropped: ${table.dropped.join(', ')}.`] : []),
        ...(matched.unmatched.length > 0
          ? [
              `Left out ${plural(matched.unmatched.length, 'column')} that match no question ` +
                `(--ignore-unmatched); check that none of them was a question:`,
              ...matched.unmatched.map((h) => `  ${h}`),
            ]
          : []),
        ...(opts.replace && survey.quotes
          ? ['The chosen quotes were removed: they pointed at the replaced responses.']
          : []),
        ...(opts.replace && coded > 0
          ? [`The codes of ${plural(coded, 'written answer')} were removed (--drop-codes); the codebook stays.`]
          : []),
      ].join('\n'),
    );
    return 0;
  },
});

/**
 * Problems the validator finds in the file the import would write, told at the export's
 * row and column: that file was never written, so its lines mean nothing to anyone.
 */
function inExportTerms(
  problems: readonly Diagnostic[],
  text: string,
  sources: readonly ResponseSource[],
  shown: readonly Diagnostic[],
): ImportProblem[] {
  const tree = parseTree(text)!;
  const lines = new LineIndex(text);
  const lineOf = new Map<number, number>();
  sources.forEach((_, i) => {
    const node = findNodeAtLocation(tree, ['responses', i]);
    if (node) lineOf.set(lines.position(node.offset).line, i);
  });
  return problems.map((d, k) => {
    const message = shown[k]!.message;
    const i = lineOf.get(d.line);
    if (i === undefined) return { column: 0, header: '', message: `${d.file}:${d.line}:${d.column} ${message}` };
    const source = sources[i]!;
    // The answer whose text holds the problem's column, on the response's one line.
    const answers = Object.keys(source.columns).map((qid) => ({
      qid,
      node: findNodeAtLocation(tree, ['responses', i, 'answers', qid]),
    }));
    const hit = answers.find(
      ({ node }) =>
        node &&
        lines.position(node.offset).column <= d.column &&
        d.column <= lines.position(node.offset + node.length).column,
    );
    const column = hit ? source.columns[hit.qid]! : undefined;
    return {
      row: source.row,
      column: column?.column ?? 0,
      header: column ? `${column.header}` : '',
      message: `${message}${hit ? ` (question ${hit.qid})` : ''} [${d.rule}]`,
    };
  });
}

/** The survey file with its responses replaced, one a line; everything else as the coordinator wrote it. */
function withResponses(text: string, responses: SurveyResponse[], dropQuotes: boolean, dropCodes: boolean): string {
  // One response a line: a later import's diff shows which answers changed.
  const body =
    responses.length === 0 ? '[]' : `[\n${responses.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`;
  let out = withValue(text, ['responses'], responses, body);
  if (dropQuotes) out = withValue(out, ['quotes'], []);
  if (dropCodes) out = withValue(out, ['codes'], []);
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** Every error the repository would have with the new survey file in place, in that file. */
async function validateReplacement(root: string, file: string, text: string) {
  const { diagnostics } = await validateRepository(root, { [file]: text });
  return diagnostics.filter((d) => d.file === file && d.severity === 'error');
}
