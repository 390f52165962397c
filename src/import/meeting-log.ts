import { z } from 'zod';
import { compareStrings } from '../format/compare.js';
import { isIsoDate } from '../model/dates.js';
import { slugHint } from '../format/slug.js';
import type { MeetingUnit } from '../model/meeting.js';
import { maskName } from '../model/names.js';
import type { ImportProblem } from './match.js';

/** What a column of a meeting log may hold: one meeting per row. */
const LOG_FIELDS = ['date', 'mentor', 'unit', 'type', 'mode', 'topics', 'referrals', 'student'] as const;
type LogField = (typeof LOG_FIELDS)[number];

/** `--map`: the survey import's form, for a meeting log: headers onto fields, values onto ids. */
export const LogMappingSchema = z.strictObject({
  columns: z.record(z.string(), z.enum(LOG_FIELDS).nullable()).optional(),
  answers: z.partialRecord(z.enum(LOG_FIELDS), z.record(z.string(), z.string())).optional(),
});
export type LogMapping = z.output<typeof LogMappingSchema>;

/** What the community knows, for reading a log's values: ids with the names and titles that stand for them. */
export interface LogVocabulary {
  units: ReadonlyArray<{ id: string; name: string; kind: string }>;
  members: ReadonlyArray<{ id: string; name: string; unit: string }>;
  themes: ReadonlyArray<{ id: string; title: string }>;
  meetingTopics: ReadonlyArray<{ id: string; title: string }>;
  referralTargets: ReadonlyArray<{ id: string; title: string }>;
}

export type Counted =
  | {
      ok: true;
      units: MeetingUnit[];
      /** Data rows read, and the meetings counted (rows inside the period). */
      read: number;
      /** The columns each field was read from, by header. */
      columns: Partial<Record<LogField, string>>;
    }
  | { ok: false; problems: ImportProblem[] };

const norm = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Words a header may be known by, beyond the field's own name. */
const SYNONYMS: Record<LogField, readonly string[]> = {
  date: ['date', 'meeting date', 'date of meeting', 'when'],
  mentor: ['mentor', 'mentor email', 'mentor name', 'academic mentor', 'staff'],
  unit: ['unit', 'department', 'school', 'service'],
  type: ['type', 'meeting type', 'type of meeting', 'format'],
  mode: ['mode', 'meeting mode', 'mode of meeting', 'how', 'delivery'],
  topics: ['topics', 'topic', 'topics discussed', 'themes', 'theme'],
  referrals: ['referrals', 'referral', 'referred to', 'signposted to', 'signposting'],
  student: ['student', 'student id', 'student number', 'mentee', 'mentee id', 'candidate number'],
};

/** A log's date cell: YYYY-MM-DD (or an Excel date), or day/month/year as UK forms write it. */
function dateOf(cell: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(cell.trim());
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+[\d:]+)?$/.exec(cell.trim());
  const [y, m, d] = iso
    ? [iso[1]!, iso[2]!, iso[3]!]
    : uk
      ? [uk[3]!, uk[2]!.padStart(2, '0'), uk[1]!.padStart(2, '0')]
      : [];
  if (y === undefined) return undefined;
  const date = `${y}-${m}-${d}`;
  return isIsoDate(date) ? date : undefined;
}

/**
 * A meeting log (one row per meeting) as a return's counts per unit: meetings by type and mode, topics, referrals,
 * distinct mentors reporting and, from the student column, distinct mentees met. The student identifier is read to
 * count and nothing else: it is in no result and no message. Every row problem is reported at its row and column,
 * and nothing is counted unless every row is right.
 */
export function countMeetings(
  records: readonly string[][],
  known: LogVocabulary,
  period: { from: string; to: string },
  mapping: LogMapping = {},
): Counted {
  const problems: ImportProblem[] = [];
  const header = records[0] ?? [];
  const columns = new Map<LogField, number>();
  header.forEach((h, i) => {
    const mapped = mapping.columns && Object.hasOwn(mapping.columns, h) ? mapping.columns[h] : undefined;
    if (mapped === null) return;
    const field = mapped ?? LOG_FIELDS.find((f) => SYNONYMS[f].includes(norm(h)));
    if (!field) return;
    if (columns.has(field)) {
      const first = columns.get(field)!;
      problems.push({
        column: i + 1,
        header: h,
        message:
          `this column and column ${first + 1} ("${header[first]}") both read as the ${field}: map one of them ` +
          `to null in --map ({ "columns": { "${h}": null } })`,
      });
      return;
    }
    columns.set(field, i);
  });
  for (const h of Object.keys(mapping.columns ?? {}))
    if (!header.includes(h))
      problems.push({
        column: 0,
        header: '',
        message:
          `--map names the column "${h}", which the log does not have: its headers are ` +
          `${header.map((x) => `"${x}"`).join(', ')}`,
      });
  for (const needed of ['date', 'mentor'] as const)
    if (!columns.has(needed) && !(needed === 'mentor' && columns.has('unit')))
      problems.push({
        column: 0,
        header: '',
        message:
          `no column of the log reads as the ${needed}: name one in --map ({ "columns": { "<header>": ` +
          `"${needed}" } }). Its headers are ${header.map((x) => `"${x}"`).join(', ')}`,
      });
  if (problems.length > 0) return { ok: false, problems };

  const answers: Partial<Record<LogField, Record<string, string>>> = mapping.answers ?? {};
  const lookup = (field: LogField, entries: ReadonlyArray<{ id: string; names: string[] }>, value: string) => {
    const mapped = answers[field]?.[value];
    if (mapped !== undefined) return entries.some((e) => e.id === mapped) ? mapped : undefined;
    const n = norm(value);
    // An id in any case, a name or title, or the abbreviation a name gives in brackets ("… Service (DWS)").
    const named = (x: string) => norm(x) === n || norm(/\(([^)]+)\)\s*$/.exec(x)?.[1] ?? '') === n;
    return entries.find((e) => norm(e.id) === n || e.names.some(named))?.id;
  };
  const units = known.units.map((u) => ({ id: u.id, names: [u.name] }));
  const mentors = known.members.map((m) => ({ id: m.id, names: [m.name] }));
  const topics = [...known.themes, ...known.meetingTopics].map((t) => ({ id: t.id, names: [t.title] }));
  const targets = [
    ...known.units.filter((u) => u.kind === 'service').map((u) => ({ id: u.id, names: [u.name] })),
    ...known.referralTargets.map((t) => ({ id: t.id, names: [t.title] })),
  ];

  interface Tally {
    mentors: Set<string>;
    students: Set<string>;
    meetings: Map<string, number>;
    modes: Map<string, number>;
    referrals: Map<string, number>;
    topics: Map<string, number>;
  }
  const byUnit = new Map<string, Tally>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let read = 0;
  records.slice(1).forEach((cells, r) => {
    const row = r + 2;
    if (cells.every((c) => c.trim() === '')) return;
    read++;
    const cell = (f: LogField) => (columns.has(f) ? (cells[columns.get(f)!] ?? '').trim() : '');
    const at = (f: LogField, message: string) =>
      problems.push({ row, column: columns.get(f)! + 1, header: header[columns.get(f)!] ?? '', message });
    const date = dateOf(cell('date'));
    if (date === undefined) {
      at('date', `"${cell('date')}" is not a date: write it as YYYY-MM-DD or DD/MM/YYYY`);
      return;
    }
    if (date < period.from || date > period.to) {
      at(
        'date',
        `${date} is outside the period ${period.from} to ${period.to}: give another --period, or remove the row`,
      );
      return;
    }
    let mentor: string | undefined;
    if (columns.has('mentor')) {
      const written = cell('mentor');
      mentor = lookup('mentor', mentors, written);
      if (mentor === undefined) {
        // A name typed in a log is shown masked: the message may be pasted where others read it.
        at(
          'mentor',
          `the mentor "${maskName(written)}" is no member of data/members.json: map it to a member id in --map ` +
            `({ "answers": { "mentor": { "<as written>": "<member id>" } } })`,
        );
        return;
      }
    }
    // An empty unit cell is the mentor's own unit, as the roster places them.
    let unit = cell('unit') !== '' ? lookup('unit', units, cell('unit')) : undefined;
    if (cell('unit') !== '' && unit === undefined) {
      at('unit', `"${cell('unit')}" is no unit of data/units.json: write its id or name, or map it in --map`);
      return;
    }
    unit ??= known.members.find((m) => m.id === mentor)?.unit;
    if (unit === undefined) {
      at(columns.has('unit') ? 'unit' : 'mentor', 'no unit: give the unit, or a mentor the roster places in one');
      return;
    }
    const t = byUnit.get(unit) ?? {
      mentors: new Set<string>(),
      students: new Set<string>(),
      meetings: new Map<string, number>(),
      modes: new Map<string, number>(),
      referrals: new Map<string, number>(),
      topics: new Map<string, number>(),
    };
    byUnit.set(unit, t);
    if (mentor !== undefined) t.mentors.add(mentor);
    if (columns.has('student')) {
      const student = cell('student');
      // Never in a message: an empty cell is said to be empty, a written one is never repeated.
      if (student === '')
        at('student', 'the student cell is empty: every meeting is with someone, or the row is not a meeting');
      else t.students.add(student);
    }
    const kind = (field: 'type' | 'mode') => {
      const v = cell(field);
      return v === '' ? undefined : (answers[field]?.[v] ?? slugHint(v, ''));
    };
    const type = kind('type');
    add(t.meetings, type === undefined || type === '' ? 'one-to-one' : type);
    const mode = kind('mode');
    if (mode) add(t.modes, mode);
    for (const [field, entries, into] of [
      ['topics', topics, t.topics],
      ['referrals', targets, t.referrals],
    ] as const) {
      const value = cell(field);
      if (value === '') continue;
      for (const part of value
        .split(/[;\n]/)
        .map((x) => x.trim())
        .filter(Boolean)) {
        const id = lookup(field, entries, part);
        if (id === undefined) {
          at(
            field,
            `"${part}" is no ${field === 'topics' ? 'theme or meeting topic' : 'service or referral target'} ` +
              `of the community: write its id or title, or map it in --map`,
          );
          continue;
        }
        add(into, id);
      }
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const sorted = (m: Map<string, number>) =>
    m.size === 0 ? undefined : Object.fromEntries([...m].sort(([a], [b]) => compareStrings(a, b)));
  const out: MeetingUnit[] = [...byUnit]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([unit, t]) => {
      const e: MeetingUnit = { unit };
      if (columns.has('mentor')) e.mentorsReporting = t.mentors.size;
      if (columns.has('student')) e.menteesMet = t.students.size;
      const meetings = sorted(t.meetings);
      const modes = sorted(t.modes);
      const referrals = sorted(t.referrals);
      const topicCounts = sorted(t.topics);
      if (meetings) e.meetings = meetings;
      if (modes) e.modes = modes;
      if (referrals) e.referrals = referrals;
      if (topicCounts) e.topics = topicCounts;
      return e;
    });
  return {
    ok: true,
    units: out,
    read,
    columns: Object.fromEntries([...columns].map(([f, i]) => [f, header[i]!])),
  };
}
