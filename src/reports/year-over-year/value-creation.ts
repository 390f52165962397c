import { table } from '../../format/markdown.js';
import { CYCLES, evidenceOf } from '../value-evidence.js';
import { defineSection, type SectionInput } from '../section.js';

/** Each value-creation indicator year by year, cycles in the framework's order. */
export default defineSection<SectionInput>({
  id: 'value-creation',
  title: 'Value creation',
  render: ({ ctx }) => {
    const evidence = evidenceOf(ctx.community.valueCreation, ctx.privacy);
    if (evidence.length === 0) return undefined;
    const years = ctx.metrics.years;
    return [
      table(
        [
          { header: 'Cycle' },
          { header: 'Evidence' },
          ...years.map((y) => ({ header: y.year, align: 'right' as const })),
        ],
        evidence.map((e) => [
          CYCLES[e.cycle].title,
          e.indicator.label,
          ...years.map((y) => {
            const shown = e.shown(y);
            return shown.n === '' || !shown.evidence ? shown.text : `${shown.text}, n = ${shown.n}`;
          }),
        ]),
      ),
    ];
  },
});
