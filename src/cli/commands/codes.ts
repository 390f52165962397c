import { readFile, writeFile } from 'node:fs/promises';
import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import { basename, extname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { withValue } from '../../edit/json-text.js';
import { plural } from '../../format/numbers.js';
import {
  codesFromSheet,
  codingCsv,
  codingXlsx,
  readSheet,
  writtenAnswers,
  type SheetProblem,
} from '../../import/coding-sheet.js';
import type { SurveyFile } from '../../model/repository.js';
import { validateRepository } from '../../pipeline/index.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { defineCommand } from '../command.js';
import { type CommandIO, UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';

/** `2024-25/member-evaluation`: how a survey is named on the command line and in a coding sheet. */
const nameOf = (s: SurveyFile) => s.file.replace(/^surveys\//, '').replace(/\.json$/, '');

export default defineCommand({
  name: 'codes',
  summary: 'list written answers and their codes; export them to a sheet to code in Excel, and import it back',
  options: {
    survey: {
      type: 'string',
      value: '<year>/<id>',
      description: 'one survey, for example 2024-25/member-evaluation (every survey without it)',
    },
    format: { type: 'string', choices: ['text', 'json'], default: 'text', description: 'how the list is printed' },
    export: {
      type: 'string',
      value: '<file.csv|file.xlsx>',
      description:
        "write the survey's written answers to a sheet to code in Excel: one row an answer, one column a code",
    },
    import: {
      type: 'string',
      value: '<file.csv|file.xlsx>',
      description: 'read the codes marked in such a sheet back into the survey file',
    },
  },
  notes:
    'In a coding sheet, mark an answer\'s codes with an x (any mark but an empty cell, 0 or "no"); the notes ' +
    'column is yours and is not read. Import checks every row first and writes the codes only when all of them ' +
    'are right.',
  async run({ options: opts, root, io }) {
    if (opts.export !== undefined && opts.import !== undefined)
      throw new UsageError('--export and --import go one at a time: export, code the sheet, then import it');
    const { repo, diagnostics } = await validateRepository(root);
    const surveys = repo.surveys.filter((s) => opts.survey === undefined || nameOf(s) === opts.survey);
    if (opts.survey !== undefined && surveys.length === 0) {
      const broken = diagnostics.some((d) => d.file === `surveys/${opts.survey}.json` && d.severity === 'error');
      if (broken) {
        io.err(
          formatText(
            asShown(
              diagnostics.filter((d) => d.file === `surveys/${opts.survey}.json` && d.severity === 'error'),
              io,
            ),
          ),
        );
        io.err(`surveys/${opts.survey}.json has errors: fix them first (see "cop validate").`);
        return 1;
      }
      throw new UsageError(
        `--survey ${opts.survey}: no survey file surveys/${opts.survey}.json. The surveys are: ` +
          `${repo.surveys.map(nameOf).join(', ') || 'none'}`,
      );
    }
    if (opts.export !== undefined || opts.import !== undefined) {
      const withText = surveys.filter((s) => s.data.questions.some((q) => q.type === 'text'));
      const one = opts.survey !== undefined ? surveys[0] : withText.length === 1 ? withText[0] : undefined;
      if (!one)
        throw new UsageError(
          `name the survey to code with --survey <year>/<id>: ` +
            `${withText.map(nameOf).join(', ') || 'no survey has a written question'}`,
        );
      return opts.export !== undefined ? exportSheet(one, opts.export, io) : importSheet(root, one, opts.import!, io);
    }
    list(surveys, opts.format === 'json', io);
    return 0;
  },
});

/** Every written answer with its codes, and those not coded yet: what a coordinator codes from. */
function list(surveys: readonly SurveyFile[], json: boolean, io: CommandIO): void {
  const all = surveys.flatMap((s) => writtenAnswers(s.data).map((a) => ({ survey: nameOf(s), file: s.file, ...a })));
  if (json) {
    io.out(JSON.stringify(all, null, 2));
    return;
  }
  for (const s of surveys) {
    const answers = all.filter((a) => a.file === s.file);
    if (answers.length === 0) continue;
    const uncoded = answers.filter((a) => a.codes.length === 0);
    const codebook = s.data.codebook ?? [];
    io.out(
      `${s.file}: ${plural(answers.length, 'written answer')}, ${answers.length - uncoded.length} coded, ` +
        `${uncoded.length} not yet coded`,
    );
    io.out(
      codebook.length > 0
        ? `  codebook: ${codebook.map((c) => `${c.id} (${c.title})`).join('; ')}`
        : '  no codebook yet: add "codebook" to the survey file to code its answers',
    );
    for (const a of answers.filter((x) => x.codes.length > 0))
      io.out(`  ${a.response} ${a.question} [${a.codes.join(', ')}]\n    ${a.answer}`);
    if (uncoded.length > 0) {
      io.out('  Not yet coded:');
      for (const a of uncoded) io.out(`  ${a.response} ${a.question}\n    ${a.answer}`);
    }
  }
  if (all.length === 0) io.out('No survey has a written answer.');
}

async function exportSheet(survey: SurveyFile, file: string, io: CommandIO): Promise<number> {
  const kind = extname(file).toLowerCase();
  if (kind !== '.csv' && kind !== '.xlsx')
    throw new UsageError(`--export ${file}: the sheet must be a .csv or an .xlsx file`);
  if (
    await readFile(file).then(
      () => true,
      () => false,
    )
  ) {
    io.err(
      `${file} exists already: nothing was written. Choose another name, or remove the file first (it may hold ` +
        `codes not yet imported).`,
    );
    return 1;
  }
  const content =
    kind === '.csv' ? codingCsv(nameOf(survey), survey.data) : await codingXlsx(nameOf(survey), survey.data);
  await writeFile(file, content, { flag: 'wx' });
  const answers = writtenAnswers(survey.data).length;
  io.out(
    `Wrote ${plural(answers, 'written answer')} of ${survey.file} to ${file}, one a row, with a column for each ` +
      `of its ${plural((survey.data.codebook ?? []).length, 'code')}. Mark an answer's codes with an x, then: cop ` +
      `codes --survey ${nameOf(survey)} --import ${file}`,
  );
  io.err(
    "The sheet holds the survey's written answers: keep it where the survey file is kept, and delete it once imported.",
  );
  return 0;
}

async function importSheet(root: string, survey: SurveyFile, file: string, io: CommandIO): Promise<number> {
  let rows: string[][];
  try {
    rows = await readSheet(await readFile(file), basename(file));
  } catch (e) {
    io.err(
      `cop: ${file} cannot be read as a coding sheet (.csv or .xlsx): ${e instanceof Error ? e.message : String(e)}`,
    );
    return 1;
  }
  const result = codesFromSheet(rows, nameOf(survey), survey.data);
  if (!result.ok) {
    const where = (p: SheetProblem) =>
      p.row === undefined ? '' : `row ${p.row}${p.column === undefined ? '' : `, column ${p.column}`}: `;
    for (const p of result.problems) io.err(`${basename(file)}: ${where(p)}${p.message}`);
    io.err(`${plural(result.problems.length, 'problem')} in ${basename(file)}: nothing was written to ${survey.file}.`);
    return 1;
  }
  if (isDeepStrictEqual(result.codes, survey.data.codes ?? [])) {
    io.out(`${survey.file} already holds these codes: nothing was changed.`);
    return 0;
  }
  const current = await readFile(`${root}/${survey.file}`, 'utf8');
  // One coded answer a line, written as a coordinator writes them: a diff shows each change.
  const entry = (c: (typeof result.codes)[number]) =>
    `{ "response": ${JSON.stringify(c.response)}, "question": ${JSON.stringify(c.question)}, "codes": ` +
    `[${c.codes.map((x) => JSON.stringify(x)).join(', ')}] }`;
  const body = result.codes.length === 0 ? '[]' : `[\n${result.codes.map((c) => `    ${entry(c)}`).join(',\n')}\n  ]`;
  const next = ensureNewline(withValue(withCodesField(current), ['codes'], result.codes, body));
  const { diagnostics } = await validateRepository(root, { [survey.file]: next });
  const errors = diagnostics.filter((d) => d.file === survey.file && d.severity === 'error');
  if (errors.length > 0) {
    io.err(formatText(asShown(errors, io)));
    io.err(`The codes would leave ${survey.file} with errors: nothing was written.`);
    return 1;
  }
  await removeLeftovers(root);
  await writeAtomically(`${root}/${survey.file}`, next);
  io.out(
    `Wrote the codes of ${plural(result.coded, 'written answer')} to ${survey.file}; responses and everything ` +
      `else in it are unchanged.`,
  );
  return 0;
}

/** A survey file without `codes` gets an empty one, as its last field, for the codes to replace. */
function withCodesField(text: string): string {
  if (findNodeAtLocation(parseTree(text) ?? { type: 'null', offset: 0, length: 0 }, ['codes'])) return text;
  return applyEdits(text, modify(text, ['codes'], [], { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
}

const ensureNewline = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
