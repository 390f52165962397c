import type {
  AllMetrics,
  EngagementMetrics,
  IndicatorValue,
  MeetingCountMetrics,
  MeetingMetrics,
  MentoringMetrics,
  PathwayMetrics,
  PooledCoverage,
  QuestionMetrics,
  ScaleMetrics,
  SurveyMetrics,
  YearMetrics,
} from '../metrics/types.js';
import { METRICS_SCHEMA_VERSION, type PublishedMetrics } from './metrics-schema.js';
import { plural } from '../format/numbers.js';
import { compareStrings } from '../format/compare.js';
import { figuresOf } from '../metrics/index.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type PublishedSurvey = PublishedMetrics['years'][number]['surveys'][string];
type PublishedQuestion = NonNullable<PublishedSurvey['questions']>[string];
type PublishedScale = NonNullable<PublishedQuestion['items']>[string];

/**
 * Disclosure control: what the published reports may show. Everything under reports/
 * goes through here, tables, charts and metrics.json alike; `cop metrics` (for the
 * coordinators, not committed) prints the full figures.
 */
export interface Privacy {
  minResponses: number;
  minGroupSize: number;
  /** Whether a unit of fewer members than minGroupSize is named as engaged or not; its counts are never shown. */
  listSmallUnits: boolean;
  /** The base the published counts of mentees are rounded to (5, as HESA does); shares use the exact counts. */
  roundMentees?: number;
}

/** A count of mentees as published: rounded to privacy.roundMentees, half up, where the community asks. */
export function menteeCount(n: number, privacy: Privacy): number {
  const base = privacy.roundMentees;
  return base === undefined || base <= 1 ? n : Math.round(n / base) * base;
}

/**
 * The units whose meeting figures are withheld (they count in the totals only): those of fewer mentees than
 * privacy.minGroupSize and, when those together are still fewer, the next smallest unit too, so that the totals
 * less the units shown never give a small unit's figures (secondary suppression).
 */
export function withheldUnits(units: Readonly<Record<string, Pick<MeetingCountMetrics, 'mentees'>>>, privacy: Privacy) {
  const entries = Object.entries(units).sort(([a, x], [b, y]) => x.mentees - y.mentees || compareStrings(a, b));
  const withheld = new Set(entries.filter(([, u]) => u.mentees < privacy.minGroupSize).map(([id]) => id));
  const few = entries.filter(([id]) => withheld.has(id)).reduce((n, [, u]) => n + u.mentees, 0);
  const next = entries.find(([id]) => !withheld.has(id));
  if (withheld.size > 0 && few < privacy.minGroupSize && next) withheld.add(next[0]);
  return withheld;
}

type PublishedMeetings = NonNullable<PublishedMetrics['years'][number]['meetings']>;

/**
 * The year's meetings as published: units of fewer mentees than privacy.minGroupSize have no figures of their own
 * (they count in the totals), a pooled group of too few mentees shows no coverage, and every count of mentees is
 * rounded to privacy.roundMentees; shares and intervals stay those of the exact counts.
 */
function publishedMeetings(m: MeetingMetrics, privacy: Privacy): PublishedMeetings {
  const counts = <T extends { mentees: number; menteesMet: number }>(u: T): T => ({
    ...u,
    mentees: menteeCount(u.mentees, privacy),
    menteesMet: menteeCount(u.menteesMet, privacy),
  });
  const pooledGroup = (g: PooledCoverage) =>
    g.mentees > 0 && g.mentees < privacy.minGroupSize
      ? {
          units: g.units,
          mentees: null,
          menteesMet: null,
          coverage: null,
          coverageLow: null,
          coverageHigh: null,
          suppressed: `fewer than ${plural(privacy.minGroupSize, 'mentee')} (privacy.minGroupSize)`,
        }
      : counts(g);
  const withheld = withheldUnits(m.units, privacy);
  const shown = Object.entries(m.units).filter(([id]) => !withheld.has(id));
  return {
    ...counts(m),
    units: Object.fromEntries(shown.map(([id, u]) => [id, counts(u)])),
    unitsWithheld: Object.keys(m.units).length - shown.length,
    engaged: pooledGroup(m.engaged),
    notEngaged: pooledGroup(m.notEngaged),
  };
}

/** A unit whose members are too few to show figures of: they would describe individual members. */
const isSmall = (e: EngagementMetrics, unit: string, privacy: Privacy) => (e.members[unit] ?? 0) < privacy.minGroupSize;

/**
 * A unit whose engagement tells of too few members: some, but fewer than minGroupSize (a unit of none tells of nobody).
 */
const tellsOfFew = (e: EngagementMetrics, unit: string, privacy: Privacy) =>
  (e.members[unit] ?? 0) > 0 && isSmall(e, unit, privacy);

/**
 * The units of a list the reports may name, and how many they may not: all of them, unless the
 * community chose (privacy.listSmallUnits: false) not to name units of fewer members than
 * minGroupSize, whose engagement tells whether those few members came.
 */
export function namedUnits(
  ids: readonly string[],
  e: EngagementMetrics,
  privacy: Privacy,
): { named: string[]; unnamed: number } {
  if (privacy.listSmallUnits) return { named: [...ids], unnamed: 0 };
  const named = ids.filter((u) => !tellsOfFew(e, u, privacy));
  return { named, unnamed: ids.length - named.length };
}

/** A unit's member attendances, when the unit has enough members that they describe no one in particular. */
export function shownAttendance(e: EngagementMetrics, unit: string, privacy: Privacy): number | undefined {
  return isSmall(e, unit, privacy) ? undefined : e.attendance[unit];
}

export function surveyShown(s: SurveyMetrics, privacy: Privacy): boolean {
  return s.responses >= privacy.minResponses;
}

/** The metrics of reports/metrics.json, with every figure the reports may not show taken out and the reason said. */
export function publishedMetrics(metrics: AllMetrics, privacy: Privacy): PublishedMetrics {
  // One rule for units below minGroupSize: their counts (attendance, members) are left out, and
  // whether they are named as engaged is the community's choice; the totals stay whole.
  const units = <E extends EngagementMetrics>(e: E): E & { engagedCount: number; unengagedCount: number } => ({
    ...e,
    engaged: namedUnits(e.engaged, e, privacy).named,
    unengaged: namedUnits(e.unengaged, e, privacy).named,
    ...('newlyEngaged' in e && Array.isArray(e.newlyEngaged)
      ? { newlyEngaged: namedUnits(e.newlyEngaged, e, privacy).named }
      : {}),
    ...('lapsed' in e && Array.isArray(e.lapsed) ? { lapsed: namedUnits(e.lapsed, e, privacy).named } : {}),
    engagedCount: e.engaged.length,
    unengagedCount: e.unengaged.length,
    attendance: Object.fromEntries(
      Object.keys(e.attendance).flatMap((u) => (isSmall(e, u, privacy) ? [] : [[u, e.attendance[u]!]])),
    ),
    members: Object.fromEntries(
      Object.keys(e.members).flatMap((u) => (isSmall(e, u, privacy) ? [] : [[u, e.members[u]!]])),
    ),
  });
  const figures = figuresOf(metrics);
  return {
    schemaVersion: METRICS_SCHEMA_VERSION,
    privacy: {
      ...privacy,
      note:
        `Left out: attendance and member counts of units with fewer than ` +
        `${plural(privacy.minGroupSize, 'member')}${privacy.listSmallUnits ? '' : ' (not named either)'}, answers ` +
        `of surveys with fewer than ${plural(privacy.minResponses, 'response')}, and breakdowns of fewer than ` +
        `${plural(privacy.minGroupSize, 'answer')}; figures of units with fewer than ` +
        `${plural(privacy.minGroupSize, 'mentee')} of their own` +
        `${privacy.roundMentees ? `, and counts of mentees rounded to multiples of ${privacy.roundMentees}` : ''}.`,
    },
    years: figures.years.map(({ meetings, mentoring, pathways, ...y }) => ({
      ...y,
      ...(mentoring ? { mentoring: publishedMentoring(mentoring, privacy) } : {}),
      ...(pathways ? { pathways: publishedPathways(pathways, privacy) } : {}),
      departments: units(y.departments),
      services: units(y.services),
      surveys: Object.fromEntries(Object.entries(y.surveys).map(([id, s]) => [id, publishedSurvey(s, privacy)])),
      ...(meetings ? { meetings: publishedMeetings(meetings, privacy) } : {}),
      ...(y.valueCreation ? { valueCreation: publishedEvidence(y.valueCreation, privacy) } : {}),
    })),
    cohorts: figures.cohorts,
  };
}

/** Mentoring status by unit only for units of privacy.minGroupSize members or more; the totals stay whole. */
function publishedMentoring(m: MentoringMetrics, privacy: Privacy) {
  const size = (c: MentoringMetrics['byUnit'][string]) => c.active + c.waiting + c.none + c.unknown;
  const shown = Object.entries(m.byUnit).filter(([, c]) => size(c) >= privacy.minGroupSize);
  return {
    ...m,
    byUnit: Object.fromEntries(shown),
    unitsWithheld: Object.keys(m.byUnit).length - shown.length,
  };
}

/** A pathway fewer than privacy.minGroupSize members ever started shows no figures: they would describe individuals. */
export const pathwayShown = (p: Pick<PathwayMetrics, 'everStarted'>, privacy: Privacy) =>
  p.everStarted >= privacy.minGroupSize;

function publishedPathways(pathways: Record<string, PathwayMetrics>, privacy: Privacy) {
  return Object.fromEntries(
    Object.entries(pathways).map(([id, p]) => [
      id,
      pathwayShown(p, privacy)
        ? p
        : {
            title: p.title,
            stages: p.stages,
            suppressed: `fewer than ${plural(privacy.minGroupSize, 'member')} started it (privacy.minGroupSize)`,
          },
    ]),
  );
}

/** A share or mean of fewer than privacy.minGroupSize answers is a breakdown too small to show. */
function publishedEvidence(
  evidence: NonNullable<YearMetrics['valueCreation']>,
  privacy: Privacy,
): Record<string, PublishedIndicator[]> {
  return Object.fromEntries(
    Object.entries(evidence).map(([cycle, indicators]) => [
      cycle,
      (indicators ?? []).map((i) =>
        i.n !== undefined && i.value !== null && i.n < privacy.minGroupSize
          ? { ...i, value: null, suppressed: small(privacy) }
          : i,
      ),
    ]),
  );
}

type PublishedIndicator = IndicatorValue & { suppressed?: string };

function publishedSurvey(s: SurveyMetrics, privacy: Privacy): PublishedSurvey {
  const { questions, codes, ...rest } = s;
  if (!surveyShown(s, privacy))
    return { ...rest, suppressed: `fewer than ${plural(privacy.minResponses, 'response')} (privacy.minResponses)` };
  return {
    ...rest,
    questions: Object.fromEntries(
      Object.entries(questions).map(([q, { type: _type, ...m }]) => [q, publishedQuestion(m, privacy)]),
    ),
    // Themes of fewer than minGroupSize writers would describe too few people.
    ...(codes && (s.wrote ?? 0) >= privacy.minGroupSize ? { codes } : {}),
  };
}

const small = (privacy: Privacy) => `fewer than ${plural(privacy.minGroupSize, 'answer')} (privacy.minGroupSize)`;

/** A question's figures as published: its type is in the survey file, not repeated in metrics.json. */
function publishedQuestion(m: DistributiveOmit<QuestionMetrics, 'type'>, privacy: Privacy): PublishedQuestion {
  const asked = 'asked' in m ? m.asked : undefined;
  if (asked !== undefined && asked < privacy.minGroupSize) return { asked, suppressed: small(privacy) };
  if ('items' in m) {
    return {
      ...m,
      items: Object.fromEntries(Object.entries(m.items).map(([id, item]) => [id, publishedScale(item, privacy)])),
    };
  }
  if (('counts' in m || 'codes' in m) && m.n < privacy.minGroupSize)
    return { n: m.n, ...(asked === undefined ? {} : { asked }), suppressed: small(privacy) };
  return m;
}

function publishedScale(m: ScaleMetrics, privacy: Privacy): PublishedScale {
  return m.n < privacy.minGroupSize ? { n: m.n, notApplicable: m.notApplicable, suppressed: small(privacy) } : m;
}
