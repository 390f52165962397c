import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { summarise } from '../../src/cli/diagnostics-output.js';
import type { Diagnostic } from '../../src/rules/diagnostic.js';
import { computeMetrics } from '../../src/metrics/index.js';
import { renderReports } from '../../src/reports/build.js';
import { plural } from '../../src/format/numbers.js';
import { review } from '../../src/review/review.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

const NOUNS = [
  'member',
  'department',
  'action',
  'response',
  'session',
  'guest',
  'year',
  'service',
  'question',
  'respondent',
  'answer',
  'problem',
  'file',
  'error',
  'warning',
];
const SINGULAR_AFTER_MANY = new RegExp(
  `(?<![\\d.,])(?:0|[2-9]|\\d{2,}) (?:open )?(?:support )?(${NOUNS.join('|')})\\b(?!s)`,
  'g',
);
const PLURAL_AFTER_ONE = new RegExp(`(?<![\\d.,])1 (?:open )?(?:support )?(${NOUNS.join('|')})s\\b`, 'g');

/** The count phrases of a text that disagree with their number: "1 actions", "2 department". */
const disagreements = (text: string) =>
  [...text.matchAll(SINGULAR_AFTER_MANY), ...text.matchAll(PLURAL_AFTER_ONE)].map((m) => m[0]);

describe('counts agree with their nouns', () => {
  it('plural() over 0, 1 and 2', () => {
    expect([0, 1, 2].map((n) => plural(n, 'department'))).toEqual(['0 departments', '1 department', '2 departments']);
    expect(plural(1, 'survey', 'surveys')).toBe('1 survey');
  });

  it('the lint below finds what it is for', () => {
    expect(
      disagreements('**1 actions** were recorded; 2 department; 1 department; 0 members; 11 members; 4.5 member'),
    ).toEqual(['2 department', '1 actions']);
  });

  let dir: string;
  beforeAll(async () => {
    // The exchange feedback one response short of privacy.minResponses: its answers are withheld.
    dir = await fixtureWith(MULTI_YEAR, {
      'surveys/2024-25/exchange-feedback.json': replaceOnce(',\n    {"id": "re", "answers": {"useful": 5}}', ''),
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('in every report of the synthetic community, where 0, 1 and 2 of most things occur', async () => {
    let checked = 0;
    for (const root of [MULTI_YEAR, dir]) {
      const files = await renderReports((await validateRepository(root)).lookup);
      for (const [path, text] of files) {
        if (!path.endsWith('.md')) continue;
        expect(disagreements(text), path).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  it('in the validation summary and in the review', () => {
    const d = (file: string): Diagnostic => ({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'schema',
      message: 'x',
      place: { start: { line: 1, column: 1 } },
      source: 'cop',
      url: 'docs/rules.md',
    });
    expect(summarise([d('a')])).toBe('1 error and 0 warnings in 1 file.');
    expect(summarise([d('a'), d('b')])).toBe('2 errors and 0 warnings in 2 files.');
    const one = review({
      created: [],
      modified: ['data/units.json'],
      deleted: [],
      diagnostics: [d('minutes/x.md')],
      base: undefined,
      head: undefined,
    });
    expect(one.fails[0]!.message).toMatch(/leaves 1 problem in files/);
  });
});

describe('a year still in progress', () => {
  it('speaks of what is due as of its latest record, not of what "was past due at the end of the year"', async () => {
    const files = await renderReports((await validateRepository(MULTI_YEAR)).lookup);
    const current = files.get('reports/2024-25/annual-report.md')!;
    expect(current).toContain(
      '**0 open actions are past due** as of the latest record (2 June 2025); the year runs until 31 August 2025.',
    );
    expect(current).not.toMatch(/at the end of the year/);
    expect(files.get('reports/2022-23/annual-report.md')).toContain(
      '**1 open action was past due** at the end of the year (31 August 2023).',
    );
  });

  it('is marked in the metrics, and its past-due actions are judged as of the latest record', async () => {
    const metrics = computeMetrics((await validateRepository(MULTI_YEAR)).lookup);
    expect(metrics.years.map((y) => [y.year, y.inProgress, y.asOf])).toEqual([
      ['2021-22', false, '2022-08-31'],
      ['2022-23', false, '2023-08-31'],
      ['2023-24', false, '2024-08-31'],
      ['2024-25', true, '2025-06-02'],
    ]);
  });
});
