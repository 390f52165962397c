import type { RootContent } from 'mdast';
import { heading, table } from '../../format/markdown.js';
import { percent } from '../../format/numbers.js';
import { surveyShown } from '../disclosure.js';
import { defineSection, type SectionInput } from '../section.js';

/** The themes of surveys with the same id, compared where two or more years coded their answers. */
export default defineSection<SectionInput>({
  id: 'open-answers',
  title: 'Themes from open answers',
  render: ({ ctx }) => {
    const { minGroupSize } = ctx.privacy;
    const years = ctx.metrics.years;
    const ids = [...new Set(years.flatMap((y) => Object.keys(y.surveys)))].sort();
    const out: RootContent[] = [];
    for (const id of ids) {
      const runs = years.filter(
        (y) =>
          (y.records.surveys[id]?.codebook.length ?? 0) > 0 &&
          surveyShown(y.surveys[id]!, ctx.privacy) &&
          (y.surveys[id]!.wrote ?? 0) >= minGroupSize,
      );
      if (runs.length < 2) continue;
      // Themes by id, the latest year's titles first, then any an earlier year had and later dropped.
      const themes = new Map<string, string>();
      for (const y of [...runs].reverse())
        for (const c of y.records.surveys[id]!.codebook) if (!themes.has(c.id)) themes.set(c.id, c.title);
      const latest = runs[runs.length - 1]!;
      out.push(
        heading(3, latest.surveys[id]!.title),
        table(
          [{ header: 'Theme' }, ...runs.map((y) => ({ header: y.year, align: 'right' as const }))],
          [
            ['Respondents who wrote an answer', ...runs.map((y) => String(y.surveys[id]!.wrote))],
            ...[...themes].map(([code, title]) => [
              title,
              ...runs.map((y) => {
                const m = y.surveys[id]!;
                const n = m.codes?.[code];
                return n === undefined ? '–' : `${n} (${percent(n, m.wrote ?? 0)})`;
              }),
            ]),
          ],
        ),
      );
    }
    return out.length > 0 ? out : undefined;
  },
});
