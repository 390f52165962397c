import { median } from 'd3-array';
import type { Lookup } from '../model/lookup.js';
import { daysBetween as days, type IsoDate } from '../model/dates.js';
import type { Progress } from '../model/pathway.js';
import type { MentoringMetrics, PathwayMetrics } from './types.js';
import { compareStrings } from '../format/compare.js';

/**
 * A year's figures of each recognition pathway: members who reached each stage in the year, started, were awarded
 * (reached the last stage) or withdrew in it, and those in progress at its end; over everyone who started by the
 * year's end, the completion rate, the median days from the first stage to the award, and each cohort (the year
 * its members started) as it stands at the year's end.
 */
export function pathwayMetrics(
  lookup: Lookup,
  firstDay: IsoDate,
  lastDay: IsoDate,
): Record<string, PathwayMetrics> | undefined {
  const file = lookup.repo.pathways?.data;
  if (!file || file.pathways.length === 0) return undefined;
  const inYear = (d: string | undefined) => d !== undefined && d >= firstDay && d <= lastDay;
  const byEnd = (d: string | undefined) => d !== undefined && d <= lastDay;
  return Object.fromEntries(
    file.pathways.map((pathway) => {
      const first = pathway.stages[0]!;
      const last = pathway.stages[pathway.stages.length - 1]!;
      const progress = file.progress.filter((p): p is Progress => p.pathway === pathway.id);
      const started = progress.filter((p) => byEnd(p.stages[first]));
      const awarded = started.filter((p) => byEnd(p.stages[last]));
      const count = (f: (p: Progress) => boolean) => progress.filter(f).length;
      const cohorts = new Map<string, { started: number; awarded: number; withdrawn: number; inProgress: number }>();
      for (const p of started) {
        const cohort = lookup.yearOf(p.stages[first]!);
        const c = cohorts.get(cohort) ?? { started: 0, awarded: 0, withdrawn: 0, inProgress: 0 };
        c.started++;
        if (byEnd(p.stages[last])) c.awarded++;
        else if (byEnd(p.withdrawn)) c.withdrawn++;
        else c.inProgress++;
        cohorts.set(cohort, c);
      }
      const figures: PathwayMetrics = {
        title: pathway.title,
        stages: [...pathway.stages],
        reached: Object.fromEntries(pathway.stages.map((s) => [s, count((p) => inYear(p.stages[s]))])),
        reachedByEnd: Object.fromEntries(pathway.stages.map((s) => [s, count((p) => byEnd(p.stages[s]))])),
        started: count((p) => inYear(p.stages[first])),
        awarded: count((p) => inYear(p.stages[last])),
        withdrawn: count((p) => inYear(p.withdrawn)),
        inProgress: started.filter((p) => !byEnd(p.stages[last]) && !byEnd(p.withdrawn)).length,
        everStarted: started.length,
        completionRate: started.length === 0 ? null : awarded.length / started.length,
        medianDaysToAward: median(awarded.map((p) => days(p.stages[first]!, p.stages[last]!))) ?? null,
        cohorts: Object.fromEntries([...cohorts].sort(([a], [b]) => compareStrings(a, b))),
      };
      return [pathway.id, figures];
    }),
  );
}

/**
 * The year's members by mentoring status, for all and by unit, and how long those waiting to be matched have waited
 * by the day the figures describe (the median, over those with a "mentoringSince"). Undefined unless some member has
 * a status at all.
 */
export function mentoringMetrics(
  lookup: Lookup,
  current: ReadonlySet<string>,
  asOf: IsoDate,
): MentoringMetrics | undefined {
  const members = [...current].map((id) => lookup.members.get(id)!).filter((m) => m !== undefined);
  if (!lookup.repo.members.entries.some((e) => e.data.mentoring !== undefined)) return undefined;
  const tally = () => ({ active: 0, waiting: 0, none: 0, unknown: 0 });
  const all = tally();
  const byUnit: Record<string, ReturnType<typeof tally>> = {};
  const waited: number[] = [];
  for (const m of [...members].sort((a, b) => compareStrings(a.id, b.id))) {
    const status = m.mentoring ?? 'unknown';
    all[status]++;
    byUnit[m.unit] ??= tally();
    byUnit[m.unit]![status]++;
    if (m.mentoring === 'waiting' && m.mentoringSince !== undefined && m.mentoringSince <= asOf)
      waited.push(days(m.mentoringSince, asOf));
  }
  return {
    ...all,
    byUnit: Object.fromEntries(Object.entries(byUnit).sort(([a], [b]) => compareStrings(a, b))),
    waitingWithSince: waited.length,
    medianDaysWaiting: median(waited) ?? null,
  };
}
