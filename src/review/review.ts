import type { RootContent } from 'mdast';
import { forPlacesThatKeep, type Diagnostic } from '../rules/diagnostic.js';
import { PERSONAL_DATA_RULES } from '../rules/index.js';
import type { AllMetrics, YearMetrics } from '../metrics/types.js';
import { formatDate } from '../model/dates.js';
import { headlines } from '../reports/headline.js';
import { capital, type Words, wordsOf } from '../model/vocabulary.js';
import { heading, paragraph, root, strong, table, toMarkdown, type Inline } from '../format/markdown.js';
import { decimal, percent, plural } from '../format/numbers.js';

/**
 * The review Danger gives a pull request, as a pure function of what changed and of the
 * records before and after: tested without Danger, GitHub or git.
 */
export interface ReviewInput {
  created: readonly string[];
  modified: readonly string[];
  deleted: readonly string[];
  /** Every problem of the records at the head of the pull request. */
  diagnostics: readonly Diagnostic[];
  /** Metrics before and after; undefined where the records have errors. */
  base: AllMetrics | undefined;
  head: AllMetrics | undefined;
  /** The institution's words for its units; the contract's words without them. */
  words?: Words;
}

export interface Note {
  message: string;
  file?: string;
  line?: number;
}

export interface Review {
  fails: Note[];
  warnings: Note[];
  /** Markdown for the reviewer: figures before and after, new sessions. */
  markdown: string;
}

export function review(input: ReviewInput): Review {
  const words = input.words ?? wordsOf(undefined);
  const changed = [...input.created, ...input.modified];
  const fails: Note[] = [];
  const warnings: Note[] = [];

  // Problems in the files the pull request touches, at their lines.
  const touched = new Set(changed);
  // Danger's comments stay in the pull request's history: they never repeat personal data.
  const diagnostics = forPlacesThatKeep(input.diagnostics);
  for (const d of diagnostics) {
    if (!touched.has(d.file)) continue;
    const note = { message: `${d.message} [${d.rule}]`, file: d.file, line: d.line };
    if (d.severity === 'error') fails.push(note);
    else warnings.push(note);
  }
  const elsewhere = diagnostics.filter((d) => d.severity === 'error' && !touched.has(d.file));
  if (elsewhere.length > 0) {
    const files = [...new Set(elsewhere.map((d) => d.file))];
    fails.push({
      message:
        `This change leaves ${plural(elsewhere.length, 'problem')} in files it does not edit ` +
        `(${files.join(', ')}), for example: ${elsewhere[0]!.file}:${elsewhere[0]!.line} ${elsewhere[0]!.message}`,
    });
  }
  const privacy = diagnostics.filter((d) => touched.has(d.file) && PERSONAL_DATA_RULES.has(d.rule));
  if (privacy.length > 0) {
    const message =
      'Confidentiality: this change may identify a person (see the notes at the lines). Minutes and survey ' +
      'answers must not identify anyone; remove the details before merging.';
    if (privacy.some((d) => d.severity === 'error')) fails.push({ message });
    else warnings.push({ message });
  }

  const reports = changed.filter((f) => f.startsWith('reports/'));
  if (reports.length > 0) {
    warnings.push({
      message:
        `Files under reports/ are generated (${reports.join(', ')}): edits by hand are overwritten. Change ` +
        `the records instead; the reports are rebuilt when the change is merged.`,
    });
  }
  const surveys = [...changed, ...input.deleted].filter((f) => f.startsWith('surveys/'));
  if (surveys.length > 0) {
    warnings.push({
      message:
        `This change touches survey responses (${surveys.join(', ')}): they are sensitive. A second ` +
        `reviewer should check that no answer identifies anyone.`,
    });
  }

  const blocks: RootContent[] = [
    ...figuresBeforeAfter(input.base, input.head, touchedYears([...changed, ...input.deleted], input.head), words),
    ...newSessions(input.created, input.head, words),
  ];
  return { fails, warnings, markdown: blocks.length > 0 ? toMarkdown(root(blocks)) : '' };
}

/**
 * The academic years a change can move: those of the minutes and surveys it touches; every year when it touches data/.
 */
export function touchedYears(files: readonly string[], head: AllMetrics | undefined): string[] {
  const all = head?.years.map((y) => y.year) ?? [];
  if (files.some((f) => f.startsWith('data/'))) return all;
  const years = new Set<string>();
  for (const f of files) {
    const m = /^(?:minutes|surveys)\/(\d{4}-\d{2})\//.exec(f);
    if (m) years.add(m[1]!);
  }
  return [...years].sort();
}

function figuresBeforeAfter(
  base: AllMetrics | undefined,
  head: AllMetrics | undefined,
  years: readonly string[],
  words: Words,
): RootContent[] {
  if (!base || !head || years.length === 0) return [];
  const out: RootContent[] = [heading(3, 'Figures before and after this change')];
  for (const year of years) {
    const b = base.years.find((y) => y.year === year);
    const h = head.years.find((y) => y.year === year);
    const rows: Inline[][] = [];
    for (const figure of headlines(words)) {
      const before = b ? figure.value(b) : undefined;
      const after = h ? figure.value(h) : undefined;
      if (before === after) continue;
      const show = (v: number | undefined) =>
        v === undefined ? '–' : figure.kind === 'percent' ? `${decimal(v)}%` : String(v);
      rows.push([figure.label, show(before), show(after)]);
    }
    for (const [id, s] of surveyRates(b, h)) rows.push([`Response rate: ${id}`, s.before, s.after]);
    out.push(
      paragraph(strong(year)),
      rows.length > 0
        ? table([{ header: 'Figure' }, { header: 'Before', align: 'right' }, { header: 'After', align: 'right' }], rows)
        : paragraph('No headline figure changes.'),
    );
  }
  return out;
}

function surveyRates(
  b: YearMetrics | undefined,
  h: YearMetrics | undefined,
): Array<[string, { before: string; after: string }]> {
  const ids = [...new Set([...Object.keys(b?.surveys ?? {}), ...Object.keys(h?.surveys ?? {})])].sort();
  const rate = (y: YearMetrics | undefined, id: string) => {
    const s = y?.surveys[id];
    return s
      ? s.population
        ? `${s.responses} of ${s.population} (${percent(s.responses, s.population)})`
        : `${s.responses}`
      : '–';
  };
  return ids
    .map((id) => [id, { before: rate(b, id), after: rate(h, id) }] as [string, { before: string; after: string }])
    .filter(([, r]) => r.before !== r.after);
}

function newSessions(created: readonly string[], head: AllMetrics | undefined, words: Words): RootContent[] {
  const ids = created
    .filter((f) => /^minutes\/.+\.md$/.test(f))
    .map((f) => f.replace(/^.*\//, '').replace(/\.md$/, ''));
  const sessions = (head?.years ?? []).flatMap((y) => y.sessions).filter((s) => ids.includes(s.id));
  if (sessions.length === 0) return [];
  return [
    heading(3, sessions.length === 1 ? 'New session' : 'New sessions'),
    table(
      [
        { header: 'Session' },
        { header: 'Date' },
        { header: 'Type' },
        { header: 'Members', align: 'right' },
        { header: 'Headcount', align: 'right' },
        { header: `${capital(words.department.many)} present`, align: 'right' },
        { header: 'Actions', align: 'right' },
      ],
      sessions.map((s) => [
        s.title,
        formatDate(s.date),
        s.type,
        String(s.memberAttendees),
        String(s.headcount),
        String(s.departmentsPresent),
        String(s.actions),
      ]),
    ),
  ];
}

/**
 * A note as Danger shows it. The location is in the text too: `danger local` and a fork's
 * text-only run print no file or line of their own.
 */
export function noteText(n: Note): string {
  return n.file ? `${n.file}${n.line ? `:${n.line}` : ''}: ${n.message}` : n.message;
}

/** The whole review as Markdown, for a job summary or a log where Danger cannot comment (a fork's read-only token). */
export function reviewAsMarkdown(r: Review): string {
  const line = (n: Note) => `- ${noteText(n)}`;
  const parts = ['## Records review'];
  if (r.fails.length > 0) parts.push(`### Must be fixed (${r.fails.length})`, ...r.fails.map(line));
  if (r.warnings.length > 0) parts.push(`### Worth a look (${r.warnings.length})`, ...r.warnings.map(line));
  if (r.fails.length === 0 && r.warnings.length === 0) parts.push('No problems in the changed records.');
  if (r.markdown) parts.push(r.markdown);
  return `${parts.join('\n\n')}\n`;
}
