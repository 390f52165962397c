import type { RootContent } from 'mdast';
import { heading, paragraph, table } from '../../format/markdown.js';
import { percent } from '../../format/numbers.js';
import { pathwayShown } from '../disclosure.js';
import { defineSection, type SectionInput } from '../section.js';

/**
 * Each recognition pathway by cohort (the year its members started), as they stand at the end of the latest year:
 * how many were awarded, withdrew or are still in progress. A pathway fewer than privacy.minGroupSize members
 * started shows no figures.
 */
export default defineSection<SectionInput>({
  id: 'pathways',
  title: 'Recognition pathways by cohort',
  render: ({ ctx }) => {
    const latest = ctx.metrics.years.at(-1);
    const pathways = Object.entries(latest?.pathways ?? {});
    if (!latest || pathways.length === 0) return undefined;
    const out: RootContent[] = [
      paragraph(`Members by the year they started each pathway, as they stand at the end of ${latest.year}.`),
    ];
    for (const [, p] of pathways) {
      out.push(heading(3, p.title));
      if (!pathwayShown(p, ctx.privacy)) {
        out.push(paragraph(`Fewer than ${ctx.privacy.minGroupSize} members have started it: not shown.`));
        continue;
      }
      out.push(
        table(
          [
            { header: 'Started in' },
            { header: 'Started', align: 'right' },
            { header: 'Awarded', align: 'right' },
            { header: 'Withdrew', align: 'right' },
            { header: 'In progress', align: 'right' },
            { header: 'Completion', align: 'right' },
          ],
          Object.entries(p.cohorts).map(([year, c]) => [
            year,
            String(c.started),
            String(c.awarded),
            String(c.withdrawn),
            String(c.inProgress),
            percent(c.awarded, c.started),
          ]),
        ),
      );
    }
    return out;
  },
});
