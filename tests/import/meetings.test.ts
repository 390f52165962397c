import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { cop } from '../helpers/cli.js';
import { SAMPLE, fixtureWith } from '../helpers/repo.js';

/** A term's log of meetings as a form exports it: one row a meeting, with the student's identifier. */
const HEADER = [
  'Meeting date',
  'Mentor',
  'Department',
  'Meeting type',
  'Mode',
  'Topics discussed',
  'Referred to',
  'Student ID',
];
const ROWS = [
  [
    '2024-10-02',
    'Member 04',
    '',
    'One-to-one',
    'In person',
    'Student engagement and participation',
    'DWS',
    '202312345',
  ],
  ['2024-10-09', 'Member 04', '', 'One-to-one', 'Online', '', '', '202312345'],
  [
    '14/10/2024',
    'Member 05',
    'Department of Economics',
    'Group',
    'In person',
    'assessment; careers',
    'LSE LIFE',
    '202398765',
  ],
  ['2024-11-20', 'm05', 'economics', 'one-to-one', 'online', '', '', '202311111'],
  ['2024-12-03', 'Member 05', '', 'One-to-one', 'In person', 'Money and finances', '', '202377777'],
];
const STUDENTS = ['202312345', '202398765', '202311111', '202377777'];
const csv = (rows: string[][]) =>
  `${rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n')}\n`;

/** Every file of a folder, as text, to search for what must never be written. */
async function everything(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter(
    (e) => e.isFile() && !e.parentPath.includes('node_modules'),
  );
  return (await Promise.all(files.map((f) => readFile(join(f.parentPath, f.name), 'latin1')))).join('\n');
}

describe('cop import-meetings: a log of meetings into a return of counts', () => {
  let root: string;
  /** `cop import-meetings` of a log into the test's repository, over the autumn term of 2024. */
  const importLog = (log: string, into: string, map?: string) =>
    cop([
      'import-meetings',
      '--root',
      root,
      '--from',
      log,
      '--into',
      into,
      '--period',
      '2024-08-01..2024-12-31',
      ...(map === undefined ? [] : ['--map', map]),
    ]);
  beforeAll(async () => {
    // The sample without its own returns: the log is the term's only record of meetings.
    root = await fixtureWith(SAMPLE, {
      'meetings/2024-25/autumn-term.json': null,
      'meetings/2024-25/spring-term.json': null,
    });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([
    ['CSV', 'log.csv', async () => csv([HEADER, ...ROWS])],
    [
      'Excel',
      'log.xlsx',
      async () =>
        writeXlsxFile([HEADER, ...ROWS].map((r) => r.map((v) => (v === '' ? null : { value: v })))).toBuffer(),
    ],
  ])('from %s: exact counts by unit, and the student identifiers nowhere', async (_kind, name, make) => {
    const log = join(root, '..', `${root.split('/').pop()}-${name}`);
    await writeFile(log, await make());
    try {
      const into = `meetings/2024-25/log-${name.replace('.', '-')}.json`;
      const r = await importLog(log, into);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const written = JSON.parse(await readFile(join(root, into), 'utf8')) as {
        units: Array<Record<string, unknown>>;
      };
      // m04 is in government; m05 in management, but two of their meetings were given as economics'.
      expect(written.units).toEqual([
        {
          unit: 'economics',
          mentorsReporting: 1,
          menteesMet: 2,
          meetings: { group: 1, 'one-to-one': 1 },
          modes: { 'in-person': 1, online: 1 },
          referrals: { 'lse-life': 1 },
          topics: { assessment: 1, careers: 1 },
        },
        {
          unit: 'government',
          mentorsReporting: 1,
          menteesMet: 1,
          meetings: { 'one-to-one': 2 },
          modes: { 'in-person': 1, online: 1 },
          referrals: { dws: 1 },
          topics: { 'student-engagement': 1 },
        },
        {
          unit: 'management',
          mentorsReporting: 1,
          menteesMet: 1,
          meetings: { 'one-to-one': 1 },
          modes: { 'in-person': 1 },
          topics: { finances: 1 },
        },
      ]);
      expect(r.stdout).toContain('4 distinct mentees met');
      // The records, the reports a build would write from them, and what the command printed.
      const reports = [...(await renderReports((await validateRepository(root)).lookup)).values()].join('\n');
      const all = `${await everything(root)}\n${reports}\n${r.stdout}\n${r.stderr}`;
      let searched = 0;
      for (const id of STUDENTS) {
        expect(all).not.toContain(id);
        searched++;
      }
      expect(searched).toBe(STUDENTS.length);
      await rm(join(root, into));
    } finally {
      await rm(log, { force: true });
    }
  });

  it('reports every bad row at its row and column, repeats no student identifier, and writes nothing', async () => {
    const log = join(root, '..', `${root.split('/').pop()}-bad.csv`);
    const bad = [
      HEADER,
      ['2024-13-02', 'Member 04', '', 'One-to-one', 'In person', '', '', '202312345'],
      ['2025-01-09', 'Member 04', '', 'One-to-one', 'Online', '', '', '202398765'],
      ['2024-10-14', 'Jo Bloggs', '', 'Group', 'In person', '', '', '202311111'],
      ['2024-10-15', 'Member 05', 'Department of Astrology', 'Group', 'In person', '', '', '202377777'],
      ['2024-10-16', 'Member 05', '', 'Group', 'In person', 'Horoscopes', 'Nightline', ''],
    ];
    await writeFile(log, csv(bad));
    try {
      const r = await importLog(log, 'meetings/2024-25/bad.json');
      expect(r.code).toBe(1);
      const lines = r.stderr.split('\n').filter(Boolean);
      const where = lines.map((l) => /row (\d+), column (\d+)/.exec(l)?.slice(1).join(':')).filter(Boolean);
      expect(where).toEqual(['2:1', '3:1', '4:2', '5:3', '6:8', '6:6', '6:7']);
      expect(r.stderr).toContain('"2024-13-02" is not a date');
      expect(r.stderr).toContain('2025-01-09 is outside the period 2024-08-01 to 2024-12-31');
      expect(r.stderr).toContain('the mentor "J*** B***" is no member');
      expect(r.stderr).toContain('nothing was written to meetings/2024-25/bad.json');
      for (const id of STUDENTS) expect(`${r.stdout}${r.stderr}`).not.toContain(id);
      await expect(readFile(join(root, 'meetings/2024-25/bad.json'))).rejects.toThrow();
    } finally {
      await rm(log, { force: true });
    }
  });

  it('reads a log whose headers differ through --map, and says when --map names a column the log lacks', async () => {
    const log = join(root, '..', `${root.split('/').pop()}-mapped.csv`);
    const map = join(root, '..', `${root.split('/').pop()}-map.json`);
    await writeFile(
      log,
      csv([
        ['When met', 'Staff email', 'Learner'],
        ['2024-10-02', 'mentor4@example.ac.uk', 'A1'],
      ]),
    );
    await writeFile(
      map,
      JSON.stringify({
        columns: { 'When met': 'date', 'Staff email': 'mentor', Learner: 'student' },
        answers: { mentor: { 'mentor4@example.ac.uk': 'm04' } },
      }),
    );
    try {
      const ok = await importLog(log, 'meetings/2024-25/mapped.json', map);
      expect(ok.stderr).toBe('');
      const written = JSON.parse(await readFile(join(root, 'meetings/2024-25/mapped.json'), 'utf8'));
      expect(written.units).toEqual([
        { unit: 'government', mentorsReporting: 1, menteesMet: 1, meetings: { 'one-to-one': 1 } },
      ]);
      await writeFile(map, JSON.stringify({ columns: { 'Date of meeting': 'date' } }));
      const wrong = await importLog(log, 'meetings/2024-25/other.json', map);
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toContain('--map names the column "Date of meeting", which the log does not have');
    } finally {
      await rm(log, { force: true });
      await rm(map, { force: true });
      await rm(join(root, 'meetings/2024-25/mapped.json'), { force: true });
    }
  });
});
