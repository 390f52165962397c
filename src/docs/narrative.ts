import { code, heading, list, paragraph, root, table, toMarkdown } from '../format/markdown.js';
import type { Community } from '../model/community.js';
import { ANNUAL_SECTIONS } from '../reports/annual/index.js';
import { reportContext } from '../reports/context.js';
import { titleOf, type Section } from '../reports/section.js';
import { YEAR_OVER_YEAR_SECTIONS } from '../reports/year-over-year/index.js';

/** A community with no words of its own: the sections' default titles. */
const ANY: Community = {
  name: 'A community',
  institution: 'An institution',
  yearStart: '08-01',
  aims: [],
  themes: [],
  team: [],
} as unknown as Community;

/**
 * `docs/narrative.md`: the directives of a narrative document and every section id they place,
 * from the reports' own section lists. `build` writes it and `build --check` holds it.
 */
export function narrativeMarkdown(): string {
  const ctx = reportContext(ANY, { years: [], units: [], cohorts: [], calendar: [] });
  const sections = (list_: readonly Section<never>[]) =>
    table(
      [{ header: 'id' }, { header: 'section' }],
      list_.map((s) => [code(s.id), titleOf(s, ctx)]),
    );
  return toMarkdown(
    root([
      heading(1, 'Narrative documents: the report as the community writes it'),
      paragraph(
        'Generated from the reports’ sections (',
        code('npm run build'),
        ' writes it; do not edit by hand). ',
        code('narrative/<year>/annual-report.md'),
        ' is that year’s annual report and ',
        code('narrative/year-over-year.md'),
        ' the year-over-year report, as the community writes them: Markdown, with an optional frontmatter (',
        code('title'),
        ', ',
        code('authors'),
        ', ',
        code('approved'),
        ', a date) and two directives. ',
        code('npm run --silent cop -- new narrative --year 2024-25'),
        ' writes the default report as a narrative to start from.',
      ),
      list([
        [
          code('::section{#participation}'),
          ', alone on a line: the generated section of that id, heading included, where the line stands. ',
          code('::section{#id omit}'),
          ' leaves it out. A section the narrative neither places nor omits follows the narrative, in the usual order.',
        ],
        [
          code(':figure{of="members.attendedAny"}'),
          ', inside text: a figure of the year’s metrics, by its path in ',
          code('reports/metrics.json'),
          ' (every path: docs/metrics-fields.md, under ',
          code('years[]'),
          '). Options: ',
          code('per="<path>"'),
          ' (the figure it is a share of), ',
          code('as'),
          ' = ',
          code('count'),
          ', ',
          code('percent'),
          ', ',
          code('count-percent'),
          ' or ',
          code('mean'),
          ', ',
          code('digits="<n>"'),
          ' (decimals: percents are whole by default), ',
          code('year="<YYYY-YY>"'),
          ' (another year, and always in the year-over-year report).',
        ],
      ]),
      paragraph(
        code('cop validate'),
        ' checks every directive at its line and column: an unknown section or path (with the nearest), ',
        'a section placed twice, a path that is not a number, and a figure the published reports withhold (a survey ',
        'under privacy.minResponses, a share of fewer than privacy.minGroupSize people). The text is checked as ',
        'minutes are: personal data, members’ names, links (web and e-mail only) and images (the reports’ charts ' +
          'only).',
      ),
      heading(2, 'Sections of the annual report'),
      sections(ANNUAL_SECTIONS as readonly Section<never>[]),
      heading(2, 'Sections of the year-over-year report'),
      sections(YEAR_OVER_YEAR_SECTIONS as readonly Section<never>[]),
    ]),
  );
}
