import type { RootContent } from 'mdast';
import { heading, paragraph, strong } from '../../format/markdown.js';
import { intervalText, percent, plural } from '../../format/numbers.js';
import type { SurveyMetrics, SurveyRecord } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { surveyShown } from '../disclosure.js';
import { defineSection } from '../section.js';

/** A survey's themes, the most raised first (ties in codebook order). */
function themesByCount(record: SurveyRecord, m: SurveyMetrics): SurveyRecord['codebook'] {
  const count = (id: string) => m.codes?.[id] ?? 0;
  return record.codebook
    .map((c, i) => ({ c, i }))
    .sort((a, b) => count(b.c.id) - count(a.c.id) || a.i - b.i)
    .map(({ c }) => c);
}

/** Quotes chosen for publication whose answers carry a code are shown under their themes, not under their question. */
export const quotedUnderTheme = (record: SurveyRecord, quote: SurveyRecord['quotes'][number]) =>
  record.codebook.some((c) => quote.codes.includes(c.id));

const quote = (text: string): RootContent => ({ type: 'blockquote', children: [paragraph(`“${text}”`)] });

function surveyThemes(ctx: ReportContext, record: SurveyRecord, m: SurveyMetrics): RootContent[] {
  const { minResponses, minGroupSize } = ctx.privacy;
  const out: RootContent[] = [heading(3, m.title)];
  if (!surveyShown(m, ctx.privacy)) {
    return [
      ...out,
      paragraph(
        `The themes are not shown: the survey has fewer than ${plural(minResponses, 'response')}, the fewest ` +
          `the community publishes.`,
      ),
    ];
  }
  const wrote = m.wrote ?? 0;
  const counted = wrote >= minGroupSize;
  out.push(
    paragraph(
      `The coordinators read the written answers of the ${plural(wrote, 'respondent')} who wrote at least one and ` +
        `coded them with ${plural(record.codebook.length, 'theme')}; one answer can raise several. The themes are ` +
        `in the order of how many respondents raised them. `,
      counted
        ? 'Shares are of the respondents who wrote an answer, with their 95% Wilson interval.'
        : `How many raised each is not shown: fewer than ${plural(minGroupSize, 'respondent')} wrote an answer, ` +
            `the smallest group the community publishes.`,
    ),
  );
  for (const theme of themesByCount(record, m)) {
    const n = m.codes?.[theme.id] ?? 0;
    out.push(heading(4, theme.title));
    const parts = [
      ...(counted
        ? [strong(`Raised by ${n} of ${wrote} (${percent(n, wrote)}, 95% interval ${intervalText(n, wrote)})`), '. ']
        : []),
      ...(theme.description ? [theme.description.endsWith('.') ? theme.description : `${theme.description}.`] : []),
    ];
    if (parts.length > 0) out.push(paragraph(...parts));
    out.push(...record.quotes.filter((q) => q.codes.includes(theme.id)).map((q) => quote(q.text)));
  }
  return out;
}

export default defineSection({
  id: 'open-answers',
  title: 'Themes from open answers',
  render: ({ ctx, year }) => {
    const coded = Object.entries(year.surveys).filter(([id]) => (year.records.surveys[id]?.codebook.length ?? 0) > 0);
    if (coded.length === 0) return undefined;
    return coded.flatMap(([id, m]) => surveyThemes(ctx, year.records.surveys[id]!, m));
  },
});
