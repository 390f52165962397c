import { describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { section } from '../helpers/markdown.js';
import { SAMPLE, replaceOnce, validate } from '../helpers/repo.js';

describe('outputs whose day is not known', () => {
  it('count in the year they name and print that year, not a made-up date', async () => {
    const { lookup, diagnostics } = await validateRepository(SAMPLE);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const report = (await renderReports(lookup)).get('reports/2024-25/annual-report.md') ?? '';
    const outputs = section(report, 'Outputs');
    expect(outputs).toContain(
      '5 members: Applications for UKAT Professional Recognition started (UK Advising and Tutoring Association ' +
        '(UKAT), during 2024-25)',
    );
    expect(outputs).not.toContain('31 July');
  });

  it('an output with both a date and a year is refused at the output, saying to give one', async () => {
    const problems = await validate(SAMPLE, {
      'data/outputs.json': replaceOnce('"year": "2024-25",', '"year": "2024-25", "date": "2025-07-31",'),
    });
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'data/outputs.json', line: 34 });
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
