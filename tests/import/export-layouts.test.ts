import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { computeMetrics } from '../../src/metrics/index.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

/**
 * Survey exports in every layout the import reads, written here from one set of invented
 * answers: the six responses of the synthetic community's 2022-23 survey, as each tool
 * lays them out, with the identifiers each tool adds. Every import must give the survey
 * file's own figures back, and none of the identifiers.
 */
const SURVEY = 'surveys/2022-23/annual-survey.json';
const emptied = replaceOnce(/"responses": \[[\s\S]*?\n {2}\]/, '"responses": []');

interface Answer {
  q1: string;
  q1Other?: string;
  q2: string;
  q3?: string[];
  q3Other?: string;
  meetings?: string;
  workshops?: string;
  q5?: string;
}
const ANSWERS: Answer[] = [
  {
    q1: 'Yes',
    q2: 'Very useful',
    q3: ['How I run meetings', 'Referrals'],
    meetings: '4',
    workshops: 'Not applicable',
    q5: 'Very helpful.',
  },
  { q1: 'Yes', q2: '4', q3: ['How I run meetings', 'Other'], q3Other: 'Office hours', meetings: '3', workshops: '4' },
  { q1: 'No', q2: 'Did not attend', meetings: '2' },
  { q1: 'Other', q1Other: 'Not yet', q2: '3', meetings: '4', workshops: '3' },
  { q1: 'Yes', q2: 'Very useful', meetings: 'Not applicable', workshops: 'Not applicable' },
  { q1: '', q2: '4' },
];

/** Who answered, as survey tools record it: none of it may reach the survey file. */
const PEOPLE = ANSWERS.map((_, i) => ({
  responseId: `R_${i + 1}xK9qLm${i + 2}pTz${i + 3}`,
  name: ['Zoë Example', 'José Sample', 'Priya Testperson', 'Tom Invented', 'Ama Fictional', 'Lee Madeup'][i]!,
  email: `person${i + 1}.invented@northfield.example`,
  ip: `198.51.100.${21 + i}`,
  phone: `415-555-01${String(30 + i)}`,
  start: `2023-06-0${i + 1} 09:1${i}:03`,
  end: `2023-06-0${i + 1} 09:2${i}:44`,
  latitude: `51.50${72 + i}`,
  longitude: `-0.12${76 + i}`,
}));
const IDENTIFIERS = PEOPLE.flatMap((p) => [
  p.responseId,
  p.name,
  p.name.split(' ')[0]!,
  p.email,
  p.ip,
  p.phone,
  p.start,
  p.end,
  p.latitude,
  p.longitude,
]);

const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string =>
  `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

/** A cell as a spreadsheet writes it: quoted, its quotes doubled, when it holds a quote, comma or line break. */
const csvCell = (c: string | number): string =>
  /[",\n']/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c);

const answerCells = (a: Answer, join: string): string[] => [
  a.q1,
  a.q1Other ?? '',
  a.q2,
  (a.q3 ?? []).join(join),
  a.q3Other ?? '',
  a.meetings ?? '',
  a.workshops ?? '',
  a.q5 ?? '',
];
const QUESTION_IDS = ['Q1', 'Q1_3_TEXT', 'Q2', 'Q3', 'Q3_3_TEXT', 'Q4_1', 'Q4_2', 'Q5'];

/** Today's Qualtrics layout: ids, texts, ImportIds (JSON, or single-quoted in older exports). */
function qualtricsCurrent(
  options: { quotes: 'double' | 'single'; status?: string[]; answers?: Answer[] } = { quotes: 'double' },
): string {
  const answers = options.answers ?? ANSWERS;
  const meta = [
    'StartDate',
    'EndDate',
    'Status',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'RecordedDate',
    'ResponseId',
    'ResponseSet',
    'RecipientLastName',
    'RecipientFirstName',
    'RecipientEmail',
    'ExternalReference',
    'LocationLatitude',
    'LocationLongitude',
    'LocationAccuracy',
    'DistributionChannel',
    'UserLanguage',
    'Q_RecaptchaScore',
  ];
  const texts = [
    'Start Date',
    'End Date',
    'Response Type',
    'IP Address',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'Recorded Date',
    'Response ID',
    'Response Set',
    'Recipient Last Name',
    'Recipient First Name',
    'Recipient Email',
    'External Data Reference',
    'Location Latitude',
    'Location Longitude',
    'Location Accuracy',
    'Distribution Channel',
    'User Language',
    'Q_RecaptchaScore',
  ];
  const questionTexts = [
    'Did the network change your practice? - Selected Choice',
    'Did the network change your practice? - Other - Text',
    'How useful were the sessions?',
    'What did you change? - Selected Choice',
    'What did you change? - Other - Text',
    'Rate each activity - Meetings',
    'Rate each activity - Workshops',
    'Anything else?',
  ];
  const importId = (id: string) => (options.quotes === 'double' ? `{"ImportId":"${id}"}` : `{'ImportId': '${id}'}`);
  const rows = answers.map((a, i) => {
    const p = PEOPLE[i % PEOPLE.length]!;
    const [last, first] = [p.name.split(' ')[1]!, p.name.split(' ')[0]!];
    return [
      p.start,
      p.end,
      options.status?.[i] ?? 'IP Address',
      p.ip,
      100,
      400 + i,
      'True',
      p.end,
      p.responseId,
      'Default Response Set',
      last,
      first,
      p.email,
      '',
      p.latitude,
      p.longitude,
      '-1',
      'email',
      'EN',
      '0.9',
      ...answerCells(a, ','),
    ];
  });
  return csv([
    [...meta, ...QUESTION_IDS],
    [...texts, ...questionTexts],
    [...meta, ...QUESTION_IDS].map((m) => importId(m === 'ResponseId' ? '_recordId' : m)),
    ...rows,
  ]);
}

/** The legacy layout: V1…V10 system columns, then question ids; one row of texts; no ImportIds. */
function qualtricsLegacy(): string {
  const ids = [
    'V1',
    'V2',
    'V3',
    'V4',
    'V5',
    'V6',
    'V7',
    'V8',
    'V9',
    'V10',
    ...QUESTION_IDS,
    'LocationLatitude',
    'LocationLongitude',
    'LocationAccuracy',
  ];
  const texts = [
    'ResponseID',
    'ResponseSet',
    'Name',
    'ExternalDataReference',
    'EmailAddress',
    'IPAddress',
    'Status',
    'StartDate',
    'EndDate',
    'Finished',
    'Did the network change your practice?',
    'Did the network change your practice?-Other-TEXT',
    'How useful were the sessions?',
    'What did you change?',
    'What did you change?-Other-TEXT',
    'Rate each activity-Meetings',
    'Rate each activity-Workshops',
    'Anything else?',
    'LocationLatitude',
    'LocationLongitude',
    'LocationAccuracy',
  ];
  const rows = ANSWERS.map((a, i) => {
    const p = PEOPLE[i]!;
    return [
      p.responseId,
      'Default Response Set',
      p.name,
      '',
      p.email,
      p.ip,
      '0',
      p.start,
      p.end,
      '1',
      ...answerCells(a, ','),
      p.latitude,
      p.longitude,
      '-1',
    ];
  });
  // A preview the coordinator made before sending the survey, and a response given up half way.
  rows.push([
    'R_preview1',
    'Default Response Set',
    'Anonymous',
    '',
    '',
    '198.51.100.99',
    '1',
    '2023-05-30 10:00:00',
    '2023-05-30 10:01:00',
    '1',
    ...answerCells(ANSWERS[0]!, ','),
    '',
    '',
    '-1',
  ]);
  rows.push([
    'R_partial1',
    'Default Response Set',
    'Anonymous',
    '',
    '',
    '198.51.100.98',
    '0',
    '2023-06-09 10:00:00',
    '2023-06-09 10:01:00',
    '0',
    'Yes',
    '',
    '2',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '-1',
  ]);
  return csv([ids, texts, ...rows]);
}

/**
 * A legacy export as older Qualtrics accounts wrote multiple-choice questions: one column
 * a choice, the choice's text in it when chosen, and the "Other" text in a column after.
 */
function qualtricsLegacyPerChoice(): string {
  const choices = ['How I run meetings', 'Referrals', 'Other'];
  const ids = [
    'V1',
    'V2',
    'V3',
    'V4',
    'V5',
    'V6',
    'V7',
    'V8',
    'V9',
    'V10',
    'Q1',
    'Q1_3_TEXT',
    'Q2',
    'Q3_1',
    'Q3_2',
    'Q3_3',
    'Q3_3_TEXT',
    'Q4_1',
    'Q4_2',
    'Q5',
  ];
  const texts = [
    ...[
      'ResponseID',
      'ResponseSet',
      'Name',
      'ExternalDataReference',
      'EmailAddress',
      'IPAddress',
      'Status',
      'StartDate',
      'EndDate',
      'Finished',
    ],
    'Did the network change your practice?',
    'Did the network change your practice?-Other-TEXT',
    'How useful were the sessions?',
    ...choices.map((c) => `What did you change?-${c}`),
    'What did you change?-Other-TEXT',
    'Rate each activity-Meetings',
    'Rate each activity-Workshops',
    'Anything else?',
  ];
  const rows = ANSWERS.map((a, i) => {
    const p = PEOPLE[i]!;
    const chosen = choices.map((c) => ((a.q3 ?? []).includes(c) ? c : ''));
    return [
      p.responseId,
      'Default Response Set',
      p.name,
      '',
      p.email,
      p.ip,
      '0',
      p.start,
      p.end,
      '1',
      a.q1,
      a.q1Other ?? '',
      a.q2,
      ...chosen,
      a.q3Other ?? '',
      a.meetings ?? '',
      a.workshops ?? '',
      a.q5 ?? '',
    ];
  });
  return csv([ids, texts, ...rows]);
}

const GOOGLE_HEADER = [
  'Timestamp',
  'Email Address',
  'Did the network change your practice?',
  'How useful were the sessions?',
  'What did you change?',
  'Rate each activity [Meetings]',
  'Rate each activity [Workshops]',
  'Anything else?',
];
function googleForms(others: { q3Other?: string } = {}, extraColumns = 0): string {
  const extra = Array.from(
    { length: extraColumns },
    (_, k) => `Section ${Math.floor(k / 10) + 1} item ${(k % 10) + 1}`,
  );
  const rows = ANSWERS.map((a, i) => {
    const p = PEOPLE[i]!;
    // Google writes the "Other" text itself, among the choices; the scale's labelled ends as numbers.
    const q3 = (a.q3 ?? []).map((c) => (c === 'Other' ? (others.q3Other ?? a.q3Other!) : c)).join(', ');
    const q1 = a.q1 === 'Other' ? a.q1Other! : a.q1;
    const q2 = a.q2 === 'Very useful' ? '5' : a.q2;
    return [
      `2023/06/0${i + 1} 9:20:45 AM GMT+1`,
      p.email,
      q1,
      q2,
      q3,
      a.meetings ?? '',
      a.workshops ?? '',
      a.q5 ?? '',
      ...extra.map((_, k) => `private note ${i}-${k} ${p.phone}`),
    ];
  });
  return csv([[...GOOGLE_HEADER, ...extra], ...rows]);
}

const MS_HEADER = [
  'ID',
  'Start time',
  'Completion time',
  'Email',
  'Name',
  'Did the network change your practice?',
  'How useful were the sessions?',
  'What did you change?',
  'Rate each activity - Meetings',
  'Rate each activity - Workshops',
  'Anything else?',
];
function msFormsRows(): string[][] {
  return ANSWERS.map((a, i) => {
    const p = PEOPLE[i]!;
    const q3 = (a.q3 ?? []).map((c) => (c === 'Other' ? a.q3Other! : c));
    return [
      String(i + 1),
      p.start,
      p.end,
      p.email,
      p.name,
      a.q1 === 'Other' ? a.q1Other! : a.q1,
      a.q2,
      q3.length > 0 ? `${q3.join(';')};` : '',
      a.meetings ?? '',
      a.workshops ?? '',
      a.q5 ?? '',
    ];
  });
}

let work: string;
let original: unknown;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cop-exports-'));
  original = (await surveyOf(MULTI_YEAR)).questions;
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function surveyOf(root: string) {
  const { lookup, diagnostics } = await validateRepository(root);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return computeMetrics(lookup).years.find((y) => y.year === '2022-23')!.surveys['annual-survey']!;
}

/** Imports an export into a copy of the synthetic community with the survey's responses emptied. */
async function importing(file: string, content: string | Buffer, ...flags: string[]) {
  const path = join(work, file);
  await writeFile(path, content);
  const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
  const before = await readFile(join(dir, SURVEY), 'utf8');
  const run = await cop(['import-survey', '--from', path, '--into', SURVEY, ...flags, '--root', dir]);
  const written = await readFile(join(dir, SURVEY), 'utf8');
  return {
    run,
    written,
    unchanged: written === before,
    metrics: () => surveyOf(dir),
    done: () => rm(dir, { recursive: true, force: true }),
  };
}

const expectNoIdentifier = (text: string) => {
  let checked = 0;
  for (const id of IDENTIFIERS) {
    expect(text, id).not.toContain(id);
    checked++;
  }
  expect(checked).toBe(PEOPLE.length * 10);
  expect(text).not.toMatch(/198\.51\.100|R_\w+|@northfield|Default Response Set/);
};

describe('Qualtrics exports of every vintage', () => {
  it(
    'reads the legacy two-row layout (V1…V10): every response, its preview and unfinished row left out and ' +
      'counted',
    async () => {
      const r = await importing('legacy.csv', qualtricsLegacy());
      try {
        expect(r.run.stderr).toBe('');
        expect(r.run.code).toBe(0);
        expect(r.run.stdout).toContain(
          'Read 8 data rows of a Qualtrics, legacy layout (V1…V10, two header rows) export (after 2 header rows); ' +
            'imported 6 responses',
        );
        expect(r.run.stdout).toContain(
          "Left out 1 preview response: not members' answers (--include-preview keeps them).",
        );
        expect(r.run.stdout).toContain('Left out 1 unfinished response (--include-partial keeps them).');
        expect(r.run.stdout).toMatch(
          new RegExp(
            String.raw`Metadata columns dropped: ResponseID, ResponseSet, Name, ExternalDataReference, ` +
              String.raw`EmailAddress, IPAddress, Status, StartDate, EndDate, Finished, LocationLatitude, ` +
              String.raw`LocationLongitude, LocationAccuracy\.`,
          ),
        );
        expect((await r.metrics()).questions).toEqual(original);
        expectNoIdentifier(r.written);
      } finally {
        await r.done();
      }
    },
  );

  it('reads a legacy export with one column a choice, "Other" text included', async () => {
    const r = await importing('legacy-per-choice.csv', qualtricsLegacyPerChoice());
    try {
      expect(r.run.stderr).toBe('');
      expect(r.run.stdout).toContain('imported 6 responses');
      expect((await r.metrics()).questions).toEqual(original);
      expectNoIdentifier(r.written);
    } finally {
      await r.done();
    }
  });

  it(
    'finds the first response of a legacy export given --format qualtrics (no data row is taken for a ' + 'header)',
    async () => {
      const r = await importing('legacy-forced.csv', qualtricsLegacy(), '--format', 'qualtrics', '--include-preview');
      try {
        expect(r.run.stdout).toContain('Read 8 data rows');
        expect(r.run.stdout).toContain('imported 7 responses');
      } finally {
        await r.done();
      }
    },
  );

  it(
    'recognises ImportIds written with single quotes, and drops ResponseSet and LocationAccuracy as ' + 'metadata',
    async () => {
      const r = await importing('single-quotes.csv', qualtricsCurrent({ quotes: 'single' }));
      try {
        expect(r.run.stderr).toBe('');
        expect(r.run.stdout).toContain(
          'Read 6 data rows of a Qualtrics (three header rows) export (after 3 header rows); imported 6 responses',
        );
        expect(r.run.stdout).toMatch(/Metadata columns dropped: .*ResponseSet.*LocationAccuracy.*Q_RecaptchaScore\./);
        expect((await r.metrics()).questions).toEqual(original);
        expectNoIdentifier(r.written);
      } finally {
        await r.done();
      }
    },
  );

  it(
    'leaves out preview, test and spam responses by default and counts them; --include-preview keeps ' + 'them',
    async () => {
      const answers = [...ANSWERS, ANSWERS[0]!, ANSWERS[1]!, ANSWERS[2]!];
      const status = [
        'IP Address',
        'IP Address',
        'IP Address',
        'IP Address',
        'IP Address',
        'IP Address',
        'Survey Preview',
        'Survey Test',
        'Spam',
      ];
      const r = await importing('preview.csv', qualtricsCurrent({ quotes: 'double', status, answers }));
      try {
        expect(r.run.stdout).toContain('imported 6 responses');
        expect(r.run.stdout).toContain(
          "Left out 1 preview response, 1 test response, 1 response marked as spam: not members' answers " +
            '(--include-preview keeps them).',
        );
        expect((await r.metrics()).questions).toEqual(original);
        expectNoIdentifier(r.written);
      } finally {
        await r.done();
      }
      const kept = await importing(
        'preview-kept.csv',
        qualtricsCurrent({ quotes: 'double', status, answers }),
        '--include-preview',
      );
      try {
        expect(kept.run.stdout).toContain('imported 9 responses');
      } finally {
        await kept.done();
      }
    },
  );

  it('reads a tab-separated UTF-16 export as well', async () => {
    const tsv = qualtricsCurrent({ quotes: 'double' })
      .split('\n')
      .map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'))
      .join('\n');
    const r = await importing('utf16.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    try {
      expect(r.run.stderr).toBe('');
      expect(r.run.stdout).toContain('imported 6 responses');
      expect((await r.metrics()).questions).toEqual(original);
    } finally {
      await r.done();
    }
  });

  it(
    'recognises a numeric-values export, says how to export choice text, and imports it with the codes ' + 'mapped',
    async () => {
      const code = {
        Yes: '1',
        No: '2',
        Other: '3',
        'How I run meetings': '1',
        Referrals: '2',
        'Very useful': '5',
        'Did not attend': '6',
        'Not applicable': '5',
      } as Record<string, string>;
      const numeric = ANSWERS.map((a) => ({
        ...a,
        q1: code[a.q1] ?? a.q1,
        q2: code[a.q2] ?? a.q2,
        q3: a.q3?.map((c) => (c === 'Other' ? '3' : code[c]!)),
        meetings: a.meetings && (code[a.meetings] ?? a.meetings),
        workshops: a.workshops && (code[a.workshops] ?? a.workshops),
      }));
      const text = qualtricsCurrent({ quotes: 'double', answers: numeric });
      const r = await importing('numeric.csv', text);
      try {
        expect(r.run.code).toBe(1);
        expect(r.run.stderr.split('\n')[0]).toBe(
          'numeric.csv:column 21 ("Did the network change your practice?"): this export holds numeric codes, not ' +
            'the answers\' texts (Qualtrics "numeric values"): export the data again with "Use choice text", or map ' +
            'each question\'s codes in --map ("answers": { "q1": { "1": "yes" } })',
        );
        expect(r.unchanged).toBe(true);
      } finally {
        await r.done();
      }
      const map = join(work, 'codes.json');
      await writeFile(
        map,
        JSON.stringify({
          answers: {
            q1: { 1: 'yes', 2: 'no', 3: 'other' },
            q2: { 6: 'did-not-attend' },
            q3: { 1: 'meetings', 2: 'referrals', 3: 'other' },
            q4: { 5: 'na' },
          },
        }),
      );
      const mapped = await importing('numeric-mapped.csv', text, '--map', map);
      try {
        expect(mapped.run.stderr).toBe('');
        expect((await mapped.metrics()).questions).toEqual(original);
      } finally {
        await mapped.done();
      }
    },
  );
});

describe('Google Forms and Microsoft Forms', () => {
  it('keeps a Google Forms "Other" answer that holds commas whole, as the specify text', async () => {
    const r = await importing('google-other.csv', googleForms({ q3Other: 'office hours, drop-ins' }));
    try {
      expect(r.run.stderr).toBe('');
      const responses = JSON.parse(r.written).responses as Array<{ answers: Record<string, unknown> }>;
      expect(responses.map((x) => x.answers['q3']).filter(Boolean)).toContainEqual([
        'meetings',
        { value: 'other', text: 'office hours, drop-ins' },
      ]);
      expectNoIdentifier(r.written);
    } finally {
      await r.done();
    }
  });

  it(
    "reports a choice no option matches at the export's row and column when the question has no " + '"Other"',
    async () => {
      const path = join(work, 'google-typo.csv');
      await writeFile(path, googleForms().replace('"How I run meetings, Referrals"', '"How I run meetings, Referals"'));
      // The same survey with no "Other" option on q3: the typo cannot be free text.
      const withoutOther = (t: string) =>
        replaceOnce(
          ', {"value": "other", "label": "Other", "specify": true}]},\n    {"id": "q4"',
          ']},\n    {"id": "q4"',
        )(emptied(t)).replace('"q3": ["meetings", {"value": "other", "text": "Office hours"}]', '"q3": ["meetings"]');
      const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: withoutOther });
      try {
        const before = await readFile(join(dir, SURVEY), 'utf8');
        const r = await cop(['import-survey', '--from', path, '--into', SURVEY, '--root', dir]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(
          'google-typo.csv:row 2, column 5 ("What did you change?"): "Referals" is not an answer of q3: use "How I ' +
            'run meetings", "Referrals" (the question has no "Other" option to take free text), or map it with --map',
        );
        expect(r.stderr).toContain(
          'google-typo.csv:row 3, column 5 ("What did you change?"): "Office hours" is not an answer of q3',
        );
        expect(r.stderr).not.toMatch(/annual-survey\.json:\d+/);
        expect(await readFile(join(dir, SURVEY), 'utf8')).toBe(before);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it('reads a Microsoft Forms Likert question (columns headed by statements alone) with no mapping', async () => {
    const header = MS_HEADER.map((h) => h.replace(/^Rate each activity - /, ''));
    expect(header).toContain('Meetings');
    const r = await importing('ms-forms-likert.csv', csv([header, ...msFormsRows()]));
    try {
      expect(r.run.stderr).toBe('');
      expect(r.run.code).toBe(0);
      expect((await r.metrics()).questions).toEqual(original);
    } finally {
      await r.done();
    }
  });

  it('says when --map sends a column to no question, or to an item its matrix does not have', async () => {
    const header = MS_HEADER.map((h) => h.replace(/^Rate each activity - /, ''));
    const map = join(work, 'wrong-map.json');
    await writeFile(map, JSON.stringify({ columns: { Meetings: 'q4/meeting', Workshops: 'q44/workshops' } }));
    const r = await importing('ms-forms-mapped.csv', csv([header, ...msFormsRows()]), '--map', map);
    try {
      expect(r.run.code).toBe(1);
      expect(r.run.stderr).toContain(
        '--map sends this column to "q4/meeting", but q4 has no item "meeting": its items',
      );
      expect(r.run.stderr).toContain('--map sends this column to "q44/workshops", which is no question of the survey');
      expect(r.unchanged).toBe(true);
    } finally {
      await r.done();
    }
  });

  it('reads a Microsoft Forms export saved as CSV, and its workbook, with the same result', async () => {
    const rows = msFormsRows();
    const a = await importing('ms-forms.csv', csv([MS_HEADER, ...rows]));
    const workbook = await writeXlsxFile(
      [MS_HEADER, ...rows].map((r) => r.map((v) => (v === '' ? null : { value: v }))),
    ).toBuffer();
    const b = await importing('ms-forms.xlsx', workbook, '--format', 'ms-forms');
    try {
      for (const r of [a, b]) {
        expect(r.run.stderr).toBe('');
        expect(r.run.code).toBe(0);
        expect((await r.metrics()).questions).toEqual(original);
        expectNoIdentifier(r.written);
      }
      expect(a.run.stdout).toContain('Microsoft Forms CSV');
      expect(b.written).toBe(a.written);
    } finally {
      await a.done();
      await b.done();
    }
  });

  it('says a CSV that is no Microsoft Forms export should be the workbook from Open in Excel', async () => {
    const r = await importing(
      'not-ms.csv',
      csv([
        ['When', 'Who', 'What'],
        ['now', 'me', 'this'],
      ]),
      '--format',
      'ms-forms',
    );
    try {
      expect(r.run.code).toBe(1);
      expect(r.run.stderr).toMatch(/does not look like a Microsoft Forms export .*Open in Excel \(\.xlsx\)/);
    } finally {
      await r.done();
    }
  });
});

describe('a wide export', () => {
  it('summarises thousands of unmatched columns instead of listing each', async () => {
    const r = await importing('wide.csv', googleForms({}, 2000));
    try {
      expect(r.run.code).toBe(1);
      const lines = r.run.stderr.trim().split('\n');
      expect(lines.length).toBeLessThanOrEqual(12);
      expect(lines[10]).toBe(
        '… and 1990 more problems (2000 columns in all match no question: --ignore-unmatched leaves them out and ' +
          'lists them).',
      );
    } finally {
      await r.done();
    }
  });

  it('with --ignore-unmatched imports the questions and lists the columns left out, never their contents', async () => {
    const r = await importing('wide-ignored.csv', googleForms({}, 2000), '--ignore-unmatched');
    try {
      expect(r.run.stderr).toBe('');
      expect(r.run.stdout).toContain(
        'Left out 2000 columns that match no question (--ignore-unmatched); check that none of them was a question:',
      );
      expect(r.run.stdout).toContain('  Section 200 item 10');
      expect(r.run.stdout).not.toContain('private note');
      expect((await r.metrics()).questions).toEqual(original);
      expectNoIdentifier(r.written + r.run.stdout);
    } finally {
      await r.done();
    }
  });
});
