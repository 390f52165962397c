import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { computeMetrics, figuresOf } from '../../src/metrics/index.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

const minutes = (front: string, body = '') => `---\n${front.trim()}\n---\n${body}`;

/**
 * The multi-year fixture's community with what a coordinator adds to plan ahead: a time zone, two planned sessions, a
 * cancelled one.
 */
const PLANNING = (timeZone: string) => ({
  'data/community.json': replaceOnce('"yearStart": "09-01",', `"yearStart": "09-01",\n  "timeZone": "${timeZone}",`),
  // The last Sunday of October 2025: summer time ends that morning in Europe and in the Americas a week later.
  'minutes/2025-26/2025-10-26-autumn-exchange.md': minutes(`
title: Autumn learning exchange
date: 2025-10-26
type: learning-exchange
format: in-person
status: planned
time: "12:00-14:00"
location: Room 1.04, Library Building
themes: [wellbeing, induction]
`),
  'minutes/2024-25/2025-06-17-summer-social.md': minutes(`
title: Summer social
date: 2025-06-17
type: meeting
format: hybrid
status: planned
time: "15:00-16:30"
location: Online
themes: [wellbeing]
`),
  'minutes/2024-25/2025-03-11-spring-webinar.md': minutes(`
title: Spring webinar
date: 2025-03-11
type: webinar
format: online
status: cancelled
attendees: []
themes: [assessment]
`),
});

async function built(timeZone: string) {
  const root = await fixtureWith(MULTI_YEAR, PLANNING(timeZone));
  const run = await cop(['build', '--root', root]);
  expect(run.code, run.stderr).toBe(0);
  const read = (f: string) => readFile(join(root, f), 'utf8');
  return { root, read };
}

/** Every event of a calendar file, read by an independent parser (Mozilla's ical.js). */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      status: String(v.getFirstPropertyValue('status')),
      sequence: Number(v.getFirstPropertyValue('sequence')),
      location: e.location,
      description: e.description,
      allDay: e.startDate.isDate,
      start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
      end: e.endDate.isDate ? e.endDate.toString() : e.endDate.toJSDate().toISOString(),
      stamp: String(v.getFirstPropertyValue('dtstamp')),
    };
  });
}

describe('planned and cancelled sessions', () => {
  it('count in no figure and do not extend the years', async () => {
    const plain = await validateRepository(MULTI_YEAR);
    const root = await fixtureWith(MULTI_YEAR, PLANNING('Europe/London'));
    const planned = await validateRepository(root);
    expect(planned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const before = figuresOf(computeMetrics(plain.lookup));
    const after = figuresOf(computeMetrics(planned.lookup));
    expect(after.years.map((y) => y.year)).toEqual(['2021-22', '2022-23', '2023-24', '2024-25']);
    expect(after).toEqual(before);
    expect(
      computeMetrics(planned.lookup)
        .calendar.filter((e) => e.status !== 'held')
        .map((e) => `${e.date} ${e.status}`),
    ).toEqual(['2025-03-11 cancelled', '2025-06-17 planned', '2025-10-26 planned']);
  });

  it('are listed in the reports by their status: upcoming on the index, both kinds in their year', async () => {
    const { read } = await built('Europe/London');
    const index = await read('reports/README.md');
    const upcoming = index.slice(index.indexOf('## Upcoming sessions'), index.indexOf('## Reports'));
    expect(upcoming).toContain(
      '| 17 June 2025 | 15:00–16:30 | [Summer social](../minutes/2024-25/2025-06-17-summer-social.md) | Meeting | ' +
        'Hybrid | Online |',
    );
    expect(upcoming).toContain(
      '| 26 October 2025 | 12:00–14:00 | [Autumn learning ' +
        'exchange](../minutes/2025-26/2025-10-26-autumn-exchange.md) | Learning exchange | In person | Room 1.04, ' +
        'Library Building |',
    );
    expect(upcoming).not.toContain('Spring webinar');
    expect(index).toContain('[Subscribe to the calendar](calendar.ics)');

    const annual = await read('reports/2024-25/annual-report.md');
    const section = annual.slice(annual.indexOf('## Planned and cancelled sessions'));
    expect(section).toMatch(
      /^## Planned and cancelled sessions\n\nThis year also has 1 session planned and 1 session cancelled\./,
    );
    expect(section).toContain(
      '| 11 March 2025 | | [Spring webinar](../../minutes/2024-25/2025-03-11-spring-webinar.md) | Webinar | ' +
        'Online | | Cancelled |',
    );
    expect(section).toContain(
      '| 17 June 2025 | 15:00–16:30 | [Summer social](../../minutes/2024-25/2025-06-17-summer-social.md) | ' +
        'Meeting | Hybrid | Online | Planned |',
    );
    // Not among the year's held sessions.
    const held = annual.slice(
      annual.indexOf('## Activities and sessions'),
      annual.indexOf('## Planned and cancelled sessions'),
    );
    expect(held).not.toMatch(/Summer social|Spring webinar/);
  });

  it('are in the calendar, at the right local times across a change of summer time', async () => {
    const { read } = await built('Europe/London');
    const ics = await read('reports/calendar.ics');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).not.toMatch(/minutes\//);
    const all = events(ics);
    expect(all).toHaveLength(10);
    const byTitle = new Map(all.map((e) => [e.summary, e]));
    expect(byTitle.get('Autumn learning exchange')).toMatchObject({
      uid: '2025-10-26-autumn-exchange@northfield-peer-mentoring-network-synthetic',
      status: 'TENTATIVE',
      sequence: 0,
      location: 'Room 1.04, Library Building',
      // After the clocks went back that morning: 12:00 in London is 12:00 UTC.
      start: '2025-10-26T12:00:00.000Z',
      end: '2025-10-26T14:00:00.000Z',
      description: 'Learning exchange, in person. Themes: Student wellbeing and referral; Inducting new mentors.',
    });
    // British Summer Time: 15:00 in London is 14:00 UTC.
    expect(byTitle.get('Summer social')).toMatchObject({
      status: 'TENTATIVE',
      start: '2025-06-17T14:00:00.000Z',
      end: '2025-06-17T15:30:00.000Z',
    });
    expect(byTitle.get('Spring webinar')).toMatchObject({
      status: 'CANCELLED',
      sequence: 1,
      allDay: true,
      start: '2025-03-11',
      end: '2025-03-12',
    });
    expect(byTitle.get('Restart')).toMatchObject({
      status: 'CONFIRMED',
      sequence: 1,
      allDay: true,
      start: '2024-10-01',
      end: '2024-10-02',
    });
    // The stamp is the day of the latest record, not the clock: the same on every build.
    expect(new Set(all.map((e) => e.stamp))).toEqual(new Set(['2025-06-02T00:00:00Z']));
  });

  it('are placed by another community’s time zone', async () => {
    const { read } = await built('America/New_York');
    const byTitle = new Map(events(await read('reports/calendar.ics')).map((e) => [e.summary, e]));
    // New York is still on summer time on 26 October 2025 (it ends on 2 November): UTC−4.
    expect(byTitle.get('Autumn learning exchange')).toMatchObject({
      start: '2025-10-26T16:00:00.000Z',
      end: '2025-10-26T18:00:00.000Z',
    });
    expect(byTitle.get('Summer social')).toMatchObject({ start: '2025-06-17T19:00:00.000Z' });
  });

  it('keep the same event ids from build to build, and build --check holds the calendar', async () => {
    const { root, read } = await built('Europe/London');
    const first = await read('reports/calendar.ics');
    expect((await cop(['build', '--check', '--root', root])).code).toBe(0);
    const edited = await fixtureWith(root, {
      'minutes/2024-25/2025-06-17-summer-social.md': replaceOnce('time: "15:00-16:30"', 'time: "16:00-17:30"'),
    });
    const check = await cop(['build', '--check', '--root', edited]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('reports/calendar.ics: differs from what a build writes');
    expect((await cop(['build', '--root', edited])).code).toBe(0);
    const second = await readFile(join(edited, 'reports/calendar.ics'), 'utf8');
    expect(events(second).map((e) => e.uid)).toEqual(events(first).map((e) => e.uid));
  });
});
