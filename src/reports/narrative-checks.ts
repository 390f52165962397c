import { metricsOf } from '../metrics/index.js';
import type { Lookup } from '../model/lookup.js';
import type { Narrative } from '../model/narrative.js';
import { ANNUAL_SECTIONS } from './annual/index.js';
import { reportContext } from './context.js';
import { Figures, type NarrativeProblem, narrativeProblems } from './narrative.js';
import { YEAR_OVER_YEAR_SECTIONS } from './year-over-year/index.js';

// Apart from build.ts, which draws the charts: the validator (and Danger, through it) loads no chart renderer.
/**
 * The problems of the repository's narrative documents that need the figures (a path, a withheld
 * figure) and the reports' sections, for the validator: the metrics are computed once, when there
 * is a narrative to check.
 */
export function narrativeChecks(lookup: Lookup): (n: Narrative) => NarrativeProblem[] {
  const community = lookup.repo.community?.data;
  if (!community) return () => [];
  let figures: Figures | undefined;
  try {
    figures = new Figures(reportContext(community, metricsOf(lookup), lookup.repo.narratives));
  } catch {
    // Records with errors may not be countable: their own problems are told, and the figures are checked once fixed.
    figures = undefined;
  }
  return (n) => narrativeProblems(n, n.kind === 'annual' ? ANNUAL_SECTIONS : YEAR_OVER_YEAR_SECTIONS, figures);
}
