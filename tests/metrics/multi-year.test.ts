import { beforeAll, describe, expect, it } from 'vitest';
import type { YearMetrics } from '../../src/metrics/types.js';
import { MULTI_YEAR } from '../helpers/repo.js';
import { allMetricsOf, metricsOf } from '../helpers/metrics.js';

/** Values worked out by hand from the synthetic fixture (see its README). */
describe('metrics over several years', () => {
  let years: YearMetrics[];
  const y = (name: string) => years.find((x) => x.year === name)!;
  beforeAll(async () => {
    years = await metricsOf(MULTI_YEAR);
  });

  it('spans the earliest minutes to the latest survey, with the year without sessions', () => {
    expect(years.map((x) => x.year)).toEqual(['2021-22', '2022-23', '2023-24', '2024-25']);
    expect(y('2023-24').sessions).toEqual([]);
  });

  it('counts members by their join and leave dates, boundary days included', () => {
    expect(y('2021-22').members).toMatchObject({
      total: 3,
      attendedAny: 3,
      attendedAtLeast3: 1,
      new: 3,
      retained: 0,
      left: 0,
    });
    // a02 and a04 left on 2023-08-31, the last day of 2022-23: members that year, not the next.
    expect(y('2022-23').members).toMatchObject({
      total: 5,
      attendedAny: 4,
      attendedAtLeast3: 0,
      new: 2,
      retained: 3,
      left: 0,
    });
    expect(y('2023-24').members).toMatchObject({ total: 5, attendedAny: 0, new: 2, retained: 3, left: 2 });
    expect(y('2024-25').members).toMatchObject({ total: 5, attendedAny: 4, new: 1, retained: 4, left: 1 });
  });

  it('puts a session on the last day of a year into that year', () => {
    expect(y('2021-22').sessions.map((s) => s.date)).toEqual(['2021-10-12', '2022-03-08', '2022-08-31']);
  });

  it('counts headcount with guests and departments among members and guests', () => {
    expect(y('2022-23').sessions.map((s) => [s.memberAttendees, s.headcount, s.departmentsPresent])).toEqual([
      [3, 3, 2],
      [4, 8, 3],
    ]);
    expect(y('2024-25').sessions[1]).toMatchObject({ memberAttendees: 3, headcount: 6, departmentsPresent: 4 });
  });

  it('resolves renamed units and counts only units that existed that year', () => {
    expect(y('2021-22').departments).toMatchObject({
      total: 5,
      engaged: ['classics', 'history', 'physics'],
      unengaged: ['chemistry', 'languages'],
    });
    expect(y('2022-23').departments.engaged).toContain('languages');
    expect(y('2023-24').departments).toMatchObject({
      total: 5,
      unengaged: ['chemistry', 'data-science', 'history', 'languages', 'physics'],
    });
  });

  it('leaves out year-on-year changes in the first year only', () => {
    expect(y('2021-22').departments.newlyEngaged).toBeUndefined();
    expect(y('2021-22').departments.lapsed).toBeUndefined();
    expect(y('2022-23').departments).toMatchObject({ newlyEngaged: ['languages'], lapsed: ['classics'] });
    expect(y('2023-24').departments).toMatchObject({ newlyEngaged: [], lapsed: ['history', 'languages', 'physics'] });
    expect(y('2024-25').departments).toMatchObject({
      newlyEngaged: ['chemistry', 'data-science', 'languages', 'physics'],
      lapsed: [],
    });
  });

  it("counts unengaged streaks within the repository's years", () => {
    expect(y('2021-22').departments.unengagedStreak).toEqual({ chemistry: 1, languages: 1 });
    expect(y('2022-23').departments.unengagedStreak).toEqual({ chemistry: 2, classics: 1 });
    expect(y('2023-24').departments.unengagedStreak).toEqual({
      chemistry: 3,
      'data-science': 1,
      history: 1,
      languages: 1,
      physics: 1,
    });
    expect(y('2024-25').departments.unengagedStreak).toEqual({ history: 2 });
  });

  it('summarises actions with past due judged at the end of the year', () => {
    expect(y('2021-22').actions).toMatchObject({ recorded: 2, done: 1, open: 1, pastDue: [] });
    expect(y('2022-23').actions).toMatchObject({ recorded: 1, open: 1, pastDue: ['referral-map'] });
    expect(y('2024-25').actions).toMatchObject({ recorded: 2, done: 1, dropped: 1, pastDue: [] });
  });

  it('applies all three population rules', () => {
    expect(y('2022-23').surveys['annual-survey']).toMatchObject({ responses: 6, population: 8 });
    expect(y('2024-25').surveys['annual-survey']).toMatchObject({ responses: 3, population: 4 });
    expect(y('2024-25').surveys['exchange-feedback']).toMatchObject({ responses: 5, population: 6 });
  });

  it('counts n, notApplicable, asked and specify answers as the data model defines', () => {
    const q = y('2022-23').surveys['annual-survey']!.questions;
    expect(q['q1']).toEqual({ type: 'single', n: 5, counts: { yes: 3, no: 1, other: 1 } });
    expect(q['q2']).toEqual({
      type: 'scale',
      n: 5,
      notApplicable: 1,
      mean: 4.2,
      median: 4,
      counts: { '1': 0, '2': 0, '3': 1, '4': 2, '5': 2 },
    });
    // An empty list is no answer: asked of 3, answered by 2.
    expect(q['q3']).toEqual({ type: 'multi', n: 2, asked: 3, counts: { meetings: 2, referrals: 1, other: 1 } });
    const q4 = q['q4'];
    expect(q4?.type).toBe('matrix');
    const items = q4?.type === 'matrix' ? q4.items : {};
    expect(items['meetings']).toEqual({
      n: 4,
      notApplicable: 1,
      mean: 3.25,
      median: 3.5,
      counts: { '1': 0, '2': 1, '3': 1, '4': 2 },
    });
    expect(items['workshops']).toMatchObject({ n: 2, notApplicable: 2 });
    // An empty text is no answer.
    expect(q['q5']).toEqual({ type: 'text', n: 1 });
  });
});

/** Community health and value creation, worked out by hand from the fixture's attendance (see its README). */
describe('community health across years', () => {
  let metrics: Awaited<ReturnType<typeof allMetricsOf>>;
  const y = (name: string) => metrics.years.find((x) => x.year === name)!;
  beforeAll(async () => {
    metrics = await allMetricsOf(MULTI_YEAR);
  });

  it('puts every member in a tier: at least half of the sessions, some, none', () => {
    // 2021-22, three sessions: a01 came to 3, a02 and a04 to 2 of them, at least half each.
    expect(y('2021-22').members).toMatchObject({ core: 3, occasional: 0, peripheral: 0 });
    // 2022-23, two sessions: a02 came to one, which is half; a04 to none.
    expect(y('2022-23').members).toMatchObject({ core: 4, occasional: 0, peripheral: 1 });
    // A year without sessions: everyone peripheral.
    expect(y('2023-24').members).toMatchObject({ core: 0, occasional: 0, peripheral: 5 });
    expect(y('2024-25').members).toMatchObject({ core: 4, occasional: 0, peripheral: 1 });
  });

  it('counts first-time and returning members, and retention from the year before', () => {
    const first = y('2021-22').members;
    expect(first.firstTime).toBe(3);
    // The first year has no year before: no returning members, no retention.
    expect(first.returning).toBeUndefined();
    expect(first.attendanceRetention).toBeUndefined();
    // a01 and a02 came back of the three who took part in 2021-22.
    expect(y('2022-23').members).toMatchObject({ firstTime: 2, returning: 2, attendanceRetention: 2 / 3 });
    expect(y('2023-24').members).toMatchObject({ firstTime: 0, returning: 0, attendanceRetention: 0 });
    // Nobody took part in 2023-24, so there is no retention to compute; a03 comes back after a year away.
    expect(y('2024-25').members).toMatchObject({ firstTime: 3, returning: 0 });
    expect(y('2024-25').members.attendanceRetention).toBeUndefined();
  });

  it('tells which sessions brought newcomers', () => {
    expect(y('2021-22').sessions.map((s) => s.firstTime)).toEqual([3, 0, 0]);
    expect(y('2022-23').sessions.map((s) => s.firstTime)).toEqual([2, 0]);
    expect(y('2024-25').sessions.map((s) => s.firstTime)).toEqual([3, 0]);
  });

  it('follows each year’s newcomers through the years after', () => {
    expect(metrics.cohorts).toEqual([
      { year: '2021-22', size: 3, attended: { '2021-22': 3, '2022-23': 2, '2023-24': 0, '2024-25': 0 } },
      { year: '2022-23', size: 2, attended: { '2022-23': 2, '2023-24': 0, '2024-25': 1 } },
      { year: '2024-25', size: 3, attended: { '2024-25': 3 } },
    ]);
  });

  it(
    'gives the value-creation evidence in the mapping’s order, with n, and null where a survey is missing or too ' +
      'small',
    () => {
      expect(Object.keys(y('2022-23').valueCreation!)).toEqual(['immediate', 'applied', 'potential']);
      expect(y('2021-22').valueCreation).toEqual({
        immediate: [
          { label: 'Benefit to their work (mean, 1–5)', value: null },
          { label: 'Usefulness of meetings (mean, 1–4)', value: null },
        ],
        applied: [
          { label: 'Changed their practice', value: null },
          { label: 'Tried meetings or referrals', value: null },
        ],
        potential: [{ label: 'Members who took part', value: 3 }],
      });
      expect(y('2022-23').valueCreation).toEqual({
        immediate: [
          { label: 'Benefit to their work (mean, 1–5)', value: 4.2, n: 5 },
          { label: 'Usefulness of meetings (mean, 1–4)', value: 3.25, n: 4 },
        ],
        // r4 answered "other", r6 did not answer: 3 of 5. Both who answered q3 chose one of the two.
        applied: [
          { label: 'Changed their practice', value: 0.6, n: 5 },
          { label: 'Tried meetings or referrals', value: 1, n: 2 },
        ],
        potential: [{ label: 'Members who took part', value: 4 }],
      });
      expect(y('2023-24').valueCreation).toMatchObject({
        immediate: [
          { value: 3.6, n: 5 },
          { value: null, n: 0 },
        ],
        applied: [
          { value: 0.6, n: 5 },
          { value: 1, n: 3 },
        ],
        potential: [{ value: 0 }],
      });
      // Three responses, under privacy.minResponses (5): no value, the n still said.
      expect(y('2024-25').valueCreation).toMatchObject({
        immediate: [
          { value: null, n: 3 },
          { value: null, n: 0 },
        ],
        applied: [
          { value: null, n: 3 },
          { value: null, n: 2 },
        ],
        potential: [{ value: 4 }],
      });
    },
  );
});
