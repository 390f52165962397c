import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { type Filled, optionFor, submittedBody } from '../helpers/issue-body.js';
import { SAMPLE, fixtureWith } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

async function fromIssue(root: string, body: string) {
  const dir = await temporaryDir();
  const file = join(dir, 'issue-body.md');
  await writeFile(file, body);
  return cop(['from-issue', '--body-file', file, '--root', root]);
}

/** The sample's "Mentoring meetings return", filled in for a unit the sample's returns do not cover. */
async function filled(root: string, changes: Filled = {}): Promise<string> {
  return submittedBody(root, 'meetings-return', {
    unit: await optionFor(root, 'meetings-return', 'unit', 'accounting'),
    from: '2025-05-01',
    to: '2025-07-31',
    mentors: '6',
    mentorsReporting: '5',
    mentees: '140',
    menteesMet: '61',
    'one-to-one': '70',
    group: '4',
    'in-person': '50',
    online: '24',
    referrals: '- Disability and Wellbeing Service (DWS): 3\n- lse-life: 2',
    topics: 'Student engagement and participation: 20\nCareers and next steps: 9',
    ...changes,
  });
}

describe('the issue form "Mentoring meetings return"', () => {
  it('turns a submitted issue into a return that validation and the metrics read', async () => {
    const root = await fixtureWith(SAMPLE);
    const run = await fromIssue(root, await filled(root));
    expect(run.code, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toContain('61 of 140 students met');
    const file = 'meetings/2024-25/accounting-2025-05-01.json';
    const written = JSON.parse(await readFile(join(root, file), 'utf8'));
    expect(written).toEqual({
      id: 'accounting-2025-05-01',
      period: { from: '2025-05-01', to: '2025-07-31' },
      source: 'Mentoring meetings return (issue form)',
      units: [
        {
          unit: 'accounting',
          mentors: 6,
          mentorsReporting: 5,
          mentees: 140,
          menteesMet: 61,
          meetings: { 'one-to-one': 70, group: 4 },
          modes: { 'in-person': 50, online: 24 },
          referrals: { dws: 3, 'lse-life': 2 },
          topics: { careers: 9, 'student-engagement': 20 },
        },
      ],
    });
    const metrics = JSON.parse((await cop(['metrics', '--root', root])).stdout) as {
      years: Array<{ meetings?: { units: Record<string, { menteesMet: number }> } }>;
    };
    expect(metrics.years.at(-1)!.meetings!.units.accounting!.menteesMet).toBe(61);
  });

  it('lists every wrong answer by its field and writes nothing', async () => {
    const root = await fixtureWith(SAMPLE);
    const before = (await readdir(join(root, 'meetings/2024-25'))).sort();
    const run = await fromIssue(
      root,
      await filled(root, {
        from: '2025-05-01',
        to: '2025-08-15',
        menteesMet: 'about 60',
        referrals: 'Nightline: 2',
        topics: 'Careers',
      }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('To: the period runs into the next academic year');
    expect(run.stderr).toContain('"about 60" is not a whole number');
    expect(run.stderr).toContain('"Nightline" is no service of the records');
    expect(run.stderr).toContain('"Careers": write one topic a line, then a colon and the count');
    expect(run.stderr).toContain('Nothing was written');
    expect((await readdir(join(root, 'meetings/2024-25'))).sort()).toEqual(before);
  });
});
