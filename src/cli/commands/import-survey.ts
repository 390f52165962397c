import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { runChecks } from '../../checks/index.js';
import { DiagnosticCollector } from '../../diagnostics/collector.js';
import { ExportError, readExport, type ExportFormat } from '../../import/export-table.js';
import { MappingSchema, matchExport, type Mapping } from '../../import/match.js';
import { parseJson } from '../../load/json-document.js';
import { loadRepository, surveyFromText } from '../../load/repository.js';
import { readTextFile } from '../../load/text-file.js';
import type { SurveyResponse } from '../../model/survey.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { parseOptions, UsageError, type CommandIO } from '../io.js';
import { writeAtomically } from '../write-file.js';
import { plural } from '../../reports/numbers.js';

/**
 * `cop import-survey`: a survey tool's export into a survey file's responses, keeping
 * answers only. Nothing is written unless every column and answer matches and the result
 * passes validation; then the file is replaced in one rename.
 */
export async function runImportSurvey(args: string[], root: string, io: CommandIO): Promise<number> {
  const opts = parseOptions(args, {
    from: { type: 'string' },
    into: { type: 'string' },
    format: { type: 'string', default: 'auto' },
    map: { type: 'string' },
    replace: { type: 'boolean', default: false },
    'include-partial': { type: 'boolean', default: false },
  });
  const from = opts.from as string | undefined;
  const into = opts.into as string | undefined;
  const format = opts.format as string;
  if (!from || !into) throw new UsageError('import-survey needs --from <export file> and --into <surveys/YEAR/ID.json>');
  if (!['auto', 'qualtrics', 'google-forms', 'ms-forms'].includes(format)) throw new UsageError(`--format must be auto, qualtrics, google-forms or ms-forms, not "${format}"`);

  const target = join(root, into);
  const current = await readTextFile(target);
  if (!current.ok) throw new UsageError(`${into} cannot be read: it must be the survey's file, with its questions, before its responses are imported`);
  const survey = surveyFromText(into, current.text, new DiagnosticCollector())?.data;
  if (!survey) {
    io.err(`${into} is not a valid survey file: fix it first (see "cop validate").`);
    return 1;
  }
  if (survey.responses.length > 0 && !opts.replace) {
    io.err(`${into} already holds ${plural(survey.responses.length, 'response')}: nothing was changed. Use --replace to replace them.`);
    return 1;
  }

  let mapping: Mapping = {};
  if (opts.map) {
    const text = await readFile(String(opts.map), 'utf8').catch(() => undefined);
    const json = text === undefined ? undefined : parseJson(text);
    const checked = json?.ok ? MappingSchema.safeParse(json.value) : undefined;
    if (!checked?.success) throw new UsageError(`--map ${String(opts.map)} must be a JSON file { "columns": { "<header>": "<question id>" }, "answers": { "<question id>": { "<label>": "<value>" } } }`);
    mapping = checked.data;
  }

  let table;
  try {
    table = await readExport(await readFile(from), basename(from), format as ExportFormat | 'auto');
  } catch (e) {
    if (e instanceof ExportError || (e as NodeJS.ErrnoException).code === 'ENOENT') {
      io.err(`cop: ${e instanceof Error ? e.message : String(e)}`);
      return 1;
    }
    throw e;
  }
  const matched = matchExport(table, survey, mapping, opts['include-partial'] === true);
  if (!matched.ok) {
    for (const p of matched.problems) io.err(`${basename(from)}:${p.row === undefined ? '' : `row ${p.row}, `}column ${p.column} ("${p.header}"): ${p.message}`);
    io.err(`${matched.problems.length} ${matched.problems.length === 1 ? 'problem' : 'problems'}: nothing was written to ${into}.`);
    return 1;
  }

  const next = withResponses(current.text, matched.responses, opts.replace === true && survey.quotes !== undefined);
  const problems = await validateReplacement(root, into, next);
  if (problems.length > 0) {
    io.err(formatText(asShown(problems, io)));
    io.err(`The imported survey would not pass validation: nothing was written to ${into}. Correct the export (or --map) and import again.`);
    return 1;
  }
  await writeAtomically(target, next);
  io.out(
    `Imported ${plural(matched.responses.length, 'response')} from a ${table.format} export into ${into}` +
      `${matched.left.unfinished > 0 ? `; ${matched.left.unfinished} unfinished left out (--include-partial keeps them)` : ''}. ` +
      'Only answers were kept: identifiers, timestamps and other metadata were dropped, and responses were given new ids.' +
      (opts.replace && survey.quotes ? ' The chosen quotes were removed: they pointed at the replaced responses.' : ''),
  );
  return 0;
}

/** The survey file with its responses replaced, one a line; everything else as the coordinator wrote it. */
function withResponses(text: string, responses: SurveyResponse[], dropQuotes: boolean): string {
  let out = text;
  const replaceNode = (path: string[], value: string) => {
    const node = findNodeAtLocation(parseTree(out)!, path);
    if (node) out = out.slice(0, node.offset) + value + out.slice(node.offset + node.length);
  };
  const body = responses.length === 0 ? '[]' : `[\n${responses.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`;
  replaceNode(['responses'], body);
  if (dropQuotes) replaceNode(['quotes'], '[]');
  return out.endsWith('\n') ? out : `${out}\n`;
}

/** Every error the repository would have with the new survey file in place, in that file. */
async function validateReplacement(root: string, file: string, text: string) {
  const out = new DiagnosticCollector();
  const { repo } = await loadRepository(root, new DiagnosticCollector());
  const replacement = surveyFromText(file, text, out);
  if (replacement) {
    repo.surveys = [...repo.surveys.filter((s) => s.file !== file), replacement];
    runChecks(repo, out);
  }
  return out.sorted().filter((d) => d.file === file && d.severity === 'error');
}
