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
}

export type Matched = { ok: true; responses: SurveyResponse[]; left: { unfinished: number } } | { ok: false; problems: ImportProblem[] };

/** Case, spacing and trailing punctuation do not tell two texts apart. */
export function normalise(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(/[\s?:.]+$/u, '').toLowerCase();
}

interface Target {
  question: Question;
  item?: string;
}

function targetOf(header: string, survey: Survey, mapping: Mapping): Target | null | undefined {
  const mapped = mapping.columns?.[header];
  const byId = (ref: string): Target | undefined => {
    const [qid, item] = ref.split('/');
    const question = survey.questions.find((q) => q.id === qid);
    return question ? { question, ...(item === undefined ? {} : { item }) } : undefined;
  };
  if (mapped === null) return null;
  if (mapped !== undefined) return byId(mapped);
  const whole = survey.questions.find((q) => normalise(q.text) === normalise(header));
  if (whole && whole.type !== 'matrix') return { question: whole };
  // A matrix row: "Question - Item" (Qualtrics) or "Question [Item]" (Google Forms).
  const parts = /^(.*)\[(.+)\]\s*$/.exec(header) ?? /^(.*) - (.+)$/.exec(header);
  if (!parts) return undefined;
  const question = survey.questions.find((q) => q.type === 'matrix' && normalise(q.text) === normalise(parts[1]!));
  const item = question?.type === 'matrix' ? question.items.find((it) => normalise(it.text) === normalise(parts[2]!)) : undefined;
  return question && item ? { question, item: item.id } : undefined;
}

/** Splits a cell of several choices, preferring known labels so that a label with the separator in it stays whole. */
function splitChoices(cell: string, labels: readonly string[], separator: string): string[] {
  const out: string[] = [];
  let rest = cell.trim();
  const sep = separator.trim();
  const known = [...labels].sort((a, b) => b.length - a.length);
  while (rest.length > 0) {
    const label = known.find((l) => normalise(rest.slice(0, l.length)) === normalise(l) && (rest.length === l.length || rest.slice(l.length).trimStart().startsWith(sep)));
    const take = label ? label.length : rest.indexOf(sep) < 0 ? rest.length : rest.indexOf(sep);
    out.push(rest.slice(0, take).trim());
    rest = rest.slice(take).trimStart();
    if (rest.startsWith(sep)) rest = rest.slice(sep.length).trimStart();
  }
  return out.filter((c) => c !== '');
}

/** Matches every column and answer; reports everything that does not match, all at once. */
export function matchExport(table: ExportTable, survey: Survey, mapping: Mapping, includePartial: boolean): Matched {
  const problems: ImportProblem[] = [];
  const targets = new Map<number, Target>();
  for (const col of table.columns) {
    if (col.otherTextOf !== undefined) continue;
    const target = targetOf(col.header, survey, mapping);
    if (target === null) continue;
    if (!target) problems.push({ column: col.index + 1, header: col.header, message: `no question of the survey has this text: map it with --map ("columns": { "${col.header}": "<question id>" }), or to null to leave it out` });
    else targets.set(col.index, target);
  }
  const otherText = new Map(table.columns.filter((c) => c.otherTextOf !== undefined && c.otherTextOf >= 0).map((c) => [c.otherTextOf!, c.index]));

  const kept = table.rows.filter((r) => r.finished || includePartial);
  const responses: Array<Record<string, unknown>> = [];
  for (const r of kept) {
    if (r.cells.length > table.width && r.cells.slice(table.width).some((c) => c.trim() !== '')) {
      problems.push({ row: r.row, column: table.width + 1, header: '', message: `the row has more cells than the header has columns: a text with a comma that is not in double quotes?` });
      continue;
    }
    const answers: Record<string, unknown> = {};
    for (const [index, target] of targets) {
      const cell = (r.cells[index] ?? '').trim();
      if (cell === '') continue;
      const col = table.columns.find((c) => c.index === index)!;
      const fail = (message: string) => problems.push({ row: r.row, column: index + 1, header: col.header, message });
      const value = answerOf(target, cell, (r.cells[otherText.get(index) ?? -1] ?? '').trim(), table, mapping, fail);
      if (value === undefined) continue;
      if (target.item !== undefined) answers[target.question.id] = { ...((answers[target.question.id] as object | undefined) ?? {}), [target.item]: value };
      else answers[target.question.id] = value;
    }
    responses.push(answers);
  }
  if (problems.length > 0) return { ok: false, problems };

  // Fresh ids, in an order that follows content, not submission time.
  const digest = (a: unknown) => createHash('sha256').update(JSON.stringify(a)).digest('hex');
  const ordered = responses.map((a) => ({ a, key: digest(a) })).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const width = Math.max(2, String(ordered.length).length);
  return {
    ok: true,
    responses: ordered.map(({ a }, i) => ({ id: `r${String(i + 1).padStart(width, '0')}`, answers: a })),
    left: { unfinished: table.rows.length - kept.length },
  };
}

function answerOf(target: Target, cell: string, other: string, table: ExportTable, mapping: Mapping, fail: (m: string) => void): unknown {
  const q = target.question;
  const mapped = (label: string) => mapping.answers?.[q.id]?.[label];
  if (q.type === 'text') return cell;
  if (q.type === 'single' || q.type === 'multi') {
    const specify = q.options.find((o) => o.specify);
    const one = (label: string): unknown => {
      const m = mapped(label);
      const option = q.options.find((o) => o.value === m || normalise(o.label) === normalise(label) || o.value === label);
      if (option) return option.specify && other ? { value: option.value, text: other } : option.value;
      // Google Forms and Microsoft Forms write an "Other" answer as the typed text itself.
      if (specify && table.otherAsText) return { value: specify.value, text: label };
      fail(`"${label}" is not an answer of ${q.id}: use one of ${q.options.map((o) => `"${o.label}"`).join(', ')}, or map it with --map`);
      return undefined;
    };
    if (q.type === 'single') return one(cell);
    const values = splitChoices(cell, q.options.map((o) => o.label), table.separator).map(one);
    return values.includes(undefined) ? undefined : values;
  }
  // scale and matrix: a label, a bare number for an unlabelled point, or a notApplicable label.
  const m = mapped(cell);
  if (m !== undefined) return m;
  const point = q.scale.find((p) => (p.label !== undefined && normalise(p.label) === normalise(cell)) || String(p.value) === cell.replace(/\s*[-–].*$/, '').trim());
  if (point) return point.value;
  const na = q.notApplicable?.find((n) => normalise(n.label) === normalise(cell));
  if (na) return na.value;
  fail(`"${cell}" is not a point of the scale of ${q.id}${target.item ? ` (item ${target.item})` : ''}: use a number from ${q.scale[0]!.value} to ${q.scale[q.scale.length - 1]!.value}${q.notApplicable?.length ? ` or ${q.notApplicable.map((n) => `"${n.label}"`).join(', ')}` : ''}, or map it with --map`);
  return undefined;
}
