import { z } from 'zod';
import { DateString, Text } from './fields.js';
import type { Locator } from './positions.js';

/** A narrative document's optional frontmatter: what the report's cover says of it. */
export const NarrativeSchema = z
  .strictObject({
    title: Text.optional().meta({ title: 'Title', description: 'The report’s title, in place of the default one' }),
    authors: Text.optional().meta({ title: 'Authors', description: 'Who wrote it, as the cover names them' }),
    approved: DateString.optional().meta({ title: 'Approved', description: 'The day it was approved, YYYY-MM-DD' }),
  })
  .meta({ title: 'Narrative', description: 'The frontmatter of a narrative document (narrative/)' });

type NarrativeData = z.output<typeof NarrativeSchema>;

/** Which report a narrative document writes: a year's annual report, or the year-over-year report. */
export type NarrativeKind = 'annual' | 'year-over-year';

/** `narrative/<year>/annual-report.md` or `narrative/year-over-year.md`: the report as the community writes it. */
export interface Narrative {
  file: string;
  kind: NarrativeKind;
  /** The year of an annual report's narrative. */
  year?: string;
  data: Partial<NarrativeData>;
  locator?: Locator;
  /** The Markdown after the frontmatter (the whole file without one), and the line it starts on. */
  body: string;
  bodyLine: number;
}

/** The narrative document of a report, by its path; undefined for a file that is none. */
export function narrativeOf(file: string): { kind: NarrativeKind; year?: string } | undefined {
  if (file === 'narrative/year-over-year.md') return { kind: 'year-over-year' };
  const m = /^narrative\/(\d{4}-\d{2})\/annual-report\.md$/.exec(file);
  return m ? { kind: 'annual', year: m[1]! } : undefined;
}
