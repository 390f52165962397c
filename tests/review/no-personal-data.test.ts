import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { noteText, review, reviewAsMarkdown } from '../../src/review/review.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

const MINUTES = 'minutes/2024-25/2025-02-11-learning-exchange.md';
const SURVEY = 'surveys/2022-23/annual-survey.json';
const EMAIL = 'jo.bloggs@student.example.ac.uk';
const PHONE = '+44 20 7946 0321';
const STUDENT = '20231234';
const SECRETS = [EMAIL, PHONE, STUDENT, '7946 0321', 'jo.bloggs'];

/** Personal data a coordinator pasted by mistake, in minutes and in a free-text answer. */
let dir: string;
beforeAll(async () => {
  dir = await fixtureWith(MULTI_YEAR, {
    [MINUTES]: (t) => `${t}- A mentee (${EMAIL}, ${PHONE}) asked for help.\n`,
    [SURVEY]: replaceOnce('"q5": "Very helpful."', `"q5": "My student ${STUDENT} found it very helpful."`),
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const expectNoSecret = (text: string) => {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
};

describe('privacy problems never repeat the personal data where GitHub keeps it', () => {
  it('finds all three, so the outputs below have something to hide', async () => {
    const { diagnostics } = await validateRepository(dir);
    expect(
      diagnostics
        .filter((d) => ['personal-email', 'personal-phone', 'student-number'].includes(d.rule))
        .map((d) => d.rule)
        .sort(),
    ).toEqual(['personal-email', 'personal-phone', 'student-number']);
  });

  it('keeps the data out of the annotations, the log and the job summary of a workflow run', async () => {
    const summaryDir = await mkdtemp(join(tmpdir(), 'cop-summary-'));
    try {
      const summary = join(summaryDir, 'summary.md');
      const r = await cop(['validate', '--root', dir], {
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: dir,
        GITHUB_STEP_SUMMARY: summary,
      });
      expect(r.code).toBe(1);
      const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(annotations.length).toBeGreaterThanOrEqual(3);
      expect(r.stdout).toContain(
        `::error file=${MINUTES},line=21,col=13,title=personal-email::an email address at line 21, column 13:`,
      );
      expectNoSecret(r.stdout + r.stderr);
      const written = await readFile(summary, 'utf8');
      expect(written).toContain('a phone number at line 21, column 46');
      expect(written).toContain('a student number at line 16, column 133');
      expectNoSecret(written);
    } finally {
      await rm(summaryDir, { recursive: true, force: true });
    }
  });

  it('keeps the data out of the JSON output in a workflow run too', async () => {
    const r = await cop(['validate', '--format', 'json', '--root', dir], {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: dir,
    });
    expect(JSON.parse(r.stdout).length).toBeGreaterThanOrEqual(3);
    expectNoSecret(r.stdout + r.stderr);
  });

  it("keeps the data out of Danger's comments", async () => {
    const { diagnostics } = await validateRepository(dir);
    const result = review({
      created: [],
      modified: [MINUTES, SURVEY],
      deleted: [],
      diagnostics,
      base: undefined,
      head: undefined,
    });
    const posted = [...result.fails, ...result.warnings].map(noteText);
    expect(posted.filter((p) => /an email address|a phone number|a student number/.test(p))).toHaveLength(3);
    expectNoSecret(posted.join('\n') + result.markdown + reviewAsMarkdown(result));
  });

  it('shows the coordinator at a terminal a masked form, enough to find it', async () => {
    const r = await cop(['validate', '--root', dir]);
    expect(r.stdout).toContain('an email address ("j***@student.example.ac.uk")');
    expect(r.stdout).toContain('what looks like a student number ("******34")');
    expectNoSecret(r.stdout);
  });
});
