import { VALUE_CYCLES, type ValueCycle, type ValueIndicator } from '../model/community.js';
import { metricText } from '../model/value-creation.js';
import { decimal, percentWithInterval } from '../format/numbers.js';
import type { IndicatorValue, YearMetrics } from '../metrics/types.js';
import type { Privacy } from './disclosure.js';

/** The framework's cycles in its order, with what each asks, for readers who do not know it. */
export const CYCLES: Readonly<Record<ValueCycle, { title: string; asks: string }>> = {
  immediate: { title: 'Immediate value', asks: 'Were the activities and interactions worthwhile in themselves?' },
  potential: {
    title: 'Potential value',
    asks: 'Did they produce knowledge, skills, resources or connections that can be used?',
  },
  applied: { title: 'Applied value', asks: 'Did members change their practice?' },
  realised: {
    title: 'Realised value',
    asks: 'Did the changes improve what matters, such as the experience or outcomes of those the community serves?',
  },
  reframing: {
    title: 'Reframing value',
    asks: 'Did the community change how success is defined, or the institution’s strategy?',
  },
};

export interface Evidence {
  cycle: ValueCycle;
  indicator: ValueIndicator;
  /** Per year, by the year's id: the figure as the report prints it, or why it is not printed. */
  shown: (year: YearMetrics) => Shown;
}

/**
 * Every indicator of the community's mapping, in the framework's order of cycles, with how
 * a report prints its value: a share with its 95% interval, a mean, a count. Disclosure
 * control as everywhere: nothing resting on a survey under privacy.minResponses, and no
 * share or mean of fewer than privacy.minGroupSize answers.
 */
export function evidenceOf(
  mapping: Partial<Record<ValueCycle, ValueIndicator[]>> | undefined,
  privacy: Privacy,
): Evidence[] {
  if (!mapping) return [];
  return VALUE_CYCLES.flatMap((cycle) =>
    (mapping[cycle] ?? []).map((indicator, index) => ({
      cycle,
      indicator,
      shown: (year: YearMetrics) => show(indicator, year.valueCreation?.[cycle]?.[index], year, privacy),
    })),
  );
}

/** An indicator's value as printed, its n, and whether it is evidence (not missing or withheld). */
interface Shown {
  text: string;
  n: string;
  evidence: boolean;
}

function show(i: ValueIndicator, v: IndicatorValue | undefined, year: YearMetrics, privacy: Privacy): Shown {
  const shown = (text: string, evidence = true): Shown => ({
    text,
    n: v?.n === undefined ? '' : String(v.n),
    evidence,
  });
  if (!v || v.value === null) {
    const survey = i.survey === undefined ? undefined : year.surveys[i.survey];
    if (survey && survey.responses < privacy.minResponses)
      return shown(`not shown: fewer than ${privacy.minResponses} responses`, false);
    return shown(v?.n === 0 ? 'no answers' : '–', false);
  }
  if (v.n !== undefined && v.n < privacy.minGroupSize)
    return shown(`not shown: fewer than ${privacy.minGroupSize} answers`, false);
  if (i.survey !== undefined && i.values) return shown(percentWithInterval(Math.round(v.value * v.n!), v.n!));
  if (i.survey !== undefined) return shown(decimal(v.value));
  if (i.metric !== undefined) return shown(metricText(i.metric, v.value));
  return shown(String(v.value));
}

/** Cycles of the framework that no indicator gives a value for in the year. */
export function cyclesWithoutEvidence(evidence: readonly Evidence[], year: YearMetrics): ValueCycle[] {
  return VALUE_CYCLES.filter((cycle) => !evidence.some((e) => e.cycle === cycle && e.shown(year).evidence));
}

/**
 * The year's outcomes as prose states them, for the executive summary: each indicator with
 * evidence (not missing, not withheld), a share as a whole percent, a mean to one decimal, a
 * count as it is. What a committee looks for first.
 */
export function outcomesOf(evidence: readonly Evidence[], year: YearMetrics): Array<{ figure: string; label: string }> {
  return evidence.flatMap((e) => {
    if (!e.shown(year).evidence) return [];
    const v = year.valueCreation?.[e.cycle]?.find((x) => x.label === e.indicator.label)?.value;
    if (v === undefined || v === null) return [];
    const figure =
      e.indicator.survey !== undefined && e.indicator.values
        ? `${decimal(100 * v, 0)}%`
        : e.indicator.survey !== undefined
          ? decimal(v)
          : e.indicator.metric !== undefined
            ? metricText(e.indicator.metric, v, true)
            : String(v);
    return [{ figure, label: e.indicator.label }];
  });
}
