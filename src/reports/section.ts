import type { RootContent } from 'mdast';
import type { YearMetrics } from '../metrics/types.js';
import type { ReportContext } from './context.js';
import type { Page } from './page.js';

/**
 * What a section of a report is written from: the build's context, the page it embeds charts in, and for a year's
 * report its year.
 */
export interface SectionInput {
  ctx: ReportContext;
  page: Page;
}

export interface YearSectionInput extends SectionInput {
  year: YearMetrics;
}

export interface Section<I extends SectionInput = SectionInput> {
  /** Stable, for links and tests: "participation". */
  id: string;
  /** Its heading in the report, in the institution's words where it names a unit. */
  title: string | ((ctx: ReportContext) => string);
  /** The section's content under its heading; undefined leaves the section out (no outputs this year). */
  render(input: I): RootContent[] | undefined;
}

/** A section's heading in a report. */
export const titleOf = (section: Pick<Section<never>, 'title'>, ctx: ReportContext): string =>
  typeof section.title === 'string' ? section.title : section.title(ctx);

/** A report section: one file each, listed once in its report's list. */
export function defineSection<I extends SectionInput = YearSectionInput>(section: Section<I>): Section<I> {
  return section;
}
