import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { isAnswered } from '../model/answers.js';
import type { Survey } from '../model/survey.js';
import { didYouMean } from '../model/suggest.js';

/** One written answer of a survey, with the codes it has. */
export interface WrittenAnswer {
  response: string;
  question: string;
  answer: string;
  codes: string[];
}

/** Every written answer of a survey, in response then question order, with its codes. */
export function writtenAnswers(survey: Survey): WrittenAnswer[] {
  const text = survey.questions.filter((q) => q.type === 'text').map((q) => q.id);
  const codes = new Map((survey.codes ?? []).map((c) => [`${c.response}\u0000${c.question}`, c.codes]));
  return survey.responses.flatMap((r) =>
    text.flatMap((q) => {
      const answer = r.answers[q];
      return isAnswered(answer) && typeof answer === 'string'
        ? [{ response: r.id, question: q, answer, codes: codes.get(`${r.id}\u0000${q}`) ?? [] }]
        : [];
    }),
  );
}

/** The columns of a coding sheet before the codebook's: what names the answer. */
const NAMING = ['survey', 'response', 'question', 'answer'] as const;
const NOTES = 'notes';

/** A mark in a code's column: anything but an empty cell, 0, no or false. */
const marked = (cell: string) => !/^(|0|no|false|n)$/i.test(cell.trim());

/**
 * Excel runs a CSV cell that starts with = + - @ as a formula: an answer a respondent wrote
 * could. Such cells are written with a leading apostrophe, which the import takes off again.
 */
const FORMULA = /^[=+\-@\t\r]/;
const guard = (cell: string) => (FORMULA.test(cell) ? `'${cell}` : cell);
const unguard = (cell: string) => (cell.startsWith("'") && FORMULA.test(cell.slice(1)) ? cell.slice(1) : cell);

/** The coding sheet's rows: a header, then one row a written answer with an x under each of its codes. */
function sheetRows(surveyName: string, survey: Survey): string[][] {
  const codebook = (survey.codebook ?? []).map((c) => c.id);
  return [
    [...NAMING, ...codebook, NOTES],
    ...writtenAnswers(survey).map((a) => [
      surveyName,
      a.response,
      a.question,
      a.answer,
      ...codebook.map((c) => (a.codes.includes(c) ? 'x' : '')),
      '',
    ]),
  ];
}

/** The sheet as CSV, UTF-8 with a byte-order mark so that Excel reads accents right. */
export function codingCsv(surveyName: string, survey: Survey): string {
  return `\uFEFF${stringify(
    sheetRows(surveyName, survey).map((r) => r.map(guard)),
    // A bare CR or LF ends a row in a spreadsheet as CRLF does: a cell holding either is quoted.
    { record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  )}`;
}

/** The sheet as an Excel workbook: every cell text, so nothing an answer holds can run as a formula. */
export async function codingXlsx(surveyName: string, survey: Survey): Promise<Buffer> {
  const rows = sheetRows(surveyName, survey);
  const widths = rows[0]!.map((h) => (h === 'answer' ? 80 : h === NOTES ? 40 : Math.max(10, h.length + 2)));
  return writeXlsxFile(
    rows.map((r, i) =>
      r.map((value) => ({
        value,
        type: String,
        ...(i === 0 ? { fontWeight: 'bold' as const } : {}),
        ...(value.length > 60 ? { wrap: true } : {}),
      })),
    ),
    { columns: widths.map((width) => ({ width })), stickyRowsCount: 1 },
  ).toBuffer();
}

export interface SheetProblem {
  /** 1-based, as a spreadsheet numbers rows; undefined for the sheet as a whole. */
  row?: number;
  /** 1-based; undefined for a whole row. */
  column?: number;
  message: string;
}

/** A coding sheet's cells, read from CSV (any encoding a spreadsheet saves, a BOM or none) or from .xlsx. */
export async function readSheet(bytes: Buffer, fileName: string): Promise<string[][]> {
  if (fileName.toLowerCase().endsWith('.xlsx') || bytes.subarray(0, 2).toString('latin1') === 'PK') {
    const sheets = await readXlsxFile(bytes);
    return (sheets[0]?.data ?? []).map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // Excel in some locales saves CSV with semicolons.
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  return (parseCsv(text, { relax_column_count: true, skip_empty_lines: true, delimiter }) as string[][]).map((r) =>
    r.map(unguard),
  );
}

export type SheetResult =
  | { ok: true; codes: NonNullable<Survey['codes']>; coded: number }
  | { ok: false; problems: SheetProblem[] };

/**
 * The codes a coordinator marked in a coding sheet, checked against the survey: every
 * problem at its row and column, and codes only when there is none. Every written answer
 * must have its row, unchanged, so that no code is lost or given to another text.
 */
export function codesFromSheet(rows: readonly string[][], surveyName: string, survey: Survey): SheetResult {
  const problems: SheetProblem[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim());
  const at = (name: string) => header.indexOf(name);
  const missing = NAMING.filter((n) => at(n) < 0);
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          row: 1,
          message:
            `the first row must name the columns ${NAMING.join(', ')}, then one column per code: ` +
            `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing. Export the sheet again with ` +
            `"cop codes --export"`,
        },
      ],
    };
  }
  const codebook = (survey.codebook ?? []).map((c) => c.id);
  const codeColumns: Array<{ index: number; code: string }> = [];
  header.forEach((h, index) => {
    if ((NAMING as readonly string[]).includes(h) || h === NOTES || h === '') return;
    if (codebook.includes(h)) codeColumns.push({ index, code: h });
    else {
      const guess = didYouMean(h, codebook);
      problems.push({
        row: 1,
        column: index + 1,
        message:
          `"${h}" is not a code of the codebook.${guess ? ` Did you mean "${guess}"?` : ''} Rename the ` +
          `column to a code (${codebook.join(', ') || 'the survey has no codebook yet'}), or add the theme to the ` +
          `survey's "codebook" first`,
      });
    }
  });

  const answers = new Map(writtenAnswers(survey).map((a) => [`${a.response}\u0000${a.question}`, a]));
  const seen = new Map<string, number>();
  const codes: NonNullable<Survey['codes']> = [];
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (name: string) => (cells[at(name)] ?? '').trim();
    if (cells.every((c) => c.trim() === '')) return;
    if (cell('survey') !== surveyName) {
      problems.push({
        row,
        column: at('survey') + 1,
        message:
          `this row is of the survey "${cell('survey')}", not "${surveyName}": code each survey in its own ` + `sheet`,
      });
      return;
    }
    const key = `${cell('response')}\u0000${cell('question')}`;
    const answer = answers.get(key);
    if (!answer) {
      problems.push({
        row,
        message:
          `response "${cell('response')}" has no written answer to question "${cell('question')}" in ` +
          `${surveyName}: a row must keep the response and question it was exported with`,
      });
      return;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push({
        row,
        message:
          `this answer (${answer.response}, ${answer.question}) has a row already, row ${earlier}: keep ` +
          `one row per answer`,
      });
      return;
    }
    seen.set(key, row);
    if ((cells[at('answer')] ?? '').replace(/\r\n/g, '\n').trim() !== answer.answer.replace(/\r\n/g, '\n').trim()) {
      problems.push({
        row,
        column: at('answer') + 1,
        message:
          `the answer differs from the survey's answer to ${answer.question} by ${answer.response}: the ` +
          `survey changed since the export, or the cell was edited. Export the sheet again, or restore the answer`,
      });
      return;
    }
    const given = codeColumns.filter((c) => marked(cells[c.index] ?? '')).map((c) => c.code);
    if (given.length > 0) codes.push({ response: answer.response, question: answer.question, codes: given });
  });
  const lost = [...answers.values()].filter((a) => !seen.has(`${a.response}\u0000${a.question}`));
  for (const a of lost) {
    problems.push({
      message:
        `the answer of ${a.response} to ${a.question} has no row: a deleted row would lose its codes. Add ` +
        `the row back, or export the sheet again`,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const order = new Map([...answers.keys()].map((k, i) => [k, i]));
  codes.sort((a, b) => order.get(`${a.response}\u0000${a.question}`)! - order.get(`${b.response}\u0000${b.question}`)!);
  return { ok: true, codes, coded: codes.length };
}
