import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { optionFor, submittedBody } from '../helpers/issue-body.js';
import { SAMPLE, fixtureWith } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

async function fromIssue(root: string, body: string) {
  const dir = await temporaryDir();
  const file = join(dir, 'issue-body.md');
  await writeFile(file, body);
  return cop(['from-issue', '--body-file', file, '--root', root]);
}

describe('the issue form "Recognition progress"', () => {
  it("adds the stage's date to the member's progress, or a new entry for a member new to the pathway", async () => {
    const root = await fixtureWith(SAMPLE);
    const o = (field: string, id: string) => optionFor(root, 'recognition-progress', field, id);
    const submitted = await fromIssue(
      root,
      await submittedBody(root, 'recognition-progress', {
        member: await o('member', 'm05'),
        step: await o('step', 'ukat-recognition/submitted'),
        date: '2025-06-02',
      }),
    );
    expect(submitted.code, submitted.stderr).toBe(0);
    const started = await fromIssue(
      root,
      await submittedBody(root, 'recognition-progress', {
        member: await o('member', 'm16'),
        step: await o('step', 'ukat-recognition/registered'),
        date: '2025-06-10',
      }),
    );
    expect(started.code, started.stderr).toBe(0);
    const file = JSON.parse(await readFile(join(root, 'data/pathways.json'), 'utf8'));
    expect(file.progress.find((p: { member: string }) => p.member === 'm05')).toEqual({
      member: 'm05',
      pathway: 'ukat-recognition',
      stages: { registered: '2025-01-21', submitted: '2025-06-02' },
    });
    expect(file.progress.at(-1)).toEqual({
      member: 'm16',
      pathway: 'ukat-recognition',
      stages: { registered: '2025-06-10' },
    });
    const metrics = JSON.parse((await cop(['metrics', '--root', root])).stdout);
    expect(metrics.years.at(-1).pathways['ukat-recognition']).toMatchObject({ started: 6, everStarted: 6 });
  });

  it('lists every problem by its field, a stage out of order among them, and writes nothing', async () => {
    const root = await fixtureWith(SAMPLE);
    const before = await readFile(join(root, 'data/pathways.json'), 'utf8');
    const o = (field: string, id: string) => optionFor(root, 'recognition-progress', field, id);
    const bad = await fromIssue(
      root,
      await submittedBody(root, 'recognition-progress', {
        member: await o('member', 'm16'),
        step: await o('step', 'ukat-recognition/recognised'),
        date: '2025-06-31',
      }),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"2025-06-31" is not a date');
    expect(await readFile(join(root, 'data/pathways.json'), 'utf8')).toBe(before);
    const skipped = await fromIssue(
      root,
      await submittedBody(root, 'recognition-progress', {
        member: await o('member', 'm16'),
        step: await o('step', 'ukat-recognition/recognised'),
        date: '2025-06-30',
      }),
    );
    expect(skipped.code).toBe(1);
    expect(skipped.stderr).toContain('recognised is reached without registered');
    expect(skipped.stderr).toContain('Nothing was written');
    expect(await readFile(join(root, 'data/pathways.json'), 'utf8')).toBe(before);
  });
});
