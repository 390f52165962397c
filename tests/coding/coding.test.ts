import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/index.js';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { replaceOnce } from '../helpers/repo.js';
import { OPEN_FEEDBACK, openFeedback, withOpenFeedback } from './fixture.js';
import { section } from '../helpers/markdown.js';

async function metricsOf(root: string) {
  const v = await validateRepository(root);
  expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return computeMetrics(v.lookup);
}

describe('coded written answers', () => {
  it('count coded answers per question and distinct responses per code, zeros included', async () => {
    const m = await metricsOf(await withOpenFeedback());
    const survey = m.years.find((y) => y.year === '2024-25')!.surveys['open-feedback']!;
    expect(survey.questions['q-best']).toEqual({ type: 'text', n: 6, coded: 5, codes: { peer: 3, ideas: 2, time: 1 } });
    expect(survey.questions['q-change']).toEqual({
      type: 'text',
      n: 3,
      coded: 3,
      codes: { peer: 0, ideas: 1, time: 3 },
    });
    expect(survey.codes).toEqual({ peer: 3, ideas: 2, time: 4 });
    expect(survey.wrote).toBe(7);
  });

  it('leave the figures of a survey without a codebook as they were', async () => {
    const m = await metricsOf(await withOpenFeedback());
    const annual = m.years.find((y) => y.year === '2024-25')!.surveys['annual-survey']!;
    expect(annual.codes).toBeUndefined();
    expect(annual.questions.q5).toEqual({ type: 'text', n: 0 });
  });

  it(
    'give the report its themes, most raised first, with counts, shares, descriptions and the chosen quotes ' +
      'under them',
    async () => {
      const files = await renderReports((await validateRepository(await withOpenFeedback())).lookup);
      const annual = files.get('reports/2024-25/annual-report.md')!;
      const themes = section(annual, 'Themes from open answers');
      const headings = themes.split('\n').filter((l) => l.startsWith('#### '));
      expect(headings).toEqual(['#### Time', '#### Learning from peers', '#### New practice']);
      expect(themes).toContain(
        '**Raised by 4 of 7 (57.1%, 95% interval 25–84.2%)**. Time to think, and the length and hour of sessions.',
      );
      // r1's answer carries peer and ideas: quoted under both; r3's under time and ideas.
      const under = (title: string) => section(themes.replace(/^#### /gm, '## '), title);
      expect(under('Time')).toContain('> “Longer sessions, and the slides before them.”');
      expect(under('Learning from peers')).toContain('> “Meeting other mentors and hearing new ideas.”');
      expect(under('New practice')).toContain('> “Meeting other mentors and hearing new ideas.”');
      expect(under('New practice')).toContain('> “Longer sessions, and the slides before them.”');
      // Chosen but not coded: stays under its question, and under no theme. Coded but not chosen: never shown.
      expect(themes).not.toContain('Everything!');
      expect(themes).not.toContain('Other mentors.');
      expect(annual).toContain('> “Everything!”');
      expect(annual).not.toContain('Other mentors.');
    },
  );

  it('show no theme of a survey under privacy.minResponses, and no count when too few wrote', async () => {
    const few = await withOpenFeedback({
      'data/community.json': replaceOnce(
        '"yearStart": "09-01",',
        '"yearStart": "09-01",\n  "privacy": { "minResponses": 8 },',
      ),
    });
    const themes = section(
      (await renderReports((await validateRepository(few)).lookup)).get('reports/2024-25/annual-report.md')!,
      'Themes from open answers',
    );
    expect(themes).toContain('The themes are not shown: the survey has fewer than 8 responses');
    expect(themes).not.toContain('####');
    expect(themes).not.toContain('“');

    const small = await withOpenFeedback({
      'data/community.json': replaceOnce(
        '"yearStart": "09-01",',
        '"yearStart": "09-01",\n  "privacy": { "minGroupSize": 8 },',
      ),
    });
    const files = await renderReports((await validateRepository(small)).lookup);
    const counted = section(files.get('reports/2024-25/annual-report.md')!, 'Themes from open answers');
    expect(counted).toContain('How many raised each is not shown: fewer than 8 respondents wrote an answer');
    expect(counted).not.toContain('Raised by');
    const published = JSON.parse(files.get('reports/metrics.json')!) as {
      years: Array<{ year: string; surveys: Record<string, { codes?: unknown; questions: Record<string, unknown> }> }>;
    };
    const s = published.years.find((y) => y.year === '2024-25')!.surveys['open-feedback']!;
    expect(s.codes).toBeUndefined();
    expect(s.questions['q-best']).toEqual({ n: 6, suppressed: 'fewer than 8 answers (privacy.minGroupSize)' });
  });

  it('compare the themes of the same survey across years', async () => {
    const root = await withOpenFeedback({
      'surveys/2023-24/open-feedback.json': openFeedback('2024-06-10').replace(
        '"codes": ["time"] }\n  ]',
        '"codes": ["peer"] }\n  ]',
      ),
    });
    const files = await renderReports((await validateRepository(root)).lookup);
    const compared = section(files.get('reports/year-over-year.md')!, 'Themes from open answers');
    expect(compared).toContain('| Respondents who wrote an answer | 7 | 7 |');
    expect(compared).toContain('| Time | 3 (42.9%) | 4 (57.1%) |');
    expect(compared).toContain('| Learning from peers | 4 (57.1%) | 3 (42.9%) |');
  });

  it('validate: a coded entry for an answer never written is reported at its line', async () => {
    const root = await withOpenFeedback({
      [OPEN_FEEDBACK]: openFeedback().replace(
        '{ "response": "r7", "question": "q-change", "codes": ["time"] }',
        '{ "response": "r7", "question": "q-best", "codes": ["time"] }',
      ),
    });
    const { diagnostics } = await validateRepository(root);
    const found = diagnostics.filter((d) => d.rule === 'coding');
    expect(found.map((d) => [d.file, d.line, d.message])).toEqual([
      [
        OPEN_FEEDBACK,
        40,
        'response "r7" wrote no answer to q-best: remove this entry, or correct the response or question',
      ],
    ]);
    expect(await readFile(join(root, OPEN_FEEDBACK), 'utf8')).toContain('"r7", "question": "q-best"');
  });
});
