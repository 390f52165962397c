import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { section } from '../helpers/markdown.js';
import { SAMPLE, validate } from '../helpers/repo.js';

/** The sample with one more output, an award whose day is not known: only its year. */
const WITH_YEAR = {
  'data/outputs.json': (text: string) =>
    text.replace(
      /\n\]\s*$/,
      ',\n  { "id": "award-2024-25", "type": "recognition", "title": "Mentoring award", "year": "2024-25", ' +
        '"venue": "The School", "count": 3 }\n]\n',
    ),
};

describe('outputs whose day is not known', () => {
  it('count in the year they name and print that year, not a made-up date', async () => {
    const text = WITH_YEAR['data/outputs.json'](await readFile(join(SAMPLE, 'data/outputs.json'), 'utf8'));
    const { lookup, diagnostics } = await validateRepository(SAMPLE, { 'data/outputs.json': text });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = (await renderReports(lookup)).get('reports/2024-25/annual-report.md') ?? '';
    const outputs = section(report, 'Outputs');
    expect(outputs).toContain('3 members: Mentoring award (The School, during 2024-25)');
    expect(outputs).not.toContain('31 July');
  });

  it('an output with both a date and a year is refused at the output, saying to give one', async () => {
    const text = WITH_YEAR['data/outputs.json'](await readFile(join(SAMPLE, 'data/outputs.json'), 'utf8'));
    const problems = await validate(SAMPLE, {
      'data/outputs.json': text.replace('"year": "2024-25",', '"year": "2024-25", "date": "2025-07-31",'),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    const line = text.split('\n').findIndex((l) => l.includes('award-2024-25')) + 1;
    expect(errors[0]).toMatchObject({ file: 'data/outputs.json', line });
    expect(errors[0]!.message).toContain('a date (YYYY-MM-DD) or, when the day is not known, a year (2024-25)');
  });
});

describe('rated items said in words', () => {
  it('names the aims rated highest and lowest, with each mean placed on the scale', async () => {
    const { lookup } = await validateRepository(SAMPLE);
    const report = (await renderReports(lookup)).get('reports/2024-25/annual-report.md') ?? '';
    const q11 = report.slice(report.indexOf('#### Q11.'), report.indexOf('#### Q12.'));
    expect(q11).toContain(
      'Rated lowest: Enhanced mentoring practices across departments (2.7 of 4, between 2 “Partially achieved” and ' +
        '3 “Largely achieved”); Co-developed resources with the Inclusive Education Team (2.8 of 4,',
    );
    expect(q11).toContain('Rated highest: Fostered interactive dialogues about academic mentoring (3.5 of 4,');
    expect(report).toContain('The items were rated alike: from 4.7 to 4.8 of 5 on average.');
  });
});

describe('identical outputs', () => {
  it('are one line with their count: an award given to two members the same day', async () => {
    const award =
      '{ "id": "award-a", "type": "recognition", "title": "Mentoring: Theory and Practice Award", "date": ' +
      '"2025-06-12", "venue": "The university" }';
    const { lookup } = await validateRepository(SAMPLE, {
      'data/outputs.json': `[\n  ${award},\n  ${award.replace('award-a', 'award-b')}\n]\n`,
    });
    const report = (await renderReports(lookup)).get('reports/2024-25/annual-report.md') ?? '';
    const outputs = section(report, 'Outputs');
    expect(outputs).toContain('- 2 members: Mentoring: Theory and Practice Award (The university, 12 June 2025)');
    expect(outputs.match(/Theory and Practice Award/g)).toHaveLength(1);
  });
});
