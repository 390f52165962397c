import type { RootContent } from 'mdast';
import type { QuestionMetrics, ScaleMetrics, SurveyMetrics, YearMetrics, SurveyRecord } from '../../metrics/types.js';
import type { Question, ScaleQuestion } from '../../model/survey.js';
import { surveyShown } from '../disclosure.js';
import type { ReportContext } from '../context.js';
import { chartOf } from '../charts/define.js';
import likertChart from '../charts/likert.js';
import multiChart from '../charts/multi.js';
import { emphasis, list, heading, paragraph, strong, table, type Column, type Inline } from '../../format/markdown.js';
import type { Page } from '../page.js';
import { decimal, intervalText, percent, percentWithInterval, plural } from '../../format/numbers.js';
import { defineSection } from '../section.js';
import { counted } from '../../model/vocabulary.js';
import { quotedUnderTheme } from './open-answers.js';
import { compareStrings } from '../../format/compare.js';

const CI_NOTE =
  'Shares are given with their 95% Wilson confidence interval in brackets: with so few respondents, a share is an ' +
  'estimate with wide uncertainty.';

function surveysSection(ctx: ReportContext, year: YearMetrics, page: Page): RootContent[] {
  const entries = Object.entries(year.surveys);
  if (entries.length === 0) return [paragraph('No surveys were run this year.')];
  const out: RootContent[] = [paragraph(CI_NOTE)];
  for (const [id, metrics] of entries) {
    const survey = year.records.surveys[id]!;
    const draw: Draw = { page, year: year.year, survey: id };
    out.push(...surveyBlock(ctx, survey, metrics, draw));
  }
  return out;
}

/** Where a survey's charts go: the page, and the year and survey their files are named by. */
interface Draw {
  page: Page;
  year: string;
  survey: string;
}

function surveyBlock(ctx: ReportContext, survey: SurveyRecord, m: SurveyMetrics, draw: Draw): RootContent[] {
  const { minResponses, minGroupSize } = ctx.privacy;
  const questions = survey.questions;
  // A survey of mentees or mentors is titled and counted by whom it asked, in the community's words.
  const asked = m.of === 'mentees' ? ctx.words.mentee : m.of === 'mentors' ? ctx.words.mentor : undefined;
  const out: RootContent[] = [heading(3, asked ? `Feedback from ${asked.many}: ${m.title}` : m.title)];
  if (asked)
    out.push(
      paragraph(
        `This survey asked ${asked.many}${m.population ? ` (${counted(m.population, asked)})` : ''}, not the ` +
          `community's members: ${
            m.of === 'mentees'
              ? `its answers say what the ${ctx.words.mentor.many}' work meant to them.`
              : 'its answers say what mentoring was like for them.'
          }`,
      ),
    );
  const rate = m.population
    ? [
        strong(
          `${plural(m.responses, 'response')} of ${asked ? counted(m.population, asked) : m.population} ` +
            `(${percent(m.responses, m.population)})`,
        ),
        `; 95% interval of the response rate ${intervalText(m.responses, m.population)}.`,
      ]
    : [strong(plural(m.responses, 'response')), '.'];
  out.push(paragraph('Response rate: ', ...rate, ' Responses are anonymous.'));
  if (!surveyShown(m, ctx.privacy)) {
    out.push(
      paragraph(
        `The answers are not shown: the survey has fewer than ${plural(minResponses, 'response')}, the ` +
          `fewest the community publishes, and with so few respondents their answers could identify them.`,
      ),
    );
    return out;
  }
  // An open question none of whose answers was chosen for publication has nothing to show: said once, below.
  const unquoted: string[] = [];
  for (const q of questions) {
    const qm = m.questions[q.id];
    if (!qm) continue;
    if (q.type === 'text' && !survey.quotes.some((x) => x.question === q.id)) {
      unquoted.push(`${questionTitle(q)} (${plural((qm as { n: number }).n, 'written answer')})`);
      continue;
    }
    out.push(heading(4, questionTitle(q)));
    out.push(...questionBlock(q, qm, questions, minGroupSize, draw));
    if (q.type === 'text') out.push(...chosenQuotes(survey, q.id));
  }
  if (unquoted.length > 0)
    out.push(
      paragraph(
        `Nothing is quoted from ${unquoted.length === 1 ? 'this open question' : 'these open questions'}: written ` +
          'answers are published only where the coordinators chose one for publication.',
      ),
      list(unquoted.map((u) => [u])),
    );
  return out;
}

/**
 * The answers to a question that a coordinator chose for publication (`quotes` in the survey file), as block quotes.
 */
function chosenQuotes(survey: SurveyRecord, questionId: string): RootContent[] {
  const here = survey.quotes.filter((q) => q.question === questionId);
  const quotes = here
    .filter((q) => !quotedUnderTheme(survey, q))
    .map((q) => ({ type: 'blockquote', children: [paragraph(`“${q.text}”`)] }) as RootContent);
  const elsewhere = here.length - quotes.length;
  return elsewhere > 0
    ? [
        ...quotes,
        paragraph(
          emphasis(
            `${plural(elsewhere, 'chosen answer')} to this question ${elsewhere === 1 ? 'is' : 'are'} quoted ` +
              `under its theme in “Themes from open answers”.`,
          ),
        ),
      ]
    : quotes;
}

function askedNote(q: Question, questions: readonly Question[], asked: number | undefined): Inline[] {
  if (!q.askedIf || asked === undefined) return [];
  const source = questions.find((x) => x.id === q.askedIf!.question);
  const labels = q.askedIf.in.map((v) => {
    const option =
      source && (source.type === 'single' || source.type === 'multi')
        ? source.options.find((o) => o.value === v)
        : undefined;
    return `“${option?.label ?? String(v)}”`;
  });
  const choices =
    labels.length === 1 ? labels[0]! : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
  return [
    `Asked only of the ${plural(asked, 'respondent')} whose answer to ${questionName(q.askedIf.question)} was ` +
      `${choices}. `,
  ];
}

function questionBlock(
  q: Question,
  qm: QuestionMetrics,
  questions: readonly Question[],
  minGroupSize: number,
  draw: Draw,
): RootContent[] {
  const asked = 'asked' in qm ? qm.asked : undefined;
  const note = askedNote(q, questions, asked);
  const suppressed = (n: number): RootContent =>
    paragraph(
      ...note,
      `${plural(n, 'answer')}. The breakdown is not shown: it would describe fewer than ${minGroupSize} people, ` +
        `the smallest group the community publishes.`,
    );
  if (asked !== undefined && asked < minGroupSize && q.type !== 'text') return [suppressed('n' in qm ? qm.n : asked)];

  switch (q.type) {
    case 'text': {
      const n = (qm as { n: number }).n;
      return [
        paragraph(
          ...note,
          `${plural(n, 'written answer')}.` +
            `${n > 0 ? ' Only answers the coordinators chose for publication are quoted.' : ''}`,
        ),
      ];
    }
    case 'single':
    case 'multi': {
      const c = qm as { n: number; counts: Record<string, number> };
      if (c.n < minGroupSize) return [suppressed(c.n)];
      const intro =
        q.type === 'multi'
          ? 'Several answers could be chosen, so shares are of the n who answered and can add up to more than 100%.'
          : '';
      const chart =
        q.type === 'multi'
          ? draw.page.embed(
              chartOf(multiChart, {
                year: draw.year,
                survey: draw.survey,
                question: q,
                title: questionTitle(q),
                n: c.n,
                counts: c.counts,
                note: note.join(''),
              }),
            )
          : [];
      return [
        paragraph(...note, strong(`n = ${c.n}`), intro ? `. ${intro}` : '.'),
        ...chart,
        table(
          [
            { header: 'Answer' },
            { header: 'Count', align: 'right' },
            { header: 'Share (95% interval)', align: 'right' },
          ],
          q.options.map((o) => [
            o.label,
            String(c.counts[o.value] ?? 0),
            percentWithInterval(c.counts[o.value] ?? 0, c.n),
          ]),
        ),
      ];
    }
    case 'scale': {
      const s = qm as ScaleMetrics;
      if (s.n < minGroupSize) return [suppressed(s.n)];
      return [
        paragraph(
          ...note,
          strong(`n = ${s.n}`),
          `; mean ${decimal(s.mean)}, median ${decimal(s.median)}`,
          naNote(q, s),
          '.',
        ),
        ...draw.page.embed(
          chartOf(likertChart, {
            year: draw.year,
            survey: draw.survey,
            question: q,
            title: questionTitle(q),
            rows: [{ label: 'All answers', metrics: s }],
          }),
        ),
        table(
          [
            { header: 'Rating' },
            { header: 'Count', align: 'right' },
            { header: 'Share (95% interval)', align: 'right' },
          ],
          q.scale.map((p) => [
            pointLabel(p),
            String(s.counts[String(p.value)] ?? 0),
            percentWithInterval(s.counts[String(p.value)] ?? 0, s.n),
          ]),
        ),
      ];
    }
    case 'matrix': {
      const items = (qm as { items: Record<string, ScaleMetrics> }).items;
      const columns: Column[] = [
        { header: 'Item' },
        { header: 'n', align: 'right' },
        { header: 'Mean', align: 'right' },
        { header: 'Median', align: 'right' },
        ...q.scale.map((p) => ({ header: pointLabel(p), align: 'right' as const })),
        ...(q.notApplicable ?? []).map((na) => ({ header: na.label, align: 'right' as const })),
      ];
      const hidden = q.items.filter((it) => (items[it.id]?.n ?? 0) < minGroupSize);
      const rows = q.items
        .filter((it) => !hidden.includes(it))
        .map((it) => {
          const s = items[it.id]!;
          return [
            it.text,
            String(s.n),
            decimal(s.mean),
            decimal(s.median),
            ...q.scale.map(
              (p) => `${s.counts[String(p.value)] ?? 0} (${percent(s.counts[String(p.value)] ?? 0, s.n)})`,
            ),
            ...(q.notApplicable ?? []).map(() => String(s.notApplicable)),
          ];
        });
      const out: RootContent[] = [
        paragraph(
          ...note,
          `Ratings from ${scaleRange(q)}; counts with their share of the item's n. Mean and median are over n, ` +
            `leaving out answers off the scale.`,
        ),
      ];
      const shown = q.items
        .filter((it) => !hidden.includes(it))
        .map((it) => ({ label: it.text, metrics: items[it.id]! }));
      out.push(
        ...draw.page.embed(
          chartOf(likertChart, {
            year: draw.year,
            survey: draw.survey,
            question: q,
            title: questionTitle(q),
            rows: shown,
          }),
        ),
      );
      if (rows.length > 0) out.push(table(columns, rows));
      const said = highestAndLowest(q, shown);
      if (said) out.push(paragraph(said));
      if (hidden.length > 0) {
        out.push(
          paragraph(
            emphasis(
              `Not shown, as fewer than ${minGroupSize} people rated them (the smallest group published): ` +
                `${hidden.map((h) => h.text).join('; ')}.`,
            ),
          ),
        );
      }
      return out;
    }
  }
}

/** "Q7-1" for the usual q-numbered ids; other ids are not shown to readers. */
function questionName(id: string): string {
  return /^q\d/i.test(id) ? id.toUpperCase() : `“${id}”`;
}

export function questionTitle(q: Question): string {
  return /^q\d/i.test(q.id) ? `${q.id.toUpperCase()}. ${q.text}` : q.text;
}

function pointLabel(p: { value: number; label?: string | undefined }): string {
  return p.label ? `${p.value} (${p.label})` : String(p.value);
}

const pointWords = (p: { value: number; label?: string | undefined }) =>
  p.label ? `${p.value} “${p.label}”` : String(p.value);

/** A mean in the scale's words: "at 3 “Largely achieved”", or "between 2 “…” and 3 “…”". */
function meanInWords(q: ScaleQuestion, mean: number): string {
  const at = q.scale.find((p) => decimal(p.value) === decimal(mean));
  if (at) return `at ${pointWords(at)}`;
  const below = [...q.scale].reverse().find((p) => p.value < mean);
  const above = q.scale.find((p) => p.value > mean);
  return below && above ? `between ${pointWords(below)} and ${pointWords(above)}` : '';
}

/**
 * What a reader looks for in a table of rated items, said in words: the items rated highest and lowest (those
 * within a tenth of the top or bottom mean, as printed), each with its mean placed on the scale; or, when all are
 * within two tenths, that they were rated alike. A committee reads "2.7 of 4" as a judgement only when it is said.
 */
function highestAndLowest(
  q: ScaleQuestion,
  shown: ReadonlyArray<{ label: string; metrics: ScaleMetrics }>,
): string | undefined {
  // In tenths, as printed: comparisons of whole numbers, free of binary fractions.
  const rated = shown
    .filter((r) => typeof r.metrics.mean === 'number')
    .map((r) => ({ label: r.label, tenths: Math.round(Number(decimal(r.metrics.mean)) * 10) }));
  if (rated.length < 2) return undefined;
  const top = Math.max(...rated.map((r) => r.tenths));
  const bottom = Math.min(...rated.map((r) => r.tenths));
  const last = q.scale[q.scale.length - 1]!.value;
  const mean = (tenths: number) => decimal(tenths / 10);
  if (top - bottom <= 2)
    return top === bottom
      ? `Every item was rated ${mean(top)} of ${last} on average, ${meanInWords(q, top / 10)}.`
      : `The items were rated alike: from ${mean(bottom)} to ${mean(top)} of ${last} on average.`;
  const say = (items: typeof rated, direction: 1 | -1) =>
    items
      .sort((a, b) => direction * (a.tenths - b.tenths) || compareStrings(a.label, b.label))
      .map((r) => `${r.label} (${mean(r.tenths)} of ${last}, ${meanInWords(q, r.tenths / 10)})`)
      .join('; ');
  const highest = rated.filter((r) => r.tenths >= top - 1);
  const lowest = rated.filter((r) => r.tenths <= bottom + 1);
  return `Rated highest: ${say(highest, -1)}. Rated lowest: ${say(lowest, 1)}.`;
}

function scaleRange(q: ScaleQuestion): string {
  const first = q.scale[0]!;
  const last = q.scale[q.scale.length - 1]!;
  return `${pointLabel(first)} to ${pointLabel(last)}`;
}

function naNote(q: ScaleQuestion, s: ScaleMetrics): string {
  if (!q.notApplicable || q.notApplicable.length === 0) return '';
  return `; ${s.notApplicable} answered ${q.notApplicable.map((n) => `“${n.label}”`).join(' or ')}`;
}

export default defineSection({
  id: 'surveys',
  title: 'Surveys',
  render: ({ ctx, year, page }) => surveysSection(ctx, year, page),
});
