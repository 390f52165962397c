import type { RootContent } from 'mdast';
import { paragraph, table } from '../../format/markdown.js';
import { CYCLES, cyclesWithoutEvidence, evidenceOf } from '../value-evidence.js';
import { defineSection } from '../section.js';

export default defineSection({
  id: 'value-creation',
  title: 'Value creation',
  render: ({ ctx, year }): RootContent[] | undefined => {
    const evidence = evidenceOf(ctx.community.valueCreation, ctx.privacy);
    if (evidence.length === 0) return undefined;
    const missing = cyclesWithoutEvidence(evidence, year);
    return [
      paragraph(
        'The evidence of this year for each cycle of the value-creation framework of Wenger, Trayner and de Laat, ' +
          'as the community maps it in data/community.json. Shares are of the n who answered the question, with ' +
          'their 95% Wilson interval.',
      ),
      table(
        [
          { header: 'Cycle' },
          { header: 'Evidence' },
          { header: 'Value', align: 'right' },
          { header: 'n', align: 'right' },
        ],
        evidence.map((e) => {
          const shown = e.shown(year);
          return [CYCLES[e.cycle].title, e.indicator.label, shown.text, shown.n];
        }),
      ),
      paragraph(
        missing.length === 0
          ? 'Every cycle of the framework has evidence this year.'
          : `No evidence this year for: ` +
              missing
                .map((c) => `${CYCLES[c].title.toLowerCase()} (${CYCLES[c].asks.toLowerCase().replace(/\?$/, '')})`)
                .join('; ') +
              '.',
      ),
    ];
  },
});
