import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { academicYearStarting, formatDate } from '../src/model/dates.js';

/**
 * Writes a large, clearly synthetic community repository for benchmarks: `years` academic
 * years, `sessionsPerYear` minutes files a year, `responsesPerYear` survey responses a year.
 * Deterministic: a fixed pseudo-random sequence, no clock.
 */
export interface SyntheticOptions {
  years: number;
  sessionsPerYear: number;
  responsesPerYear: number;
  firstYear: number;
  /**
   * Records the size and shape of real ones (the sample's): twelve summary points with sub-points, bodies, dates and
   * figures in them, three actions, written answers, a roster of 1,000 with mentoring roles, meeting returns,
   * pathways, a mentee survey and a narrative. Without it, the light repository of earlier benchmarks.
   */
  realistic: boolean;
}

export const LIGHT: SyntheticOptions = {
  years: 20,
  sessionsPerYear: 50,
  responsesPerYear: 1000,
  firstYear: 2005,
  realistic: false,
};
export const REALISTIC: SyntheticOptions = { ...LIGHT, realistic: true };

export async function writeSyntheticCommunity(root: string, opts: SyntheticOptions = LIGHT): Promise<void> {
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const mentoring = (joinYear: number) => {
    const r = rand();
    return r < 0.3
      ? { mentoring: 'active', mentoringSince: `${joinYear}-10-01` }
      : r < 0.4
        ? { mentoring: 'waiting', mentoringSince: `${joinYear + 1}-02-01` }
        : { mentoring: 'none' };
  };

  const departments = Array.from({ length: 30 }, (_, i) => ({
    id: `dept-${pad(i + 1)}`,
    name: `Department ${pad(i + 1)}`,
    kind: 'department',
  }));
  const services = Array.from({ length: 3 }, (_, i) => ({
    id: `service-${i + 1}`,
    name: `Service ${i + 1}`,
    kind: 'service',
  }));
  const themes = Array.from({ length: 12 }, (_, i) => ({
    id: `theme-${pad(i + 1)}`,
    title: `Theme ${i + 1}`,
    aims: [`aim-${(i % 3) + 1}`],
  }));
  const rosterSize = opts.realistic ? 1000 : 400;
  const members = Array.from({ length: rosterSize }, (_, i) => {
    const joinYear = opts.firstYear + Math.floor((i / rosterSize) * opts.years);
    const left = rand() < 0.3 && joinYear + 4 < opts.firstYear + opts.years ? `${joinYear + 4}-07-31` : undefined;
    return {
      id: `m${pad(i + 1, 3)}`,
      name: `Member ${pad(i + 1, 3)}`,
      unit: pick([...departments, ...services]).id,
      role: rand() < 0.7 ? 'academic' : 'professional',
      joined: `${joinYear}-08-01`,
      ...(left ? { left } : {}),
      ...(opts.realistic ? mentoring(joinYear) : {}),
    };
  });

  await mkdir(join(root, 'data'), { recursive: true });
  await writeFile(
    join(root, 'data/community.json'),
    JSON.stringify(
      {
        name: 'Synthetic Benchmark Community',
        institution: 'Benchmark University (fictional)',
        yearStart: '08-01',
        aims: [1, 2, 3].map((i) => ({ id: `aim-${i}`, title: `Aim ${i}` })),
        themes,
        team: [{ id: 'team', name: 'Coordinators' }],
        ...(opts.realistic
          ? {
              privacy: { roundMentees: 5 },
              referralTargets: [{ id: 'nightline', title: 'Nightline' }],
              meetingTopics: [{ id: 'finances', title: 'Money and finances' }],
              valueCreation: {
                immediate: [{ label: 'Benefit to their mentoring (mean, 1–5)', survey: 'annual', question: 'q3' }],
                applied: [{ label: 'Chose A or B', survey: 'annual', question: 'q1', values: ['a', 'b'] }],
                realised: [
                  {
                    label: 'Mentees who found meetings useful',
                    survey: 'mentee-pulse',
                    question: 'useful',
                    values: [4, 5],
                  },
                  { label: 'Mentees met at least once', metric: 'meetings.coverage' },
                  { label: 'Awards', metric: 'pathways.award.awarded' },
                ],
              },
            }
          : {}),
      },
      null,
      2,
    ),
  );
  await writeFile(join(root, 'data/units.json'), JSON.stringify([...departments, ...services], null, 2));
  await writeFile(join(root, 'data/members.json'), JSON.stringify(members, null, 2));

  const scale = [1, 2, 3, 4, 5].map((value) => ({ value }));
  const questions = [
    {
      id: 'q1',
      type: 'single',
      text: 'Single',
      options: ['a', 'b', 'c'].map((v) => ({ value: v, label: v.toUpperCase() })),
    },
    {
      id: 'q2',
      type: 'multi',
      text: 'Multi',
      askedIf: { question: 'q1', in: ['a', 'b'] },
      options: ['x', 'y', 'z'].map((v) => ({ value: v, label: v.toUpperCase() })),
    },
    { id: 'q3', type: 'scale', text: 'Scale', scale, notApplicable: [{ value: 'na', label: 'N/A' }] },
    {
      id: 'q4',
      type: 'matrix',
      text: 'Matrix',
      scale,
      items: ['i1', 'i2', 'i3', 'i4'].map((id) => ({ id, text: id })),
    },
    { id: 'q5', type: 'text', text: 'Text' },
  ];

  /** Twelve points as the sample's minutes have them: a bold topic, a body, a date, a figure; some with sub-points. */
  const summary = (date: string): string[] =>
    Array.from({ length: 12 }, (_, k) => {
      const point =
        `- **${pick(TOPICS)}.** ${pick(BODIES)} ${pick(VERBS)} ${pick(OBJECTS)} on ${formatDate(date)}: ` +
        `${1 + Math.floor(rand() * 30)} of ${30 + Math.floor(rand() * 20)} mentors (${Math.floor(rand() * 100)}%) ` +
        `${pick(ENDINGS)}`;
      return k % 4 === 1
        ? [point, `  - ${pick(BODIES)} ${pick(VERBS)} ${pick(OBJECTS)}.`, `  - ${pick(ENDINGS)}`]
        : [point];
    }).flat();

  for (let y = 0; y < opts.years; y++) {
    const startYear = opts.firstYear + y;
    const year = academicYearStarting(startYear);
    const current = members.filter(
      (m) => m.joined <= `${startYear + 1}-07-31` && (!m.left || m.left >= `${startYear}-08-01`),
    );
    await mkdir(join(root, 'minutes', year), { recursive: true });
    for (let s = 0; s < opts.sessionsPerYear; s++) {
      const date =
        `${startYear + (s >= 25 ? 1 : 0)}-` +
        `${pad(s >= 25 ? 1 + Math.floor((s - 25) / 5) : 8 + Math.floor(s / 6))}-${pad(1 + (s % 5) * 5)}`;
      const attendees = [...new Set(Array.from({ length: 15 }, () => pick(current).id))].sort();
      const lines = [
        '---',
        `title: Session ${s + 1}`,
        `date: ${date}`,
        `type: ${pick(['meeting', 'meeting', 'webinar', 'workshop'])}`,
        `format: ${pick(['in-person', 'hybrid', 'online'])}`,
        'facilitators: [team]',
        `attendees: [${attendees.join(', ')}]`,
        'guests:',
        `  - unit: ${pick(departments).id}`,
        '  - institution: Another University',
        '    count: 2',
        `themes: [${[pick(themes).id, pick(themes).id].filter((t, i, a) => a.indexOf(t) === i).join(', ')}]`,
        'actions:',
        ...Array.from({ length: opts.realistic ? 3 : 1 }, (_, k) => [
          `  - id: action-${year}-${s}-${k + 1}`,
          `    text: ${opts.realistic ? pick(ACTIONS) : 'Follow up'}`,
          `    owner: ${k === 1 ? pick(attendees) : 'team'}`,
          `    due: ${date}`,
          `    status: ${pick(['open', 'done', 'dropped'])}`,
        ]).flat(),
        '---',
        '',
        '## Summary',
        '',
        ...(opts.realistic
          ? summary(date)
          : [
              '- A point from the discussion.',
              '- Another point, with **emphasis**.',
              // Capitalised names of things, as real minutes have: they send every body through the name check.
              '- The Inclusive Education Team presented the Academic Mentoring Hub and the Student Wellbeing Service.',
            ]),
        '',
      ];
      await writeFile(join(root, 'minutes', year, `${date}-session-${pad(s + 1)}.md`), lines.join('\n'));
    }
    const responses = Array.from({ length: opts.responsesPerYear }, (_, r) => {
      const q1 = pick(['a', 'b', 'c']);
      return {
        id: `r${pad(r + 1, 4)}`,
        answers: {
          q1,
          ...(q1 !== 'c' ? { q2: [pick(['x', 'y', 'z'])] } : {}),
          q3: rand() < 0.1 ? 'na' : 1 + Math.floor(rand() * 5),
          q4: {
            i1: 1 + Math.floor(rand() * 5),
            i2: 1 + Math.floor(rand() * 5),
            i3: 1 + Math.floor(rand() * 5),
            i4: 1 + Math.floor(rand() * 5),
          },
          ...(opts.realistic
            ? rand() < 0.5
              ? { q5: `${pick(ENDINGS)} ${pick(BODIES)} ${pick(VERBS)} ${pick(OBJECTS)}. ${pick(ENDINGS)}` }
              : {}
            : { q5: 'Some free text.' }),
        },
      };
    });
    await mkdir(join(root, 'surveys', year), { recursive: true });
    await writeFile(
      join(root, 'surveys', year, 'annual.json'),
      JSON.stringify(
        {
          id: 'annual',
          title: `Annual survey ${year}`,
          kind: 'member-evaluation',
          opened: `${startYear + 1}-05-01`,
          population: { count: 2 * opts.responsesPerYear },
          questions,
          responses,
        },
        null,
        1,
      ),
    );
    if (opts.realistic) await realisticYear(root, year, startYear);
  }
  if (opts.realistic) {
    await writeFile(join(root, 'data/pathways.json'), JSON.stringify(pathways(), null, 1));
    const last = academicYearStarting(opts.firstYear + opts.years - 1);
    await mkdir(join(root, 'narrative', last), { recursive: true });
    await writeFile(
      join(root, 'narrative', last, 'annual-report.md'),
      '---\ntitle: The year in our words\n---\n\n# The year in our words\n\n' +
        'Of our :figure{of="members.total"} members, :figure{of="members.attendedAny" per="members.total" ' +
        'as="count-percent"} came to a session.\n\n::section{#participation}\n\n' +
        'Mentors met :figure{of="meetings.coverage" as="percent"} of their mentees.\n\n::section{#meetings}\n',
    );
  }

  /** A year's meeting returns (autumn and spring, cumulative, every department) and a survey of mentees. */
  async function realisticYear(root: string, year: string, startYear: number): Promise<void> {
    await mkdir(join(root, 'meetings', year), { recursive: true });
    for (const [id, from, to, share] of [
      ['autumn', `${startYear}-08-01`, `${startYear}-12-31`, 0.4],
      ['spring', `${startYear + 1}-01-01`, `${startYear + 1}-04-30`, 0.7],
    ] as const) {
      const units = departments.map((d) => {
        const mentees = 40 + Math.floor(rand() * 300);
        return {
          unit: d.id,
          mentors: 3 + Math.floor(rand() * 12),
          mentorsReporting: 2,
          mentees,
          menteesMet: Math.floor(mentees * share * rand()),
          meetings: { 'one-to-one': Math.floor(rand() * 400), group: Math.floor(rand() * 20) },
          modes: { 'in-person': Math.floor(rand() * 300), online: Math.floor(rand() * 100) },
          referrals: { [pick(services).id]: Math.floor(rand() * 10), nightline: Math.floor(rand() * 3) },
          topics: { [pick(themes).id]: Math.floor(rand() * 50), finances: Math.floor(rand() * 10) },
        };
      });
      await writeFile(
        join(root, 'meetings', year, `${id}.json`),
        JSON.stringify({ id, period: { from, to }, source: 'Synthetic return', cumulative: true, units }, null, 1),
      );
    }
    const useful = [1, 2, 3, 4, 5].map((value) => ({ value }));
    await writeFile(
      join(root, 'surveys', year, 'mentee-pulse.json'),
      JSON.stringify(
        {
          id: 'mentee-pulse',
          title: `Mentee pulse ${year}`,
          kind: 'mentee-pulse',
          opened: `${startYear + 1}-03-01`,
          population: { count: 3000, of: 'mentees' },
          questions: [
            { id: 'useful', type: 'scale', text: 'How useful were your meetings?', scale: useful },
            { id: 'different', type: 'text', text: 'Anything to do differently?' },
          ],
          responses: Array.from({ length: 200 }, (_, r) => ({
            id: `r${pad(r + 1, 3)}`,
            answers: {
              useful: 1 + Math.floor(rand() * 5),
              ...(rand() < 0.3 ? { different: `${pick(ENDINGS)} ${pick(OBJECTS)}.` } : {}),
            },
          })),
        },
        null,
        1,
      ),
    );
  }

  /** One award pathway; each year about fifteen members start it, most go on, some withdraw. */
  function pathways() {
    const stages = ['enrolled', 'action-research', 'portfolio', 'awarded'];
    const progress = members
      .filter((m) => !m.left && rand() < 0.3)
      .map((m) => {
        const start = Number(m.joined.slice(0, 4));
        const reached = 1 + Math.floor(rand() * 4);
        const dates = stages
          .slice(0, reached)
          .map((st, k) => [st, `${start + Math.floor(k / 2)}-${pad(10 + (k % 2) * 2)}-15`]);
        return {
          member: m.id,
          pathway: 'award',
          stages: Object.fromEntries(dates),
          ...(reached < 4 && rand() < 0.2 ? { withdrawn: `${start + 2}-06-30` } : {}),
        };
      });
    return { pathways: [{ id: 'award', title: 'Mentoring Award', stages }], progress };
  }
}

const TOPICS = [
  'Student engagement',
  'Professional development',
  'Operational challenges',
  'Relationship clarification',
  'Resource centralisation',
  'Institutional collaboration',
  'Under-18 students',
  'Mature students',
  'Widening Participation',
  'Service integration',
  'Academic Mentoring Hub',
  'Sustainability',
];
const BODIES = [
  'The Inclusive Education Team',
  'The Student Wellbeing Service',
  'Department 07',
  'The Academic Registry',
  'Colleagues from Another University',
  'The Student Union',
  'LSE LIFE',
  'Senior management',
];
const VERBS = ['presented', 'reviewed', 'proposed', 'discussed', 'agreed', 'shared'];
const OBJECTS = [
  'a new guide for first meetings',
  'the referral pathways to support services',
  'the attendance data',
  'a webinar series with partner institutions',
  'the restructured hub',
  'end-of-term reports',
];
const ENDINGS = [
  'said the approach worked for second-year students.',
  'asked for clearer guidance before the next term.',
  'will report back at the next session.',
  'found the materials hard to find in the shared folder.',
  'proposed group meetings that show the value of one-to-one appointments.',
];
const ACTIONS = [
  'Share the slides and the recording with members',
  'Draft the guidance for first meetings',
  'Ask the registry for the attendance data',
  'Invite the wellbeing service to the next session',
];
