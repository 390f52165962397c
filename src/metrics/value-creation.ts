import { isAnswered, multiValues, singleValue } from '../model/answers.js';
import { DEFAULT_PRIVACY, type Community, type ValueIndicator } from '../model/community.js';
import type { SurveyFile } from '../model/repository.js';
import type { IndicatorValue, QuestionMetrics, SurveyMetrics, YearMetrics } from './types.js';

type Figures = Pick<YearMetrics, 'members' | 'departments' | 'services' | 'actions' | 'meetings' | 'pathways'>;

/**
 * A year's value-creation evidence, cycle by cycle in the order of the community's mapping:
 * a survey question's mean or the share of its n that chose the named answers; how many
 * outputs of a kind the year produced; or a figure of the year's metrics.
 */
export function valueCreationOf(
  community: Community,
  figures: Figures,
  surveys: Record<string, SurveyMetrics>,
  surveyFiles: readonly SurveyFile[],
  outputs: ReadonlyArray<{ type: string; count?: number | undefined }>,
): YearMetrics['valueCreation'] {
  const mapping = community.valueCreation;
  if (!mapping) return undefined;
  const minResponses = community.privacy?.minResponses ?? DEFAULT_PRIVACY.minResponses;
  const value = (i: ValueIndicator): IndicatorValue => {
    if (i.outputs !== undefined)
      return {
        label: i.label,
        value: outputs.filter((o) => o.type === i.outputs).reduce((n, o) => n + (o.count ?? 1), 0),
      };
    if (i.metric !== undefined) return { label: i.label, value: figureAt(figures, i.metric) };
    const survey = surveys[i.survey!];
    const file = surveyFiles.find((f) => f.data.id === i.survey);
    const q = survey?.questions[i.question!];
    if (!survey || !file || !q) return { label: i.label, value: null };
    const answered = evidenceOf(q, i, file);
    if (!answered) return { label: i.label, value: null };
    return {
      label: i.label,
      value: survey.responses < minResponses || answered.n === 0 ? null : answered.value,
      n: answered.n,
    };
  };
  return Object.fromEntries(
    Object.entries(mapping).map(([cycle, indicators]) => [cycle, (indicators ?? []).map(value)]),
  );
}

/**
 * The question's n and the evidence it gives: the mean of its ratings, or the share of its n that chose the indicator's
 * values.
 */
function evidenceOf(
  q: QuestionMetrics,
  i: ValueIndicator,
  file: SurveyFile,
): { n: number; value: number | null } | undefined {
  const scale =
    q.type === 'matrix' ? (i.item === undefined ? undefined : q.items[i.item]) : q.type === 'scale' ? q : undefined;
  if (scale) {
    if (!i.values) return { n: scale.n, value: scale.mean };
    const chosen = i.values.reduce<number>((n, v) => n + (scale.counts[String(v)] ?? 0), 0);
    return { n: scale.n, value: scale.n === 0 ? null : chosen / scale.n };
  }
  if ((q.type !== 'single' && q.type !== 'multi') || !i.values) return undefined;
  // A respondent who chose two of the values is one respondent: counted from the answers, not the option counts.
  const wanted = new Set(i.values.map(String));
  const answers = file.data.responses.map((r) => r.answers[i.question!]).filter(isAnswered);
  const chose = answers.filter((a) =>
    q.type === 'single' ? wanted.has(String(singleValue(a))) : multiValues(a).some((v) => wanted.has(v)),
  ).length;
  return { n: q.n, value: q.n === 0 ? null : chose / q.n };
}

/** The number at a path of the year's figures ("members.attendedAny"), or null where the year has none. */
function figureAt(figures: Figures, path: string): number | null {
  let node: unknown = figures;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'number' ? node : null;
}
