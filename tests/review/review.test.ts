import { beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import type { Diagnostic } from '../../src/rules/diagnostic.js';
import type { RuleId } from '../../src/rules/index.js';
import { computeMetrics } from '../../src/metrics/index.js';
import type { AllMetrics } from '../../src/metrics/types.js';
import { review, reviewAsMarkdown, touchedYears } from '../../src/review/review.js';
import { SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';

const FEB = 'minutes/2024-25/2025-02-25-resource-development.md';
const problem = (file: string, line: number, rule: RuleId, severity: 'error' | 'warning' = 'error'): Diagnostic => ({
  file,
  line,
  column: 1,
  severity,
  rule,
  message: `a ${rule} problem`,
  place: { start: { line, column: 1 } },
  source: 'cop',
  url: 'docs/rules.md',
});

describe('the pull-request review', () => {
  let base: AllMetrics;
  let moreAttendance: AllMetrics;
  beforeAll(async () => {
    base = computeMetrics((await validateRepository(SAMPLE)).lookup);
    const dir = await fixtureWith(SAMPLE, {
      [FEB]: replaceOnce(
        'attendees: [m01, m02, m03, m04, m05, m08, m10, m15]',
        'attendees: [m01, m02, m03, m04, m05, m08, m10, m15, m19]',
      ),
    });
    moreAttendance = computeMetrics((await validateRepository(dir)).lookup);
  });
  const empty = { created: [], modified: [], deleted: [], diagnostics: [], base: undefined, head: undefined };

  it('fails on problems in the changed files, each at its file and line, and warns of warnings', () => {
    const r = review({
      ...empty,
      modified: [FEB],
      diagnostics: [
        problem(FEB, 7, 'unknown-reference'),
        problem(FEB, 12, 'date-order', 'warning'),
        problem('data/units.json', 3, 'schema', 'warning'),
      ],
    });
    expect(r.fails).toEqual([{ message: 'a unknown-reference problem [unknown-reference]', file: FEB, line: 7 }]);
    expect(r.warnings).toEqual([{ message: 'a date-order problem [date-order]', file: FEB, line: 12 }]);
  });

  it('fails when the change leaves errors in files it does not edit', () => {
    const r = review({
      ...empty,
      modified: ['data/members.json'],
      diagnostics: [problem(FEB, 7, 'unknown-reference')],
    });
    expect(r.fails[0]!.message).toMatch(
      /leaves 1 problem in files it does not edit \(minutes\/2024-25\/2025-02-25-resource-development\.md\)/,
    );
  });

  it('fails on privacy findings, warns on names', () => {
    expect(
      review({ ...empty, modified: [FEB], diagnostics: [problem(FEB, 20, 'personal-email')] }).fails.map(
        (f) => f.message,
      ),
    ).toContain(
      'Confidentiality: this change may identify a person (see the notes at the lines). Minutes and survey ' +
        'answers must not identify anyone; remove the details before merging.',
    );
    const names = review({ ...empty, modified: [FEB], diagnostics: [problem(FEB, 20, 'personal-name', 'warning')] });
    expect(names.fails).toEqual([]);
    expect(names.warnings.map((w) => w.message).join(' ')).toContain('Confidentiality');
  });

  it('flags hand edits of reports and changes to survey responses', () => {
    const r = review({ ...empty, modified: ['reports/README.md', 'surveys/2024-25/member-evaluation.json'] });
    expect(r.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('Files under reports/ are generated (reports/README.md)'),
      expect.stringContaining('touches survey responses (surveys/2024-25/member-evaluation.json): they are sensitive'),
    ]);
  });

  it('shows the headline figures that change, before and after, for the years touched', () => {
    const r = review({ ...empty, modified: [FEB], base, head: moreAttendance });
    expect(r.markdown).toContain('### Figures before and after this change');
    expect(r.markdown).toContain('| Attended at least one session | 18 | 19 |');
    expect(r.markdown).toContain('| Attendance rate (attended at least one, % of members) | 90% | 95% |');
    expect(r.markdown).toContain('| Response rate: member-evaluation | 8 of 18 (44.4%) | 8 of 19 (42.1%) |');
    expect(r.markdown).not.toContain('| Members |');
  });

  it('summarises a new minutes file for the reviewer', () => {
    const r = review({ ...empty, created: ['minutes/2024-25/2025-05-07-learning-exchange-day.md'], base, head: base });
    expect(r.markdown).toContain('### New session');
    expect(r.markdown).toContain(
      '| Academic Mentoring Learning Exchange Day | 7 May 2025 | learning-exchange | 12 | 27 | 18 | 0 |',
    );
  });

  it('knows which years a change can move', () => {
    expect(touchedYears([FEB, 'surveys/2023-24/x.json'], base)).toEqual(['2023-24', '2024-25']);
    expect(touchedYears(['data/members.json'], base)).toEqual(['2024-25']);
    expect(touchedYears(['README.md'], base)).toEqual([]);
  });

  it('writes the whole review as Markdown for the job summary', () => {
    const md = reviewAsMarkdown(
      review({ ...empty, modified: [FEB], diagnostics: [problem(FEB, 7, 'unknown-reference')] }),
    );
    expect(md).toContain('### Must be fixed (1)');
    expect(md).toContain(`- ${FEB}:7: a unknown-reference problem [unknown-reference]`);
  });
});
