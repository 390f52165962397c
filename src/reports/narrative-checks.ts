import { yearsOf } from '../metrics/index.js';
import type { Lookup } from '../model/lookup.js';
import type { Narrative } from '../model/narrative.js';
import { ANNUAL_SECTIONS } from './annual/index.js';
import { reportContext } from './context.js';
import { Figures, type NarrativeProblem, narrativeProblems } from './narrative.js';
import { YEAR_OVER_YEAR_SECTIONS } from './year-over-year/index.js';

// Apart from build.ts, which draws the charts: the validator (and Danger, through it) loads no chart renderer.
/**
 * The problems of the repository's narrative documents that need the figures (a path, a withheld
 * figure) and the reports' sections, for the validator: a year's metrics are made when a narrative
 * names a figure of it, once.
 */
export function narrativeChecks(lookup: Lookup): (n: Narrative) => NarrativeProblem[] {
  const community = lookup.repo.community?.data;
  if (!community) return () => [];
  let figures: Figures | undefined;
  try {
    // Only the years the narratives name figures of are made: the rest of the metrics are the build's.
    figures = new Figures(reportContext(community, EMPTY, lookup.repo.narratives), yearsOf(lookup));
  } catch {
    // Records with errors may not be countable: their own problems are told, and the figures are checked once fixed.
    figures = undefined;
  }
  return (n) => {
    const sections = n.kind === 'annual' ? ANNUAL_SECTIONS : YEAR_OVER_YEAR_SECTIONS;
    try {
      return narrativeProblems(n, sections, figures);
    } catch {
      return narrativeProblems(n, sections, undefined);
    }
  };
}

const EMPTY = { years: [], units: [], cohorts: [], calendar: [] };
