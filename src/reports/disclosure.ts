import type { AllMetrics, EngagementMetrics, QuestionMetrics, ScaleMetrics, SurveyMetrics } from '../metrics/types.js';
import { plural } from '../format/numbers.js';
import { figuresOf } from '../metrics/index.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Disclosure control: what the published reports may show. Everything under reports/
 * goes through here, tables, charts and metrics.json alike; `cop metrics` (for the
 * coordinators, not committed) prints the full figures.
 */
export interface Privacy {
  minResponses: number;
  minGroupSize: number;
}

/** A unit's member attendances, when the unit has enough members that they describe no one in particular. */
export function shownAttendance(e: EngagementMetrics, unit: string, privacy: Privacy): number | undefined {
  return (e.members[unit] ?? 0) >= privacy.minGroupSize ? e.attendance[unit] : undefined;
}

export function surveyShown(s: SurveyMetrics, privacy: Privacy): boolean {
  return s.responses >= privacy.minResponses;
}

/** The metrics of reports/metrics.json, with every figure the reports may not show taken out and the reason said. */
export function publishedMetrics(metrics: AllMetrics, privacy: Privacy): unknown {
  const units = (e: EngagementMetrics) => ({
    ...e,
    attendance: Object.fromEntries(
      Object.keys(e.attendance).flatMap((u) => {
        const n = shownAttendance(e, u, privacy);
        return n === undefined ? [] : [[u, n]];
      }),
    ),
  });
  return {
    privacy: {
      ...privacy,
      note: `Left out: attendance of units with fewer than ${plural(privacy.minGroupSize, 'member')}, answers of surveys with fewer than ${plural(privacy.minResponses, 'response')}, and breakdowns of fewer than ${plural(privacy.minGroupSize, 'answer')}.`,
    },
    years: figuresOf(metrics).years.map((y) => ({
      ...y,
      departments: { ...y.departments, ...units(y.departments) },
      services: units(y.services),
      surveys: Object.fromEntries(Object.entries(y.surveys).map(([id, s]) => [id, publishedSurvey(s, privacy)])),
    })),
  };
}

function publishedSurvey(s: SurveyMetrics, privacy: Privacy): unknown {
  if (!surveyShown(s, privacy)) {
    const { questions: _hidden, ...rest } = s;
    void _hidden;
    return { ...rest, suppressed: `fewer than ${plural(privacy.minResponses, 'response')} (privacy.minResponses)` };
  }
  return { ...s, questions: Object.fromEntries(Object.entries(s.questions).map(([q, { type: _type, ...m }]) => [q, publishedQuestion(m, privacy)])) };
}

const small = (privacy: Privacy) => `fewer than ${plural(privacy.minGroupSize, 'answer')} (privacy.minGroupSize)`;

/** A question's figures as published: its type is in the survey file, not repeated in metrics.json. */
function publishedQuestion(m: DistributiveOmit<QuestionMetrics, 'type'>, privacy: Privacy): unknown {
  const asked = 'asked' in m ? m.asked : undefined;
  if (asked !== undefined && asked < privacy.minGroupSize) return { asked, suppressed: small(privacy) };
  if ('items' in m) {
    return { ...m, items: Object.fromEntries(Object.entries(m.items).map(([id, item]) => [id, publishedScale(item, privacy)])) };
  }
  if ('counts' in m && m.n < privacy.minGroupSize) return { n: m.n, ...(asked === undefined ? {} : { asked }), suppressed: small(privacy) };
  return m;
}

function publishedScale(m: ScaleMetrics, privacy: Privacy): unknown {
  return m.n < privacy.minGroupSize ? { n: m.n, notApplicable: m.notApplicable, suppressed: small(privacy) } : m;
}
