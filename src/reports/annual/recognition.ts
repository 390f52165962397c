import type { RootContent } from 'mdast';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { unitName } from '../context.js';
import { chartOf } from '../charts/define.js';
import pathwayFunnel from '../charts/pathway-funnel.js';
import { emphasis, heading, paragraph, strong, table } from '../../format/markdown.js';
import { decimal, percentWithInterval, plural } from '../../format/numbers.js';
import { compareStrings } from '../../format/compare.js';
import { pathwayShown } from '../disclosure.js';
import type { Page } from '../page.js';
import { capital } from '../../model/vocabulary.js';
import { defineSection } from '../section.js';

/**
 * Members' mentoring roles (matched, waiting, none) and their progress along recognition pathways: counts only,
 * never a member by name; a unit of fewer than privacy.minGroupSize members counts in the totals only, and a pathway
 * fewer than that many members started shows no figures.
 */
function recognitionSection(ctx: ReportContext, year: YearMetrics, page: Page): RootContent[] | undefined {
  const m = year.mentoring;
  const pathways = Object.entries(year.pathways ?? {});
  if (!m && pathways.length === 0) return undefined;
  const mentee = ctx.words.mentee;
  const minGroup = ctx.privacy.minGroupSize;
  const out: RootContent[] = [];
  if (m) {
    const total = m.active + m.waiting + m.none + m.unknown;
    out.push(
      heading(3, 'Mentoring roles'),
      paragraph(
        `Of the ${plural(total, 'member')} this year, `,
        strong(`${m.active} ${m.active === 1 ? 'was' : 'were'} mentoring`),
        ` (in a mentoring relationship with a ${mentee.one}), `,
        strong(`${m.waiting} ${m.waiting === 1 ? 'was' : 'were'} waiting to be matched`),
        ` and ${m.none} had no mentoring role` +
          `${m.unknown > 0 ? `; the roster gives no status for ${m.unknown}` : ''}.` +
          (m.medianDaysWaiting === null
            ? ''
            : ` Those waiting had waited ${decimal(m.medianDaysWaiting, 0)} days (the median of ` +
              `${plural(m.waitingWithSince, 'member')} who give since when) by ${year.asOf}.`),
      ),
    );
    const size = (c: (typeof m.byUnit)[string]) => c.active + c.waiting + c.none + c.unknown;
    const units = Object.entries(m.byUnit).sort(([a], [b]) => compareStrings(unitName(ctx, a), unitName(ctx, b)));
    const shown = units.filter(([, c]) => size(c) >= minGroup);
    if (shown.length > 0)
      out.push(
        table(
          [
            { header: 'Unit' },
            { header: 'Mentoring', align: 'right' },
            { header: 'Waiting', align: 'right' },
            { header: 'No role', align: 'right' },
            { header: 'Not given', align: 'right' },
          ],
          shown.map(([id, c]) => [
            unitName(ctx, id),
            String(c.active),
            String(c.waiting),
            String(c.none),
            String(c.unknown),
          ]),
        ),
      );
    if (units.length > shown.length)
      out.push(
        paragraph(
          emphasis(
            `${plural(units.length - shown.length, 'unit')} with fewer than ${plural(minGroup, 'member')} ` +
              `${units.length - shown.length === 1 ? 'counts' : 'count'} in the totals only.`,
          ),
        ),
      );
  }
  for (const [id, p] of pathways) {
    out.push(heading(3, p.title));
    if (!pathwayShown(p, ctx.privacy)) {
      out.push(
        paragraph(
          `Fewer than ${plural(minGroup, 'member')} have started this pathway, so its figures are not shown: they ` +
            'would describe individual members.',
        ),
      );
      continue;
    }
    const last = p.stages[p.stages.length - 1]!;
    const awarded = Math.round((p.completionRate ?? 0) * p.everStarted);
    const time =
      p.medianDaysToAward === null
        ? ''
        : `, in a median of ${decimal(p.medianDaysToAward, 0)} days from the first stage`;
    out.push(
      paragraph(
        `This year ${plural(p.started, 'member')} started (${p.stages[0]}), ${p.awarded} reached the award ` +
          `(${last}) and ${p.withdrawn} withdrew; at the year's end ${p.inProgress} ` +
          `${p.inProgress === 1 ? 'was' : 'were'} in progress. Of the ${plural(p.everStarted, 'member')} who have ` +
          `started, ${percentWithInterval(awarded, p.everStarted)} ${awarded === 1 ? 'has' : 'have'} reached the ` +
          `award${time}.`,
      ),
      ...page.embed(chartOf(pathwayFunnel, { year, id, pathway: p })),
      table(
        [
          { header: 'Stage' },
          { header: 'Reached this year', align: 'right' },
          { header: "Reached by the year's end", align: 'right' },
        ],
        p.stages.map((s) => [capital(s.replace(/-/g, ' ')), String(p.reached[s] ?? 0), String(p.reachedByEnd[s] ?? 0)]),
      ),
    );
  }
  return out;
}

export default defineSection({
  id: 'recognition',
  title: 'Mentoring roles and recognition',
  render: ({ ctx, year, page }) => recognitionSection(ctx, year, page),
});
