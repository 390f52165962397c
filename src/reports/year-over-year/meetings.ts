import { table } from '../../format/markdown.js';
import { decimal, intervalText, percent } from '../../format/numbers.js';
import { capital } from '../../model/vocabulary.js';
import { menteeCount } from '../disclosure.js';
import { defineSection, type SectionInput } from '../section.js';

/** Coverage and one-to-one meetings per mentee met, year by year, for the years with meeting returns. */
export default defineSection<SectionInput>({
  id: 'meetings',
  title: 'Mentoring between sessions',
  render: ({ ctx }) => {
    const years = ctx.metrics.years.filter((y) => y.meetings !== undefined);
    if (years.length === 0) return undefined;
    const { mentee } = ctx.words;
    const shown = (n: number) => String(menteeCount(n, ctx.privacy));
    return [
      table(
        [
          { header: 'Year' },
          { header: 'Returns', align: 'right' },
          { header: `${capital(mentee.many)} allocated`, align: 'right' },
          { header: 'Met at least once', align: 'right' },
          { header: 'Coverage (95% interval)', align: 'right' },
          { header: `One-to-one meetings per ${mentee.one} met`, align: 'right' },
        ],
        years.map((y) => {
          const m = y.meetings!;
          return [
            y.year,
            String(m.returns),
            shown(m.mentees),
            shown(m.menteesMet),
            m.mentees === 0 ? '–' : `${percent(m.menteesMet, m.mentees)} (${intervalText(m.menteesMet, m.mentees)})`,
            m.perMenteeMet === null ? '–' : decimal(m.perMenteeMet),
          ];
        }),
      ),
    ];
  },
});
