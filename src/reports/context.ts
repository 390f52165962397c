import { posix } from 'node:path';
import type { Paragraph } from 'mdast';
import { code, emphasis, link, paragraph } from '../format/markdown.js';
import { DEFAULT_PRIVACY, type Community } from '../model/community.js';
import type { Narrative } from '../model/narrative.js';
import { type Words, wordsOf } from '../model/vocabulary.js';
import type { AllMetrics, YearMetrics } from '../metrics/types.js';
import type { Privacy } from './disclosure.js';

/** Everything a report needs, computed once per build. */
export interface ReportContext {
  community: Community;
  metrics: AllMetrics;
  /** The reports as the community writes them (narrative/), woven with the generated sections. */
  narratives: readonly Narrative[];
  privacy: Privacy;
  /** What this institution calls its units and roles. */
  words: Words;
}

export function reportContext(
  community: Community,
  metrics: AllMetrics,
  narratives: readonly Narrative[] = [],
): ReportContext {
  // Only the thresholds: the rest of privacy (allowed text, the student-number pattern) is never published.
  const p = community.privacy;
  const privacy: Privacy = {
    minResponses: p?.minResponses ?? DEFAULT_PRIVACY.minResponses,
    minGroupSize: p?.minGroupSize ?? DEFAULT_PRIVACY.minGroupSize,
    listSmallUnits: p?.listSmallUnits ?? DEFAULT_PRIVACY.listSmallUnits,
    ...(p?.roundMentees !== undefined ? { roundMentees: p.roundMentees } : {}),
  };
  return { community, metrics, narratives, privacy, words: wordsOf(community) };
}

export function unitName(ctx: ReportContext, id: string): string {
  return ctx.metrics.units.find((u) => u.id === id)?.name ?? id;
}

export function themeTitle(ctx: ReportContext, id: string): string {
  return ctx.community.themes.find((t) => t.id === id)?.title ?? id;
}

/** The year before `year` in the repository, if the repository has it. */
export function previousOf(ctx: ReportContext, year: YearMetrics): YearMetrics | undefined {
  const i = ctx.metrics.years.findIndex((y) => y.year === year.year);
  return i > 0 ? ctx.metrics.years[i - 1] : undefined;
}

export const REPORTS = {
  index: 'reports/README.md',
  yearOverYear: 'reports/year-over-year.md',
  engagement: 'reports/engagement.md',
  metrics: 'reports/metrics.json',
  calendar: 'reports/calendar.ics',
  annual: (year: string) => `reports/${year}/annual-report.md`,
} as const;

/** A link from one repository file to another that works on GitHub. */
export function relativeLink(from: string, to: string): string {
  return posix.relative(posix.dirname(from), to);
}

/** What every report of a community without a held session says instead of empty tables. */
export const NOTHING_YET = paragraph(
  'Nothing has been recorded yet. The reports fill in as the community records its sessions (minutes/), members ' +
    '(data/members.json) and surveys (surveys/): see CONTRIBUTING.md.',
);

/** The line under every report's title: where it comes from, and that hand edits are lost. */
export function generatedNote(from: string): Paragraph {
  return paragraph(
    emphasis(
      'Generated from the records in this repository by ',
      code('npm run build'),
      '; do not edit by hand.',
      ...(from === REPORTS.index ? [] : [' ', link(relativeLink(from, REPORTS.index), 'All reports'), '.']),
    ),
  );
}
