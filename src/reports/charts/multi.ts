import type { ChoiceQuestion } from '../../model/survey.js';
import { percent } from '../../format/numbers.js';
import { CATEGORY, CHART_WIDTH } from './style.js';
import { bandStep, wrap } from './text-metrics.js';
import { defineChart, type Drawn } from './define.js';

/** A question where several answers could be chosen: each option's share of the n who answered. */
function draw(
  question: ChoiceQuestion,
  title: string,
  n: number,
  counts: Record<string, number>,
  note: string,
): Drawn | undefined {
  if (n === 0) return undefined;
  const rows = question.options.map((o) => {
    const count = counts[o.value] ?? 0;
    return {
      option: wrap(o.label, 34).join('\n'),
      share: (100 * count) / n,
      label: `${percent(count, n)} (${count})`,
      text: `${o.label}: ${count} of ${n} (${percent(count, n)})`,
    };
  });
  return {
    alt: `Bar chart of ${title}, n = ${n}: ${rows.map((r) => r.text).join('; ')}.`,
    spec: {
      title: { text: wrap(title, 80), subtitle: wrap(`n = ${n}. ${note}`.trim(), 100) },
      description: `Choices: ${title}`,
      width: CHART_WIDTH - 320,
      height: { step: bandStep(rows.map((r) => r.option)) },
      data: { values: rows },
      encoding: {
        y: { field: 'option', type: 'nominal', sort: null, title: null },
        x: {
          field: 'share',
          type: 'quantitative',
          title: '% of respondents who answered',
          scale: { domain: [0, 100] },
        },
      },
      layer: [
        { mark: { type: 'bar', color: CATEGORY.blue }, encoding: { description: { field: 'text' } } },
        { mark: { type: 'text', align: 'left', dx: 4, color: '#222' }, encoding: { text: { field: 'label' } } },
      ],
    },
  };
}

/** A multiple-choice question of a year's survey, with its figures. */
interface MultiInput {
  year: string;
  survey: string;
  question: ChoiceQuestion;
  title: string;
  n: number;
  counts: Record<string, number>;
  note: string;
}

export default defineChart<MultiInput>({
  id: 'multi',
  path: ({ year, survey, question }) => `reports/${year}/${survey}-${question.id}.svg`,
  draw: ({ question, title, n, counts, note }) => draw(question, title, n, counts, note),
});
