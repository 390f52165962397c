import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, REPO_ROOT, fixtureWith, replaceOnce } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';
import { OPEN_FEEDBACK, openFeedback, withOpenFeedback } from './fixture.js';

const NAME = '2024-25/open-feedback';

/** The survey as it is before any coding: the codebook, no codes. */
const uncoded = () =>
  withOpenFeedback({ [OPEN_FEEDBACK]: openFeedback().replace(/,\n {2}"codes": \[[\s\S]*?\n {2}\]/, '') });

async function codesOf(root: string) {
  const v = await validateRepository(root);
  expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return computeMetrics(v.lookup).years.find((y) => y.year === '2024-25')!.surveys['open-feedback']!.codes;
}

/** A coordinator's marks: an x under each code of an answer, by response and question. */
const MARKS: Record<string, string[]> = {
  'r1 q-best': ['peer', 'ideas'],
  'r2 q-best': ['peer'],
  'r6 q-best': ['time'],
  'r7 q-change': ['time'],
};

function mark(rows: string[][]): string[][] {
  const header = rows[0]!;
  return rows.map((r, i) =>
    i === 0 ? r : r.map((cell, j) => (MARKS[`${r[1]} ${r[2]}`]?.includes(header[j]!) ? 'x' : cell)),
  );
}

const toCsv = (rows: string[][]) =>
  `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

describe('coding in a spreadsheet', () => {
  it('exports every written answer with a column per code, and never overwrites a sheet', async () => {
    const root = await uncoded();
    const dir = await temporaryDir();
    const sheet = join(dir, 'coding.csv');
    const r = await cop(['codes', '--survey', NAME, '--export', sheet, '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(sheet, 'utf8');
    expect(text.startsWith('\uFEFFsurvey,response,question,answer,peer,ideas,time,notes\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1)) as string[][];
    expect(rows).toHaveLength(1 + 9);
    // An answer that starts like a formula is kept from running in Excel, and comes back as written.
    expect(rows.find((x) => x[1] === 'r6')![3]).toBe("'=Having the time to think.");
    const again = await cop(['codes', '--survey', NAME, '--export', sheet, '--root', root]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('exists already: nothing was written');
  });

  it(
    'round trip in CSV: a typo in a code and a deleted row come back at their rows; fixed, the codes ' + 'land',
    async () => {
      const root = await uncoded();
      const dir = await temporaryDir();
      const sheet = join(dir, 'coding.csv');
      expect((await cop(['codes', '--survey', NAME, '--export', sheet, '--root', root])).code).toBe(0);
      const exported = parseCsv((await readFile(sheet, 'utf8')).slice(1)) as string[][];
      const coded = mark(exported);

      const broken = coded.map((r) => [...r]);
      broken[0]![6] = 'tiem';
      const withoutR5 = broken.filter((r) => r[1] !== 'r5');
      await writeFile(sheet, toCsv(withoutR5));
      const before = await readFile(join(root, OPEN_FEEDBACK), 'utf8');
      const bad = await cop(['codes', '--survey', NAME, '--import', sheet, '--root', root]);
      expect(bad.code).toBe(1);
      expect(bad.stderr.split('\n').filter(Boolean)).toEqual([
        'coding.csv: row 1, column 7: "tiem" is not a code of the codebook. Did you mean "time"? Rename the column ' +
          'to a code (peer, ideas, time), or add the theme to the survey\'s "codebook" first',
        'coding.csv: the answer of r5 to q-best has no row: a deleted row would lose its codes. Add the row back, ' +
          'or export the sheet again',
        '2 problems in coding.csv: nothing was written to surveys/2024-25/open-feedback.json.',
      ]);
      expect(await readFile(join(root, OPEN_FEEDBACK), 'utf8')).toBe(before);

      await writeFile(sheet, toCsv(coded));
      const good = await cop(['codes', '--survey', NAME, '--import', sheet, '--root', root]);
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout).toContain('Wrote the codes of 4 written answers');
      expect(await codesOf(root)).toEqual({ peer: 2, ideas: 1, time: 2 });
      const after = await readFile(join(root, OPEN_FEEDBACK), 'utf8');
      expect(after).toContain('    { "response": "r1", "question": "q-best", "codes": ["peer", "ideas"] },\n');
      // Responses are as they were.
      expect(after.slice(after.indexOf('"responses"'), after.indexOf('"quotes"'))).toBe(
        before.slice(before.indexOf('"responses"'), before.indexOf('"quotes"')),
      );
    },
  );

  it('round trip in Excel: an answer changed since the export is caught at its cell', async () => {
    const root = await uncoded();
    const dir = await temporaryDir();
    const sheet = join(dir, 'coding.xlsx');
    expect((await cop(['codes', '--survey', NAME, '--export', sheet, '--root', root])).code).toBe(0);
    const rows = (await readXlsxFile(await readFile(sheet)))[0]!.data.map((r) =>
      r.map((c) => (c === null ? '' : String(c))),
    );
    expect(rows[0]).toEqual(['survey', 'response', 'question', 'answer', 'peer', 'ideas', 'time', 'notes']);
    const coded = mark(rows);
    const edited = coded.map((r) => [...r]);
    const r3 = edited.findIndex((r) => r[1] === 'r3' && r[2] === 'q-best');
    edited[r3]![3] = 'A new way to run first meetings!';
    const save = (data: string[][]) =>
      writeXlsxFile(data.map((r) => r.map((value) => ({ value, type: String })))).toFile(sheet);
    await save(edited);
    const bad = await cop(['codes', '--survey', NAME, '--import', sheet, '--root', root]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      `coding.xlsx: row ${r3 + 1}, column 4: the answer differs from the survey's answer to q-best by r3`,
    );
    await save(coded);
    expect((await cop(['codes', '--survey', NAME, '--import', sheet, '--root', root])).code).toBe(0);
    expect(await codesOf(root)).toEqual({ peer: 2, ideas: 1, time: 2 });
  });

  it('lists written answers and those not coded yet, as text and JSON', async () => {
    const root = await withOpenFeedback();
    const text = await cop(['codes', '--survey', NAME, '--root', root]);
    expect(text.stdout).toContain('surveys/2024-25/open-feedback.json: 9 written answers, 8 coded, 1 not yet coded');
    expect(text.stdout).toContain('  Not yet coded:\n  r4 q-best\n    Everything!');
    const json = JSON.parse(
      (await cop(['codes', '--survey', NAME, '--format', 'json', '--root', root])).stdout,
    ) as Array<{ response: string; codes: string[] }>;
    expect(json).toHaveLength(9);
    expect(json[0]).toEqual({
      survey: NAME,
      file: OPEN_FEEDBACK,
      response: 'r1',
      question: 'q-best',
      answer: 'Meeting other mentors and hearing new ideas.',
      codes: ['peer', 'ideas'],
    });
  });
});

describe('import-survey over a coded survey', () => {
  const SURVEY = 'surveys/2022-23/annual-survey.json';
  const coded = replaceOnce(
    '  "responses": [',
    '  "codebook": [{ "id": "helpful", "title": "Helpful" }],\n  "codes": [{ "response": "r1", "question": "q5", ' +
      '"codes": ["helpful"] }],\n  "responses": [',
  );
  const exportFile = join(REPO_ROOT, 'tests/fixtures/survey-exports/google-forms.csv');

  it('refuses --replace while codes point at the responses, and drops them only with --drop-codes', async () => {
    const root = await fixtureWith(MULTI_YEAR, { [SURVEY]: coded });
    const before = await readFile(join(root, SURVEY), 'utf8');
    const refused = await cop(['import-survey', '--from', exportFile, '--into', SURVEY, '--replace', '--root', root]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'holds the codes of 1 written answer, and they point at the responses --replace would remove: nothing was ' +
        'changed',
    );
    expect(await readFile(join(root, SURVEY), 'utf8')).toBe(before);
    const dropped = await cop([
      'import-survey',
      '--from',
      exportFile,
      '--into',
      SURVEY,
      '--replace',
      '--drop-codes',
      '--root',
      root,
    ]);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stdout).toContain('The codes of 1 written answer were removed (--drop-codes); the codebook stays.');
    const after = await readFile(join(root, SURVEY), 'utf8');
    expect(after).toContain('"codes": []');
    expect(after).toContain('"codebook": [{ "id": "helpful", "title": "Helpful" }]');
  });
});
