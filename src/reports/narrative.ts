import type { Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { remark } from 'remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import { SKIP, visit } from 'unist-util-visit';
import { heading } from '../format/markdown.js';
import { decimal } from '../format/numbers.js';
import type { Narrative } from '../model/narrative.js';
import type { Position } from '../model/positions.js';
import { didYouMean, nearestFirst } from '../model/suggest.js';
import type { ReportContext } from './context.js';
import { publishedMetrics } from './disclosure.js';
import { titleOf, type Section } from './section.js';
import type { YearSource } from '../metrics/index.js';

const parser = remark().use(remarkGfm).use(remarkDirective);

type Directive = ContainerDirective | LeafDirective | TextDirective;

/** A problem of a narrative document, at its place in the file. */
export interface NarrativeProblem extends Position {
  message: string;
  expected?: string[];
}

const FIGURE_OPTIONS = ['of', 'per', 'as', 'digits', 'year'] as const;
const AS = ['count', 'percent', 'count-percent', 'mean'] as const;

type Year = Record<string, unknown>;

/** The value at a dotted path of a year's figures (`surveys.member-evaluation.questions.q4.mean`), or undefined. */
function at(year: Year | undefined, path: string): unknown {
  let v: unknown = year;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** Every path of a year's figures that holds a number: what a figure may name. */
function numberPaths(value: unknown, prefix = '', out: string[] = []): string[] {
  if (typeof value === 'number') out.push(prefix);
  else if (Array.isArray(value)) return out;
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numberPaths(v, prefix === '' ? k : `${prefix}.${k}`, out);
  return out;
}

/**
 * Why a path the full figures have is withheld from the published ones: the `suppressed` on its way, or the threshold.
 */
function withheldWhy(published: Year | undefined, path: string): string {
  const keys = path.split('.');
  for (let i = keys.length; i > 0; i--) {
    const reason = at(published, `${keys.slice(0, i).join('.')}.suppressed`);
    if (typeof reason === 'string') return reason;
  }
  return "the community's privacy thresholds";
}

/**
 * The figures a narrative may print, as the reports publish them: a year's published metrics, the
 * full ones to tell a withheld figure from an unknown path, and the thresholds.
 */
export class Figures {
  private readonly made = new Map<string, { published: Year; full: Year } | undefined>();
  private readonly source: YearSource;

  constructor(
    private readonly ctx: ReportContext,
    /** Where a year's metrics come from: by default the context's, all made. */
    source?: YearSource,
  ) {
    const byYear = new Map(ctx.metrics.years.map((y) => [y.year, y]));
    this.source = source ?? { years: ctx.metrics.years.map((y) => y.year), year: (y) => byYear.get(y) };
  }

  get years(): string[] {
    return [...this.source.years];
  }

  /** A year's figures, full and as published, made when a figure of that year is first asked for. */
  private yearOf(year: string): { published: Year; full: Year } | undefined {
    if (!this.made.has(year)) {
      const metrics = this.source.year(year);
      if (!metrics) this.made.set(year, undefined);
      else {
        const { records: _records, ...full } = metrics;
        const [published] = publishedMetrics({ ...this.ctx.metrics, years: [metrics] }, this.ctx.privacy).years;
        this.made.set(year, { published: published as unknown as Year, full: full as unknown as Year });
      }
    }
    return this.made.get(year);
  }

  /** A figure's words (`18`, `90%`, `18 (90%)`, `4.5`), or the problem that keeps it out of published prose. */
  figure(
    attrs: Record<string, string | null | undefined>,
    year: string | undefined,
  ): { text: string } | { problem: string; expected?: string[] } {
    const unknown = Object.keys(attrs).filter((k) => !(FIGURE_OPTIONS as readonly string[]).includes(k));
    if (unknown.length > 0)
      return {
        problem: `:figure has no option "${unknown[0]}": its options are ${FIGURE_OPTIONS.join(', ')}`,
        expected: [...FIGURE_OPTIONS],
      };
    const of = attrs.of ?? undefined;
    if (!of) return { problem: ':figure needs the path of a figure: :figure{of="members.attendedAny"}' };
    const as = (attrs.as ?? 'count') as (typeof AS)[number];
    if (!(AS as readonly string[]).includes(as))
      return { problem: `as="${as}" is not a way to print a figure: use ${AS.join(', ')}`, expected: [...AS] };
    const digits = attrs.digits === undefined || attrs.digits === null ? undefined : Number(attrs.digits);
    if (digits !== undefined && !(Number.isInteger(digits) && digits >= 0 && digits <= 3))
      return { problem: `digits="${attrs.digits}" must be a whole number from 0 to 3` };
    const which = attrs.year ?? year;
    if (which === undefined || which === null)
      return {
        problem: ':figure in the year-over-year report needs its year: :figure{of="members.total" year="2024-25"}',
      };
    if (!this.source.years.includes(which))
      return { problem: `year="${which}" is not a year of the records`, expected: nearestFirst(which, this.years, 5) };
    const value = this.value(of, which);
    if ('problem' in value) return value;
    let per: number | undefined;
    if (attrs.per) {
      const p = this.value(attrs.per, which);
      if ('problem' in p) return p;
      per = p.value;
      // A share of too few people describes them: the reports show none, and neither does the prose.
      if (per < this.ctx.privacy.minGroupSize)
        return {
          problem:
            `the share of ${attrs.per} (${per}) is withheld from the published reports: it describes fewer than ` +
            `${this.ctx.privacy.minGroupSize} people (privacy.minGroupSize). Give the count alone, or leave the ` +
            `figure out`,
        };
    }
    const share =
      per !== undefined
        ? per === 0
          ? undefined
          : value.value / per
        : value.value >= 0 && value.value <= 1
          ? value.value
          : undefined;
    const pct = () => (share === undefined ? undefined : `${decimal(100 * share, digits ?? 0)}%`);
    switch (as) {
      case 'count':
        return { text: decimal(value.value, digits ?? 1) };
      case 'mean':
        return { text: decimal(value.value, digits ?? 1) };
      case 'percent': {
        const p = pct();
        return p === undefined
          ? { problem: `${of} is not a share: give per="<path>", the figure it is a share of` }
          : { text: p };
      }
      case 'count-percent': {
        const p = pct();
        return p === undefined
          ? { problem: `as="count-percent" needs per="<path>", the figure ${of} is a share of` }
          : { text: `${decimal(value.value, 0)} (${p})` };
      }
    }
  }

  private value(path: string, year: string): { value: number } | { problem: string; expected?: string[] } {
    const published = this.yearOf(year)?.published;
    const v = at(published, path);
    if (typeof v === 'number') return { value: v };
    const full = at(this.yearOf(year)?.full, path);
    if (typeof full === 'number' || (full === null && v === undefined))
      return {
        problem:
          `the figure ${path} of ${year} is withheld from the published reports ` +
          `(${withheldWhy(published, path)}), so the prose cannot print it either`,
      };
    if (v === null || full === null)
      return { problem: `the figure ${path} of ${year} has no value: there is nothing to count yet` };
    if (full !== undefined)
      return { problem: `${path} is not a number but a group of figures: name one of them, ${path}.<…>` };
    const paths = numberPaths(this.yearOf(year)?.full);
    const near = didYouMean(path, paths);
    return {
      problem:
        `${path} is not a figure of ${year}.${near ? ` Did you mean "${near}"?` : ''} ` +
        `docs/metrics-fields.md lists every figure`,
      expected: nearestFirst(path, paths, 5),
    };
  }
}

const positionOf = (n: { position?: { start: { line: number; column: number } } }, bodyLine: number): Position => ({
  line: (n.position?.start.line ?? 1) + bodyLine - 1,
  column: n.position?.start.column ?? 1,
});

/** Every problem of a narrative document's directives, each at its line and column in the file. */
export function narrativeProblems(
  n: Narrative,
  sections: readonly Section<never>[],
  figures: Figures | undefined,
): NarrativeProblem[] {
  const tree = parser.parse(n.body) as Root;
  const problems: NarrativeProblem[] = [];
  const ids = sections.map((s) => s.id);
  const placed = new Map<string, Position>();
  visit(tree, (node) => {
    if (node.type !== 'containerDirective' && node.type !== 'leafDirective' && node.type !== 'textDirective') return;
    const d = node as Directive;
    const where = positionOf(d, n.bodyLine);
    // Returns nothing: a number returned to visit() would be taken for the index to go on from.
    const problem = (message: string, expected?: string[]): undefined => {
      problems.push({ ...where, message, ...(expected && expected.length > 0 ? { expected } : {}) });
      return undefined;
    };
    if (d.name === 'section') {
      if (d.type !== 'leafDirective') return problem('::section stands alone on its line: ::section{#participation}');
      const id = d.attributes?.id;
      if (!id) return problem(`::section needs the id of a section: ::section{#${ids[0]}}`, ids);
      if (!ids.includes(id)) {
        const near = didYouMean(id, ids);
        return problem(
          `"${id}" is not a section of this report.${near ? ` Did you mean "${near}"?` : ''} Its sections are: ` +
            `${ids.join(', ')}`,
          nearestFirst(id, ids, 5),
        );
      }
      const first = placed.get(id);
      if (first)
        return problem(`the section "${id}" is placed twice (first at line ${first.line}): keep one ::section{#${id}}`);
      placed.set(id, where);
      return;
    }
    if (d.name === 'figure') {
      if (d.type !== 'textDirective')
        return problem(':figure stands inside text, with one colon: :figure{of="members.total"}');
      // Without figures (records that cannot be counted yet), a figure is checked once they can.
      const f = figures?.figure(d.attributes ?? {}, n.year);
      if (f && 'problem' in f) problem(f.problem, f.expected);
      return;
    }
    problem(`"${d.name}" is not a directive of narrative documents: use ::section{#id} or :figure{of="path"}`, [
      'section',
      'figure',
    ]);
  });
  return problems;
}

/**
 * The report as the narrative writes it: its prose with every figure printed, each placed section
 * rendered where it stands (an omitted one left out), and the sections it neither places nor omits
 * after it, in the default order, so that no computed section disappears unnoticed.
 */
export function weave(
  n: Narrative,
  sections: ReadonlyArray<{ section: Section<never>; render: () => RootContent[] | undefined }>,
  ctx: ReportContext,
  figures: Figures,
): RootContent[] {
  const tree = parser.parse(n.body) as Root;
  const seen = new Set<string>();
  const rendered = (id: string): RootContent[] => {
    const entry = sections.find((s) => s.section.id === id);
    const content = entry?.render();
    return entry && content ? [heading(2, titleOf(entry.section, ctx)), ...content] : [];
  };
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    if (node.type === 'leafDirective' && (node as LeafDirective).name === 'section') {
      const d = node as LeafDirective;
      const id = d.attributes?.id ?? '';
      seen.add(id);
      const content = d.attributes && 'omit' in d.attributes ? [] : rendered(id);
      parent.children.splice(index, 1, ...(content as typeof parent.children));
      return [SKIP, index + content.length];
    }
    if (node.type === 'textDirective' && (node as TextDirective).name === 'figure') {
      const f = figures.figure((node as TextDirective).attributes ?? {}, n.year);
      parent.children.splice(index, 1, { type: 'text', value: 'text' in f ? f.text : '' } as never);
      return [SKIP, index + 1];
    }
    // Comments are the writer's notes, and raw HTML is never published: neither reaches the report.
    if (node.type === 'html') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') {
      // Validation refuses any other directive; a build never prints one.
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const rest = sections.filter((s) => !seen.has(s.section.id)).flatMap((s) => rendered(s.section.id));
  return [...(tree.children as RootContent[]), ...rest];
}

/**
 * The default report as a narrative document to start from: every section as its directive, in
 * the default order, with a comment where the community's prose goes. Comments print nothing.
 */
export function narrativeTemplate(sections: readonly Section<never>[], ctx: ReportContext, title: string): string {
  const blocks = sections.map(
    (s) => `::section{#${s.id}}\n\n<!-- Your words on ${titleOf(s, ctx).toLowerCase()}, if any. -->`,
  );
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    '# authors: Who wrote it, as the cover names them',
    '# approved: 2025-10-01',
    '---',
    '',
    '<!--',
    'The annual report as the community writes it. Write prose between the sections; print a figure of the',
    'year with :figure{of="members.attendedAny" per="members.total" as="percent"} (docs/narrative.md lists',
    'every section and figure). Move a ::section line to place that section elsewhere; write',
    '::section{#id omit} to leave one out. Sections not placed here follow the text, in the usual order.',
    '-->',
    '',
    ...blocks.flatMap((b) => [b, '']),
  ].join('\n');
}
