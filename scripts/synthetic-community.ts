import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { academicYearStarting } from '../src/model/dates.js';

/**
 * Writes a large, clearly synthetic community repository for benchmarks: `years` academic
 * years, `sessionsPerYear` minutes files a year, `responsesPerYear` survey responses a year.
 * Deterministic: a fixed pseudo-random sequence, no clock.
 */
export async function writeSyntheticCommunity(
  root: string,
  opts = { years: 20, sessionsPerYear: 50, responsesPerYear: 1000, firstYear: 2005 },
): Promise<void> {
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');

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
  const members = Array.from({ length: 400 }, (_, i) => {
    const joinYear = opts.firstYear + Math.floor((i / 400) * opts.years);
    const left = rand() < 0.3 && joinYear + 4 < opts.firstYear + opts.years ? `${joinYear + 4}-07-31` : undefined;
    return {
      id: `m${pad(i + 1, 3)}`,
      name: `Member ${pad(i + 1, 3)}`,
      unit: pick([...departments, ...services]).id,
      role: rand() < 0.7 ? 'academic' : 'professional',
      joined: `${joinYear}-08-01`,
      ...(left ? { left } : {}),
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
        `  - id: action-${year}-${s}-1`,
        '    text: Follow up',
        '    owner: team',
        `    due: ${date}`,
        `    status: ${pick(['open', 'done', 'dropped'])}`,
        '---',
        '',
        '## Summary',
        '',
        '- A point from the discussion.',
        '- Another point, with **emphasis**.',
        // Capitalised names of things, as real minutes have: they send every body through the name check.
        '- The Inclusive Education Team presented the Academic Mentoring Hub and the Student Wellbeing Service.',
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
          q5: 'Some free text.',
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
  }
}
