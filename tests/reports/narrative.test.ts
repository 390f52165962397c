import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';

const NARRATIVE = 'narrative/2024-25/annual-report.md';
const FEB = 'minutes/2024-25/2025-02-25-resource-development.md';

interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

async function problemsOf(root: string): Promise<Problem[]> {
  const r = await cop(['validate', '--format', 'json', '--root', root]);
  return JSON.parse(r.stdout) as Problem[];
}

const PROSE = `---
title: "Annual Report 2024-25: the year in our words"
authors: The coordinators
approved: 2025-10-01
---

# The year in our words

Of our :figure{of="members.total"} members, :figure{of="members.attendedAny" per="members.total" as="count-percent"}
came to at least one session.

::section{#participation}

We left the sessions' own summaries out of this report.

::section{#session-summaries omit}
`;

describe('narrative documents: the report as the community writes it', () => {
  it(
    'weaves the prose, its figures and the sections placed, then the sections neither placed nor ' + 'omitted',
    async () => {
      const root = await fixtureWith(SAMPLE, { [NARRATIVE]: PROSE });
      const built = await cop(['build', '--root', root]);
      expect(built.code, built.stderr).toBe(0);
      const report = await readFile(join(root, 'reports/2024-25/annual-report.md'), 'utf8');
      expect(report.startsWith('# Annual Report 2024-25: the year in our words\n')).toBe(true);
      expect(report).toContain('Of our 20 members, 18 (90%)\ncame to at least one session.');
      // The placed section where it stands, the rest after the prose in the usual order, the omitted one nowhere.
      const at = (text: string) => report.indexOf(text);
      expect(at('## Participation and engagement')).toBeGreaterThan(at('came to at least one session'));
      expect(at('## Participation and engagement')).toBeLessThan(at("We left the sessions' own summaries out"));
      expect(at('## Executive summary')).toBeGreaterThan(at("We left the sessions' own summaries out"));
      expect(report).not.toContain('## Session summaries');
      expect(report).not.toContain(':figure');
      expect(report).not.toContain('::section');
    },
  );

  it("a correction to the records corrects the prose's figures", async () => {
    const root = await fixtureWith(SAMPLE, {
      [NARRATIVE]: PROSE,
      // Member 19, who came to nothing, is found on the February attendance sheet.
      [FEB]: replaceOnce(
        'attendees: [m01, m02, m03, m04, m05, m08, m10, m15]',
        'attendees: [m01, m02, m03, m04, m05, m08, m10, m15, m19]',
      ),
    });
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const report = await readFile(join(root, 'reports/2024-25/annual-report.md'), 'utf8');
    expect(report).toContain('Of our 20 members, 19 (95%)\ncame to at least one session.');
  });

  it('refuses a figure the published reports withhold, saying why, at its line and column', async () => {
    // The multi-year community's 2024-25 survey has 3 responses, under privacy.minResponses.
    const root = await fixtureWith(MULTI_YEAR, {
      [NARRATIVE]: 'Meetings were rated :figure{of="surveys.annual-survey.questions.q2.mean" as="mean"} of 5.\n',
    });
    const problems = (await problemsOf(root)).filter((p) => p.file === NARRATIVE);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([['narrative', 1, 21]]);
    expect(problems[0]!.message).toBe(
      'the figure surveys.annual-survey.questions.q2.mean of 2024-25 is withheld from the published reports (fewer ' +
        'than 5 responses (privacy.minResponses)), so the prose cannot print it either',
    );
    expect((await cop(['build', '--root', root])).code).toBe(1);
  });

  it('refuses a share of fewer people than privacy.minGroupSize', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      [NARRATIVE]:
        'Of the respondents, :figure{of="surveys.annual-survey.responses" per="surveys.annual-survey.population" ' +
        'as="percent"} answered.\n',
    });
    const problems = (await problemsOf(root)).filter((p) => p.file === NARRATIVE);
    expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([['narrative', 1, 21]]);
    expect(problems[0]!.message).toContain('describes fewer than 5 people (privacy.minGroupSize)');
  });

  it(
    "checks the prose as minutes are: a javascript: link, a member's name, an email address, each at its " + 'place',
    async () => {
      const root = await fixtureWith(SAMPLE, {
        [NARRATIVE]:
          '# Our year\n\nSee [the plan](javascript:alert(1)).\n\nMember 07 led the workshop.\n\nWrite to ' +
          'jo.bloggs@student.example.ac.uk.\n',
      });
      const problems = (await problemsOf(root)).filter((p) => p.file === NARRATIVE);
      expect(problems.map((p) => [p.rule, p.line, p.column])).toEqual([
        ['unsafe-link', 3, 5],
        ['personal-name', 5, 1],
        ['personal-email', 7, 10],
      ]);
      expect(problems[1]!.message).toContain('it would be published in the report this document writes');
    },
  );

  it(
    'new narrative writes the default report to start from, whose report is the default one, and never over a ' +
      'file',
    async () => {
      // The sample without its own narrative: the default report.
      const root = await fixtureWith(SAMPLE, { [NARRATIVE]: null });
      expect((await cop(['build', '--root', root])).code).toBe(0);
      const before = await readFile(join(root, 'reports/2024-25/annual-report.md'), 'utf8');
      const made = await cop(['new', 'narrative', '--year', '2024-25', '--root', root]);
      expect(made.code, made.stderr).toBe(0);
      expect(await readFile(join(root, NARRATIVE), 'utf8')).toContain('::section{#participation}\n');
      expect((await problemsOf(root)).filter((p) => p.file === NARRATIVE)).toEqual([]);
      expect((await cop(['build', '--root', root])).code).toBe(0);
      const after = await readFile(join(root, 'reports/2024-25/annual-report.md'), 'utf8');
      // The same report: only the title of the narrative's frontmatter, the community's own default.
      expect(after).toBe(before);
      const again = await cop(['new', 'narrative', '--year', '2024-25', '--root', root]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already exists: nothing was changed');
    },
  );

  it('the year-over-year narrative titles its report, places sections, prints figures of named years', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'narrative/year-over-year.md':
        '---\ntitle: "Four years of the community"\n---\n\n# Four years\n\nMembers who came: ' +
        ':figure{of="members.attendedAny" year="2021-22"} in 2021-22.\n\n::section{#headline-figures}\n',
    });
    expect((await problemsOf(root)).filter((p) => p.file === 'narrative/year-over-year.md')).toEqual([]);
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const report = await readFile(join(root, 'reports/year-over-year.md'), 'utf8');
    expect(report.split('\n')[0]).toBe('# Four years of the community');
    expect(report).toMatch(/Members who came: \d+ in 2021-22\./);
    expect(report.indexOf('Members who came')).toBeLessThan(report.indexOf('## Headline figures'));
  });
});

describe("the sample's narrative: the published report's prose, every figure live", () => {
  it('prints its figures from the records, and a corrected attendance corrects the prose', async () => {
    const root = await fixtureWith(SAMPLE);
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const before = await readFile(join(root, 'reports/2024-25/annual-report.md'), 'utf8');
    expect(before).toContain('18 (90%) of our\nmembers came to at least one session.');
    expect(before).toContain('(87.5% of participants)');
    expect(before).toContain('100%\nof respondents would recommend this space');
    const fixed = await fixtureWith(SAMPLE, {
      [FEB]: replaceOnce(
        'attendees: [m01, m02, m03, m04, m05, m08, m10, m15]',
        'attendees: [m01, m02, m03, m04, m05, m08, m10, m15, m19]',
      ),
    });
    expect((await cop(['build', '--root', fixed])).code).toBe(0);
    const after = await readFile(join(fixed, 'reports/2024-25/annual-report.md'), 'utf8');
    expect(after).toContain('19 (95%) of our\nmembers came to at least one session.');
    // Each of the published report's own sections, in its order.
    const order = [
      '## Executive summary',
      '## Aims',
      '## Participation and engagement',
      '## The sessions and the move to hybrid',
      '## The Learning Exchange Day',
      '## Professional recognition: UKAT',
      "## Members' feedback: methodology",
      '## Strengths of the current model',
      '## Professional development impact',
      '## Implementation challenges',
      '## Conclusion',
    ];
    const at = order.map((h) => before.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
