import { rm, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { computeMetrics } from '../../src/metrics/index.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, REPO_ROOT, fixtureWith, replaceOnce } from '../helpers/repo.js';

/** Edits an export, failing if an edit no longer matches it. */
const edited = (text: string, ...edits: Array<[string, string]>) =>
  edits.reduce((t, [a, b]) => replaceOnce(a, b)(t), text);

const SURVEY = 'surveys/2022-23/annual-survey.json';
const EXPORTS = join(REPO_ROOT, 'tests/fixtures/survey-exports');
const emptied = replaceOnce(/"responses": \[[\s\S]*?\n {2}\]/, '"responses": []');

async function surveyMetrics(root: string) {
  const { lookup, diagnostics } = await validateRepository(root);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return computeMetrics(lookup).years.find((y) => y.year === '2022-23')!.surveys['annual-survey']!;
}

describe('cop import-survey', () => {
  let original: Awaited<ReturnType<typeof surveyMetrics>>;
  beforeAll(async () => {
    original = await surveyMetrics(MULTI_YEAR);
  });

  it.each(['qualtrics.csv', 'google-forms.csv', 'ms-forms.xlsx'])(
    'imports %s: answers exact, identifiers gone',
    async (file) => {
      const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
      const r = await cop(['import-survey', '--from', join(EXPORTS, file), '--into', SURVEY, '--root', dir]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const imported = await surveyMetrics(dir);
      expect(imported.questions).toEqual(original.questions);
      expect(imported.responses).toBe(6);
      const text = await readFile(join(dir, SURVEY), 'utf8');
      for (const identifier of [
        '192.0.2',
        '@northfield.example',
        'Zoe',
        'Zoë',
        'José',
        'R_1a2b',
        '51.50',
        '-0.12',
        '2023-06-01 09',
        '9:20:45',
        'GMT',
      ])
        expect(text).not.toContain(identifier);
      expect(JSON.parse(text).responses.map((x: { id: string }) => x.id)).toEqual([
        'r01',
        'r02',
        'r03',
        'r04',
        'r05',
        'r06',
      ]);
    },
  );

  it('leaves unfinished responses out unless --include-partial', async () => {
    const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    const r = await cop([
      'import-survey',
      '--from',
      join(EXPORTS, 'qualtrics.csv'),
      '--into',
      SURVEY,
      '--include-partial',
      '--root',
      dir,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Read 7 data rows of a Qualtrics (three header rows) export (after 3 header rows); imported 7 responses',
    );
  });

  it('numbers responses by their content, not by when they were submitted', async () => {
    const csv = await readFile(join(EXPORTS, 'google-forms.csv'), 'utf8');
    const [header, ...rows] = csv.trimEnd().split('\n');
    const reversed = join(await fixtureWith(EXPORTS), 'reversed.csv');
    await writeFile(reversed, `${[header, ...rows.reverse()].join('\n')}\n`);
    const a = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    const b = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    await cop(['import-survey', '--from', join(EXPORTS, 'google-forms.csv'), '--into', SURVEY, '--root', a]);
    await cop(['import-survey', '--from', reversed, '--into', SURVEY, '--root', b]);
    expect(await readFile(join(b, SURVEY), 'utf8')).toBe(await readFile(join(a, SURVEY), 'utf8'));
  });

  it('refuses a second import without --replace, leaving the file byte for byte', async () => {
    const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    await cop(['import-survey', '--from', join(EXPORTS, 'qualtrics.csv'), '--into', SURVEY, '--root', dir]);
    const before = await readFile(join(dir, SURVEY));
    const again = await cop([
      'import-survey',
      '--from',
      join(EXPORTS, 'google-forms.csv'),
      '--into',
      SURVEY,
      '--root',
      dir,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already holds 6 responses: nothing was changed. Use --replace');
    expect(await readFile(join(dir, SURVEY))).toEqual(before);
    expect(
      (
        await cop([
          'import-survey',
          '--from',
          join(EXPORTS, 'google-forms.csv'),
          '--into',
          SURVEY,
          '--replace',
          '--root',
          dir,
        ])
      ).code,
    ).toBe(0);
  });

  it('reports every unmatched column and label with its row and column, and writes nothing', async () => {
    const csv = edited(
      await readFile(join(EXPORTS, 'google-forms.csv'), 'utf8'),
      ['Anything else?', 'Any other comments?'],
      [',Yes,4,', ',Yes,Sometimes,'],
      [',No,Did not attend,,2,', ',No,Did not attend,,Great,'],
    );
    const bad = join(await fixtureWith(EXPORTS), 'bad.csv');
    await writeFile(bad, csv);
    const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    const before = await readFile(join(dir, SURVEY), 'utf8');
    const r = await cop(['import-survey', '--from', bad, '--into', SURVEY, '--root', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv:column 8 ("Any other comments?"): no question of the survey has this text');
    expect(r.stderr).toContain(
      'bad.csv:row 3, column 4 ("How useful were the sessions?"): "Sometimes" is not a point of the scale of q2',
    );
    expect(r.stderr).toContain(
      'bad.csv:row 4, column 6 ("Rate each activity [Meetings]"): "Great" is not a point of the scale of q4 (item ' +
        'meetings)',
    );
    expect(await readFile(join(dir, SURVEY), 'utf8')).toBe(before);
  });

  it('takes --map for columns and labels that differ', async () => {
    const csv = edited(
      await readFile(join(EXPORTS, 'google-forms.csv'), 'utf8'),
      ['Anything else?', 'Any other comments?'],
      [',Yes,4,', ',Yes,Quite,'],
    );
    const work = await fixtureWith(EXPORTS);
    await writeFile(join(work, 'renamed.csv'), csv);
    await writeFile(
      join(work, 'map.json'),
      JSON.stringify({ columns: { 'Any other comments?': 'q5' }, answers: { q2: { Quite: 4 } } }),
    );
    const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    const r = await cop([
      'import-survey',
      '--from',
      join(work, 'renamed.csv'),
      '--into',
      SURVEY,
      '--map',
      join(work, 'map.json'),
      '--root',
      dir,
    ]);
    expect(r.stderr).toBe('');
    expect((await surveyMetrics(dir)).questions).toEqual(original.questions);
  });

  it('refuses answers that would not pass validation, such as an email typed into a comment', async () => {
    const csv = edited(await readFile(join(EXPORTS, 'google-forms.csv'), 'utf8'), [
      'Very helpful.',
      '"Very helpful, write to me at sam@student.example.ac.uk"',
    ]);
    const bad = join(await fixtureWith(EXPORTS), 'leaky.csv');
    await writeFile(bad, csv);
    const dir = await fixtureWith(MULTI_YEAR, { [SURVEY]: emptied });
    const r = await cop(['import-survey', '--from', bad, '--into', SURVEY, '--root', dir]);
    expect(r.code).toBe(1);
    // At the export's row and column: the survey file it names was never written.
    expect(r.stderr).toMatch(
      new RegExp(
        String.raw`^leaky\.csv:row 2, column 8 \("Anything else\?"\): an email address \("s` +
          String.raw`\*\*\*@student\.example\.ac\.uk"\).* \(question q5\) \[personal-email\]$`,
        'm',
      ),
    );
    expect(r.stderr).not.toMatch(/surveys\/2022-23\/annual-survey\.json:\d+/);
    expect(r.stderr).toContain('nothing was written');
  });
});

describe('cop new survey', () => {
  it('starts next year with the same questions and ids, and no responses', async () => {
    const dir = await fixtureWith(MULTI_YEAR);
    const r = await cop([
      'new',
      'survey',
      '--from',
      'surveys/2024-25/annual-survey.json',
      '--year',
      '2025-26',
      '--root',
      dir,
    ]);
    expect(r.code).toBe(0);
    const created = JSON.parse(await readFile(join(dir, 'surveys/2025-26/annual-survey.json'), 'utf8'));
    const source = JSON.parse(await readFile(join(dir, 'surveys/2024-25/annual-survey.json'), 'utf8'));
    expect(created.questions).toEqual(source.questions);
    expect(created).toMatchObject({
      id: 'annual-survey',
      title: 'Annual survey 2025-26',
      opened: '2026-06-02',
      responses: [],
    });
    expect((await cop(['validate', '--root', dir])).code).toBe(0);
    expect(
      (await cop(['new', 'survey', '--from', 'surveys/2024-25/annual-survey.json', '--year', '2025-26', '--root', dir]))
        .code,
    ).toBe(1);
  });

  it("leaves last year's population session for the coordinator to set, and validation says so", async () => {
    const dir = await fixtureWith(MULTI_YEAR);
    try {
      const r = await cop([
        'new',
        'survey',
        '--from',
        'surveys/2024-25/exchange-feedback.json',
        '--year',
        '2025-26',
        '--root',
        dir,
      ]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /Its population was a session of last year: set "population"."session" to this year's session/,
      );
      const created = JSON.parse(await readFile(join(dir, 'surveys/2025-26/exchange-feedback.json'), 'utf8'));
      expect(created.population).toEqual({ rule: 'session', session: '' });
      const v = await cop(['validate', '--root', dir]);
      expect(v.code).toBe(1);
      expect(v.stdout).toMatch(
        /surveys\/2025-26\/exchange-feedback\.json:\d+:\d+ error the population session is not set yet/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
