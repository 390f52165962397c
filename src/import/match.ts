import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Question, Survey, SurveyResponse } from '../model/survey.js';
import type { ExportTable } from './export-table.js';

/** `--map`: what differs between the export and the survey file. */
export const MappingSchema = z.strictObject({
  /** Export column header → question id, "question/item" for a matrix row, or null to leave the column out. */
  columns: z.record(z.string(), z.string().nullable()).optional(),
  /** Question id → answer label in the export → option or scale value in the survey. */
  answers: z.record(z.string(), z.record(z.string(), z.union([z.string(), z.number()]))).optional(),
});
export type Mapping = z.output<typeof MappingSchema>;

export interface ImportProblem {
  row?: number;
  /** 1-based column of the export, with its header. */
  column: number;
  header: string;
  message: string;
  /** A column that matches no question of the survey (what --ignore-unmatched leaves out). */
  unmatched?: true;
}

export type Matched =
  | {
      ok: true;
      responses: SurveyResponse[];
      /** Where each response came from, in the same order. */
      sources: ResponseSource[];
      /** Data rows read from the export, header rows not counted. */
      read: number;
      left: Left;
      /** Headers of the columns left out by --ignore-unmatched. */
      unmatched: string[];
    }
  | { ok: false; problems: ImportProblem[] };

/** Case, spacing and trailing punctuation do not tell two texts apart. */
function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s?:.]+$/u, '')
    .toLowerCase();
}

interface Target {
  question: Question;
  item?: string;
  /** One option of a multiple-choice question, in a column of its own (older Qualtrics exports). */
  option?: string;
}

/** A mapping that names no question, or no item of the question: said as such, with what it could name. */
interface BadMapping {
  problem: string;
}

function targetOf(header: string, survey: Survey, mapping: Mapping): Target | BadMapping | null | undefined {
  const mapped = mapping.columns?.[header];
  const byId = (ref: string): Target | BadMapping => {
    const [qid, item, extra] = ref.split('/');
    const question = survey.questions.find((q) => q.id === qid);
    if (!question || extra !== undefined)
      return {
        problem:
          `--map sends this column to "${ref}", which is no question of the survey: map it to a question id ` +
          `(${survey.questions.map((q) => q.id).join(', ')}), "<question id>/<item id>" for a row of a matrix, or ` +
          `null to leave it out`,
      };
    if (item === undefined) return { question };
    if (question.type !== 'matrix')
      return { problem: `--map sends this column to "${ref}", but ${qid} is no matrix question: it has no items` };
    if (!question.items.some((it) => it.id === item))
      return {
        problem:
          `--map sends this column to "${ref}", but ${qid} has no item "${item}": its items are ` +
          `${question.items.map((it) => it.id).join(', ')}`,
      };
    return { question, item };
  };
  if (mapped === null) return null;
  if (mapped !== undefined) return byId(mapped);
  const whole = survey.questions.find((q) => normalise(q.text) === normalise(header));
  if (whole && whole.type !== 'matrix') return { question: whole };
  // Microsoft Forms heads a Likert question's columns with the statement alone: a matrix item of that text.
  const rows = survey.questions.flatMap((q) =>
    q.type === 'matrix'
      ? q.items.filter((it) => normalise(it.text) === normalise(header)).map((it) => ({ question: q, item: it.id }))
      : [],
  );
  if (rows.length === 1) return rows[0]!;
  if (rows.length > 1)
    return {
      problem:
        `this statement is an item of several matrix questions (${rows.map((r) => r.question.id).join(', ')}): ` +
        `map it with --map ("columns": { "${header}": "<question id>/<item id>" })`,
    };
  // A matrix row: "Question - Item" (Qualtrics) or "Question [Item]" (Google Forms).
  // Qualtrics writes "Question - Item" (older exports "Question-Item"); Google Forms "Question [Item]".
  for (const parts of [/^(.*)\[(.+)\]\s*$/.exec(header), /^(.*) - (.+)$/.exec(header), /^(.*)-(.+)$/.exec(header)]) {
    if (!parts) continue;
    const question = survey.questions.find((q) => q.type === 'matrix' && normalise(q.text) === normalise(parts[1]!));
    const item =
      question?.type === 'matrix'
        ? question.items.find((it) => normalise(it.text) === normalise(parts[2]!))
        : undefined;
    if (question && item) return { question, item: item.id };
    // One column a choice: "Question-Choice", the cell the choice's text (or 1) when chosen.
    const multi = survey.questions.find((q) => q.type === 'multi' && normalise(q.text) === normalise(parts[1]!));
    const option =
      multi?.type === 'multi' ? multi.options.find((o) => normalise(o.label) === normalise(parts[2]!)) : undefined;
    if (multi && option) return { question: multi, option: option.value };
  }
  return undefined;
}

/**
 * Splits a cell of several choices by the options' own labels, longest first, so that a
 * label with the separator in it ("Office hours, drop-ins") stays whole. What no label
 * matches is the text typed for "Other" (Google and Microsoft Forms write it as is).
 */
function splitChoices(cell: string, labels: readonly string[], separator: string): { chosen: string[]; rest: string } {
  const sep = separator.trim();
  const tokens = cell.split(sep).map((t) => t.trim());
  const known = [...new Set(labels)]
    .map((l) => ({ label: l, parts: l.split(sep).map((t) => normalise(t)) }))
    .sort((a, b) => b.label.length - a.label.length);
  const chosen: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = known.find((k) => k.parts.every((p, j) => normalise(tokens[i + j] ?? '') === p));
    if (match) {
      chosen.push(match.label);
      i += match.parts.length;
    } else {
      if (tokens[i] !== '') rest.push(tokens[i]!);
      i++;
    }
  }
  return { chosen, rest: rest.join(separator) };
}

export interface MatchOptions {
  includePartial: boolean;
  /** Keep preview, test, spam and imported rows (Qualtrics' response types). */
  includePreview: boolean;
  /** Leave out the columns that match no question, instead of reporting each. */
  ignoreUnmatched: boolean;
}

/** Where an imported response came from, so that a problem found later is told in the export's terms. */
export interface ResponseSource {
  row: number;
  /** Question id → the export's column (1-based) and header. */
  columns: Record<string, { column: number; header: string }>;
}

interface Left {
  unfinished: number;
  preview: number;
  test: number;
  spam: number;
  imported: number;
}

/** Matches every column and answer; reports everything that does not match, all at once. */
export function matchExport(table: ExportTable, survey: Survey, mapping: Mapping, options: MatchOptions): Matched {
  const problems: ImportProblem[] = [];
  const targets = new Map<number, Target>();
  const unmatched: string[] = [];
  for (const col of table.columns) {
    if (col.otherTextOf !== undefined) continue;
    const target = targetOf(col.header, survey, mapping);
    if (target === null) continue;
    if (target && 'problem' in target)
      problems.push({ column: col.index + 1, header: col.header, message: target.problem });
    else if (target) targets.set(col.index, target);
    else if (options.ignoreUnmatched) unmatched.push(col.header);
    else
      problems.push({
        column: col.index + 1,
        header: col.header,
        unmatched: true,
        message:
          `no question of the survey has this text: map it with --map ("columns": { "${col.header}": ` +
          `"<question id>" }), or to null to leave it out (--ignore-unmatched leaves out every such column)`,
      });
  }
  const otherText = new Map(
    table.columns
      .filter((c) => c.otherTextOf !== undefined && c.otherTextOf >= 0)
      .map((c) => [c.otherTextOf!, c.index]),
  );

  const left: Left = { unfinished: 0, preview: 0, test: 0, spam: 0, imported: 0 };
  const kept = table.rows.filter((r) => {
    if (r.kind !== 'response' && !options.includePreview) left[r.kind]++;
    else if (!r.finished && !options.includePartial) left.unfinished++;
    else return true;
    return false;
  });
  const numeric = numericExport(table, kept, targets, mapping);
  if (numeric) problems.push({ column: numeric.column, header: numeric.header, message: numeric.message });

  const responses: Array<{ answers: Record<string, unknown>; source: ResponseSource }> = [];
  for (const r of kept) {
    if (r.cells.length > table.width && r.cells.slice(table.width).some((c) => c.trim() !== '')) {
      problems.push({
        row: r.row,
        column: table.width + 1,
        header: '',
        message:
          `the row has more cells than the header has columns: a text with a comma that is not in double ` + `quotes?`,
      });
      continue;
    }
    const answers: Record<string, unknown> = {};
    const source: ResponseSource = { row: r.row, columns: {} };
    for (const [index, target] of targets) {
      const cell = (r.cells[index] ?? '').trim();
      if (cell === '') continue;
      const col = table.columns.find((c) => c.index === index)!;
      const fail = (message: string) => problems.push({ row: r.row, column: index + 1, header: col.header, message });
      const other = (r.cells[otherText.get(index) ?? -1] ?? '').trim();
      if (target.option !== undefined) {
        if (cell === '0') continue;
        const option =
          target.question.type === 'multi' ? target.question.options.find((o) => o.value === target.option) : undefined;
        const chosen = option?.specify && other ? { value: target.option, text: other } : target.option;
        source.columns[target.question.id] ??= { column: index + 1, header: col.header };
        answers[target.question.id] = [...((answers[target.question.id] as unknown[] | undefined) ?? []), chosen];
        continue;
      }
      const value = answerOf(target, cell, other, table, mapping, fail);
      if (value === undefined) continue;
      source.columns[target.question.id] ??= { column: index + 1, header: col.header };
      if (target.item !== undefined)
        answers[target.question.id] = {
          ...((answers[target.question.id] as object | undefined) ?? {}),
          [target.item]: value,
        };
      else answers[target.question.id] = value;
    }
    responses.push({ answers, source });
  }
  if (problems.length > 0) return { ok: false, problems };

  // Fresh ids, in an order that follows content, not submission time.
  const digest = (a: unknown) => createHash('sha256').update(JSON.stringify(a)).digest('hex');
  const ordered = responses
    .map((r) => ({ ...r, key: digest(r.answers) }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const width = Math.max(2, String(ordered.length).length);
  return {
    ok: true,
    responses: ordered.map(({ answers }, i) => ({ id: `r${String(i + 1).padStart(width, '0')}`, answers })),
    sources: ordered.map(({ source }) => source),
    read: table.rows.length,
    left,
    unmatched,
  };
}

/**
 * A Qualtrics export in "numeric values" holds option codes where the survey file has
 * labels: every choice answer is a number, and the questions' labels are not. One
 * problem says so, with the two ways out, before the answer-by-answer list.
 */
function numericExport(
  table: ExportTable,
  rows: ExportTable['rows'],
  targets: ReadonlyMap<number, Target>,
  mapping: Mapping,
): ImportProblem | undefined {
  let cells = 0;
  let first: { index: number; question: Question } | undefined;
  for (const [index, { question }] of targets) {
    if (question.type !== 'single' && question.type !== 'multi') continue;
    // Codes the coordinator has mapped, or labels that are numbers themselves, are no sign of it.
    if (mapping.answers?.[question.id] !== undefined || question.options.every((o) => /^\d+$/.test(o.label.trim())))
      continue;
    for (const r of rows) {
      const cell = (r.cells[index] ?? '').trim();
      if (cell === '') continue;
      if (!/^\d+(\s*,\s*\d+)*$/.test(cell)) return undefined;
      cells++;
      first ??= { index, question };
    }
  }
  if (cells === 0 || !first) return undefined;
  const header = table.columns.find((c) => c.index === first!.index)?.header ?? '';
  const option =
    first.question.type === 'single' || first.question.type === 'multi' ? first.question.options[0]! : undefined;
  return {
    column: first.index + 1,
    header,
    message:
      `this export holds numeric codes, not the answers' texts (Qualtrics "numeric values"): export the ` +
      `data again with "Use choice text", or map each question's codes in --map ("answers": { ` +
      `"${first.question.id}": { "1": "${option?.value ?? 'value'}" } })`,
  };
}

function answerOf(
  target: Target,
  cell: string,
  other: string,
  table: ExportTable,
  mapping: Mapping,
  fail: (m: string) => void,
): unknown {
  const q = target.question;
  const mapped = (label: string) => mapping.answers?.[q.id]?.[label];
  if (q.type === 'text') return cell;
  if (q.type === 'single' || q.type === 'multi') {
    const specify = q.options.find((o) => o.specify);
    const one = (label: string): unknown => {
      const m = mapped(label);
      const option = q.options.find(
        (o) => o.value === m || normalise(o.label) === normalise(label) || o.value === label,
      );
      if (option) return option.specify && other ? { value: option.value, text: other } : option.value;
      // Google Forms and Microsoft Forms write an "Other" answer as the typed text itself.
      if (specify && table.otherAsText) return { value: specify.value, text: label };
      fail(
        `"${label}" is not an answer of ${q.id}: use one of ${q.options.map((o) => `"${o.label}"`).join(', ')}, ` +
          `or map it with --map`,
      );
      return undefined;
    };
    if (q.type === 'single') return one(cell);
    const { chosen, rest } = splitChoices(
      cell,
      [...q.options.map((o) => o.label), ...Object.keys(mapping.answers?.[q.id] ?? {})],
      table.separator,
    );
    const values = chosen.map(one);
    if (rest !== '') {
      // What no label matched is the "Other" text, where the question has an option for it.
      if (specify && table.otherAsText) values.push({ value: specify.value, text: rest });
      else {
        fail(
          `"${rest}" is not an answer of ${q.id}: use ` +
            `${q.options.map((o) => `"${o.label}"`).join(', ')}` +
            `${specify ? '' : ' (the question has no "Other" option to take free text)'}, or map it with --map`,
        );
        return undefined;
      }
    }
    return values.includes(undefined) ? undefined : values;
  }
  // scale and matrix: a label, a bare number for an unlabelled point, or a notApplicable label.
  const m = mapped(cell);
  if (m !== undefined) return m;
  const point = q.scale.find(
    (p) =>
      (p.label !== undefined && normalise(p.label) === normalise(cell)) ||
      String(p.value) === cell.replace(/\s*[-–].*$/, '').trim(),
  );
  if (point) return point.value;
  const na = q.notApplicable?.find((n) => normalise(n.label) === normalise(cell));
  if (na) return na.value;
  fail(
    `"${cell}" is not a point of the scale of ${q.id}${target.item ? ` (item ${target.item})` : ''}: use a number ` +
      `from ${q.scale[0]!.value} to ` +
      `${q.scale[q.scale.length - 1]!.value}` +
      `${q.notApplicable?.length ? ` or ${q.notApplicable.map((n) => `"${n.label}"`).join(', ')}` : ''}, or map ` +
      `it with --map`,
  );
  return undefined;
}
