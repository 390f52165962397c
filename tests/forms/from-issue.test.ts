import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { type Filled, optionFor, submittedBody } from '../helpers/issue-body.js';
import { MULTI_YEAR, REPO_ROOT, SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';
import { issueFormProblems } from '../helpers/issue-form-schema.js';
import { temporaryDir } from '../helpers/temp.js';

const EXPECTED = join(REPO_ROOT, 'tests/fixtures/forms');

/** Runs from-issue on a body, as the workflow does: the body saved to a file. */
async function fromIssue(root: string, body: string, ...args: string[]) {
  const dir = await temporaryDir();
  const file = join(dir, 'issue-body.md');
  await writeFile(file, body);
  return cop(['from-issue', '--body-file', file, '--root', root, ...args]);
}

/** Every file of a repository with its text: to show that a refused form wrote nothing. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(root.length + 1), await readFile(path, 'utf8'));
  }
  return out;
}

/**
 * A form the sample refuses: exit 1, every problem named by its field, nothing written, and
 * no message repeating the personal data the answers held (GitHub keeps the comment).
 */
async function expectRefused(bodyOf: (root: string) => Promise<string>, message: string, personal: string) {
  const root = await fixtureWith(SAMPLE);
  const before = await snapshot(root);
  const run = await fromIssue(root, await bodyOf(root));
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toContain(`error: ${message}`);
  expect(run.stderr).toContain('Nothing was written');
  expect(run.stderr).not.toContain(personal);
  expect(await snapshot(root)).toEqual(before);
}

async function metricsOf(root: string, year: string) {
  const run = await cop(['metrics', '--root', root]);
  expect(run.code, run.stderr).toBe(0);
  return (
    JSON.parse(run.stdout) as {
      years: Array<{
        year: string;
        members: { attendedAny: number };
        sessions: Array<{ id: string; memberAttendees: number; headcount: number }>;
      }>;
    }
  ).years.find((y) => y.year === year);
}

/** The sample's session form, filled in as a coordinator would, choices as the form offers them. */
async function sampleSession(root: string, changes: Filled = {}): Promise<string> {
  const o = (field: string, id: string) => optionFor(root, 'record-session', field, id);
  return submittedBody(root, 'record-session', {
    title: 'Welcome back: the year ahead',
    date: '2025-10-14',
    type: 'meeting',
    format: 'hybrid',
    status: 'held',
    facilitators: [await o('facilitators', 'ie-team'), await o('facilitators', 'm05')],
    attendees: await Promise.all(['m01', 'm03', 'm05', 'm18', 'm20'].map((id) => o('attendees', id))),
    guests:
      'Department of Philosophy, Logic and Scientific Method\nUniversity College London x 2\n- Department of ' +
      'Finance (finance)',
    presenters: undefined,
    themes: [await o('themes', 'student-engagement'), await o('themes', 'support-services')],
    summary:
      '- **Welcome.** Members shared their plans for the year.\r\n- [ ] Mentor check-ins, written by a member as ' +
      'a checklist: it stays text.\r\n- **Working with services.** Referral routes to student support were ' +
      'compared, in general terms.',
    actions:
      `- Share the slides with members; owner: ${await o('facilitators', 'ie-team')}; due: 2025-10-31\n- ` +
      `[x] Book the room for the spring exchange`,
    ...changes,
  });
}

describe('cop from-issue: a session from the form', () => {
  it(
    'the sample: writes the minutes a coordinator would have written, which validate and count in the ' + 'figures',
    async () => {
      const root = await fixtureWith(SAMPLE);
      expect(await metricsOf(root, '2025-26')).toBeUndefined();
      const body = await sampleSession(root);
      expect(body).toContain('### Presenters\n\n_No response_\n\n### Themes');
      const run = await fromIssue(root, body, '--issue', '12');
      expect(run.code, run.stderr).toBe(0);
      const file = 'minutes/2025-26/2025-10-14-welcome-back-the-year-ahead.md';
      expect(run.stdout.trim()).toBe(file);
      expect(await readFile(join(root, file), 'utf8')).toBe(
        await readFile(join(EXPECTED, 'sample-2025-10-14-welcome-back-the-year-ahead.md'), 'utf8'),
      );

      const validate = await cop(['validate', '--strict', '--root', root]);
      expect(validate.code, validate.stdout).toBe(0);
      const year = await metricsOf(root, '2025-26');
      expect(year?.sessions).toEqual([
        expect.objectContaining({ id: '2025-10-14-welcome-back-the-year-ahead', memberAttendees: 5, headcount: 9 }),
      ]);
      expect(year?.members.attendedAny).toBe(5);
    },
  );

  it('another community (ids a01…, a year starting on 1 September): a held session and a planned one', async () => {
    const root = await fixtureWith(MULTI_YEAR);
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const before = await metricsOf(root, '2024-25');
    const o = (field: string, id: string) => optionFor(root, 'record-session', field, id);

    const held = await submittedBody(root, 'record-session', {
      title: 'End-of-year review',
      date: '2025-06-10',
      type: 'meeting',
      format: 'in-person',
      status: 'held',
      facilitators: [await o('facilitators', 'a01')],
      attendees: await Promise.all(['a03', 'a08', 'a01'].map((id) => o('attendees', id))),
      guests: undefined,
      presenters: "Dr Pat Visitor — Northfield Students' Union",
      themes: [await o('themes', 'wellbeing'), await o('themes', 'assessment')],
      summary: '- Exam-season stress and referral routes.',
      actions: undefined,
    });
    const run = await fromIssue(root, held);
    expect(run.code, run.stderr).toBe(0);
    const file = 'minutes/2024-25/2025-06-10-end-of-year-review.md';
    expect(await readFile(join(root, file), 'utf8')).toBe(
      await readFile(join(EXPECTED, 'multi-year-2025-06-10-end-of-year-review.md'), 'utf8'),
    );

    // 31 August is the last day of 2024-25 in a year that starts on 1 September.
    const planned = await submittedBody(root, 'record-session', {
      title: 'Summer planning',
      date: '2025-08-31',
      type: 'workshop',
      format: 'online',
      status: 'planned',
      facilitators: [await o('facilitators', 'coordinators')],
      themes: [await o('themes', 'induction')],
    });
    const second = await fromIssue(root, planned);
    expect(second.code, second.stderr).toBe(0);
    expect(await readFile(join(root, 'minutes/2024-25/2025-08-31-summer-planning.md'), 'utf8')).toBe(
      await readFile(join(EXPECTED, 'multi-year-2025-08-31-summer-planning.md'), 'utf8'),
    );

    const problems = JSON.parse((await cop(['validate', '--format', 'json', '--root', root])).stdout) as Array<{
      file: string;
    }>;
    expect(problems.filter((d) => d.file.startsWith('minutes/2024-25/2025-'))).toEqual([]);
    const after = await metricsOf(root, '2024-25');
    // The held session counts; the planned one is in no figure.
    expect(after!.sessions.length).toBe(before!.sessions.length + 1);
    expect(after!.sessions.at(-1)).toMatchObject({
      id: '2025-06-10-end-of-year-review',
      memberAttendees: 3,
      headcount: 3,
    });
  });

  it('never writes over existing minutes: a second run changes nothing', async () => {
    const root = await fixtureWith(SAMPLE);
    const body = await sampleSession(root);
    expect((await fromIssue(root, body)).code).toBe(0);
    const before = await snapshot(root);
    const again = await fromIssue(root, body);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'Title: minutes/2025-26/2025-10-14-welcome-back-the-year-ahead.md already exists, and is never overwritten',
    );
    expect(await snapshot(root)).toEqual(before);
  });

  type Case = [string, Filled, string];
  const o = (id: string) => `Member ${id.slice(1)} (${id})`;
  const badSessions: Case[] = [
    ['Title', { title: '   ' }, 'Title: the session needs a title'],
    ['Date', { date: '14/10/2025' }, 'Date: "14/10/2025" is not a date: write it as YYYY-MM-DD'],
    ['Date', { date: '2025-02-30' }, 'Date: "2025-02-30" is not a date'],
    ['Date', { date: undefined }, 'Date: the session needs its date'],
    [
      'Type',
      { type: 'seminar' },
      'Type: "seminar" is not one of the choices: meeting, learning-exchange, webinar, workshop',
    ],
    ['Format', { format: undefined }, 'Format: choose one of in-person, hybrid, online'],
    ['Status', { status: 'cancelled' }, 'Status: "cancelled" is not one of the choices: held, planned'],
    [
      'Facilitators',
      { facilitators: 'Someone Else (x99)' },
      'Facilitators: "… (x99)" is not in the team or on the roster',
    ],
    ['Attendees', { attendees: `${o('m01')}, Member 99 (m99)` }, 'Attendees: "… (m99)" is not on the roster'],
    [
      'Attendees',
      { attendees: o('m18'), date: '2024-10-15' },
      'Attendees: attendee "m18" was not a member on the day: they joined on 10 March 2025',
    ],
    ['Attendees', { attendees: undefined }, 'Attendees: choose the members who attended (or set Status to planned'],
    ['Attendees', { status: 'planned' }, 'Attendees: a planned session has no attendees yet'],
    [
      'Guests',
      { guests: 'University College London x 0' },
      'Guests: "University College London x 0": the number of guests must be 1 or more',
    ],
    ['Presenters', { presenters: 'Someone (m77)' }, 'Presenters: "… (m77)" is not on the roster'],
    [
      'Themes',
      { themes: 'Knitting (knitting)' },
      'Themes: "Knitting (knitting)" is not one of the community\'s themes',
    ],
    ['Themes', { themes: undefined }, 'Themes: choose at least one theme'],
    ['Summary', { summary: '- Follow up with jo.bloggs@student.example.ac.uk about her extension' }, 'Summary: '],
    [
      'Actions',
      { actions: 'Share the slides; due: next week' },
      'Actions: "next week" is not a date: write the due date as YYYY-MM-DD',
    ],
    [
      'Actions',
      { actions: 'Share the slides; owner: Nobody (n01)' },
      'Actions: the owner "… (n01)" is not in the team or on the roster',
    ],
    ['Actions', { actions: '; owner: ie-team' }, 'Actions: an action needs its text first'],
  ];

  it.each(badSessions)(
    '%s: a wrong answer is named by its field, exit 1, nothing written (%j)',
    async (_, changes, message) => {
      // Hand-typed answers go through the body as typed: GitHub would not offer them, but an edit can.
      await expectRefused((root) => sampleSession(root, changes), message, 'jo.bloggs');
    },
  );

  it('a finding of the validator is placed in the answer the coordinator wrote, not in the file', async () => {
    const root = await fixtureWith(SAMPLE);
    const run = await fromIssue(
      root,
      await sampleSession(root, { summary: '- A first point.\n- Ask jo.bloggs@student.example.ac.uk to follow up.' }),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: Summary: an email address in line 2 of the answer: ');
    expect(run.stderr).not.toMatch(/at line \d+, column/);
  });

  it('messages, which GitHub keeps in a comment, name a member by id only', async () => {
    const root = await fixtureWith(SAMPLE);
    const run = await fromIssue(
      root,
      await sampleSession(root, { attendees: `${o('m18')}, Sam Unknown (m98)`, date: '2024-10-15' }),
      '--format',
      'json',
    );
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      ok: boolean;
      problems: Array<{ field: string; severity: string; message: string }>;
    };
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.field)).toEqual(['Attendees', 'Attendees']);
    expect(run.stdout).not.toContain('Member 18');
    expect(run.stdout).not.toContain('Sam Unknown');
  });
});

describe('cop from-issue: the pitfalls of issue-form bodies', () => {
  it('an option with commas, among several chosen, is one choice, not three', async () => {
    const root = await fixtureWith(SAMPLE, {
      'data/members.json': replaceOnce('"name": "Member 03"', '"name": "Smith, Jo, Dr"'),
    });
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const smith = await optionFor(root, 'record-session', 'attendees', 'm03');
    expect(smith).toBe('Smith, Jo, Dr (m03)');
    const run = await fromIssue(
      root,
      await sampleSession(root, { attendees: [await optionFor(root, 'record-session', 'attendees', 'm01'), smith] }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(root, run.stdout.trim()), 'utf8')).toContain('attendees: [m01, m03]\n');
  });

  it('headings reordered by hand still give the same record; a heading removed is named', async () => {
    const root = await fixtureWith(SAMPLE);
    const body = await sampleSession(root);
    const sections = body.split(/\n\n(?=### )/);
    const reordered = [...sections].reverse().join('\n\n');
    const a = await fromIssue(root, reordered);
    expect(a.code, a.stderr).toBe(0);
    expect(await readFile(join(root, a.stdout.trim()), 'utf8')).toBe(
      await readFile(join(EXPECTED, 'sample-2025-10-14-welcome-back-the-year-ahead.md'), 'utf8'),
    );

    const other = await fixtureWith(SAMPLE);
    const withoutDate = sections.filter((s) => !s.startsWith('### Date')).join('\n\n');
    const b = await fromIssue(other, withoutDate);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('error: Date: the issue has no "### Date" heading');
    expect(b.stderr.match(/Date:/g)).toHaveLength(1);
  });

  it('_No response_ in every optional field is no answer; in a required one, a problem of that field', async () => {
    const root = await fixtureWith(SAMPLE);
    const body = await sampleSession(root, {
      facilitators: undefined,
      guests: undefined,
      presenters: undefined,
      summary: undefined,
      actions: undefined,
    });
    expect(body.match(/_No response_/g)).toHaveLength(5);
    const run = await fromIssue(root, body);
    expect(run.code, run.stderr).toBe(0);
    const text = await readFile(join(root, run.stdout.trim()), 'utf8');
    expect(text).not.toMatch(/facilitators|guests|presenters|actions|_No response_/);
    // No summary yet: a comment to fill in, and the validator's warning on the pull request.
    expect(text).toContain('## Summary\n\n<!--');
    expect(run.stderr).toContain('warning: Summary:');

    const none = await fromIssue(
      await fixtureWith(SAMPLE),
      await sampleSession(root, { title: undefined, type: undefined, themes: undefined }),
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('error: Title: the session needs a title');
    expect(none.stderr).toContain('error: Themes: choose at least one theme');
  });

  it('presenters: a member as the list writes them, someone else as "Name — role"', async () => {
    const root = await fixtureWith(SAMPLE);
    const member = await optionFor(root, 'record-session', 'attendees', 'm05');
    const run = await fromIssue(
      root,
      await sampleSession(root, {
        presenters: `- ${member}\nLisa Example — Head of Student Advice\nA visiting speaker`,
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(root, run.stdout.trim()), 'utf8')).toContain(
      'presenters:\n  - member: m05\n  - name: Lisa Example\n    role: Head of Student Advice\n  - name: A ' +
        'visiting speaker\nthemes:',
    );
  });

  it('a line starting with "- [ ]" or "-" stays text; a "### " line inside an answer stays in it', async () => {
    const root = await fixtureWith(SAMPLE);
    const summary = '- [ ] not a checkbox\n- a point\n### Not a field\nmore';
    const run = await fromIssue(root, await sampleSession(root, { summary }));
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(join(root, run.stdout.trim()), 'utf8')).toContain(`## Summary\n\n${summary}\n`);
  });

  it(
    'an issue edited after its pull request: the edited body, run on main again, gives the edited ' + 'record',
    async () => {
      const main = await fixtureWith(SAMPLE);
      const first = await fixtureWith(main);
      expect((await fromIssue(first, await sampleSession(main))).code).toBe(0);
      // The workflow rebuilds the issue's branch from main at each edit: the record is made afresh.
      const edited = await fixtureWith(main);
      const run = await fromIssue(edited, await sampleSession(main, { format: 'online' }));
      expect(run.code, run.stderr).toBe(0);
      expect(await readFile(join(edited, run.stdout.trim()), 'utf8')).toContain('format: online\n');
    },
  );

  it('a body that is not a form is a usage error (exit 2); so is an empty one', async () => {
    const root = await fixtureWith(SAMPLE);
    const before = await snapshot(root);
    const run = await fromIssue(root, 'The projector in room 2 is broken.\n\n### Date\n\ntoday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the body is not one of the forms');
    const json = await fromIssue(root, 'Hello', '--format', 'json');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ severity: 'error' }] });
    expect((await fromIssue(root, '  \n')).code).toBe(2);
    expect(await snapshot(root)).toEqual(before);
  });
});

describe('cop from-issue: a new member from the form', () => {
  async function memberBody(root: string, filled: Filled) {
    return submittedBody(root, 'add-member', filled);
  }

  it.each([
    [
      'the sample',
      SAMPLE,
      'philosophy',
      '  { "id": "m24", "name": "Sam Taylor", "unit": "philosophy", "role": "academic", "joined": "2025-10-01" }\n]\n',
    ],
    [
      'the multi-year community',
      MULTI_YEAR,
      'library',
      '  { "id": "a09", "name": "Sam Taylor", "unit": "library", "role": "academic", "joined": "2025-10-01" }\n]\n',
    ],
  ])(
    '%s: appends them with the next free id in the roster’s style, the file otherwise as it was',
    async (_, base, unit, tail) => {
      const root = await fixtureWith(base);
      expect((await cop(['build', '--root', root])).code).toBe(0);
      const before = await readFile(join(root, 'data/members.json'), 'utf8');
      const problemsOf = async () =>
        (
          JSON.parse((await cop(['validate', '--format', 'json', '--root', root])).stdout) as Array<{
            file: string;
            message: string;
          }>
        )
          .filter((d) => d.file === 'data/members.json')
          .map((d) => d.message);
      const problemsBefore = await problemsOf();
      const body = await memberBody(root, {
        name: 'Sam Taylor',
        unit: await optionFor(root, 'add-member', 'unit', unit),
        role: 'academic',
        joined: '2025-10-01',
      });
      const run = await fromIssue(root, body, '--issue', '7');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe('data/members.json');
      const after = await readFile(join(root, 'data/members.json'), 'utf8');
      const kept = before.slice(0, before.lastIndexOf('}') + 1);
      expect(after).toBe(`${kept},\n${tail}`);
      expect(await problemsOf()).toEqual(problemsBefore);
      // The session form offers them at the next build.
      expect((await cop(['build', '--root', root])).code).toBe(0);
      expect(await readFile(join(root, '.github/ISSUE_TEMPLATE/record-session.yml'), 'utf8')).toContain('Sam Taylor (');
    },
  );

  it('a roster whose ids are names gets a name id; a laid-out roster keeps its layout', async () => {
    const roster =
      `[\n    {\n        "id": "jo-bloggs",\n        "name": "Jo Bloggs",\n        "unit": ` +
      `"history",\n        "role": "academic",\n        "joined": "2021-09-01"\n    }\n]\n`;
    const root = await fixtureWith(MULTI_YEAR, { 'data/members.json': roster });
    const run = await fromIssue(
      root,
      await memberBody(root, {
        name: 'Zoë O’Brien',
        unit: await optionFor(root, 'add-member', 'unit', 'history'),
        role: 'professional',
        joined: '2022-01-31',
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    const after = await readFile(join(root, 'data/members.json'), 'utf8');
    expect(after).toBe(
      `[\n    {\n        "id": "jo-bloggs",\n        "name": "Jo Bloggs",\n        "unit": "history",\n        ` +
        `"role": "academic",\n        "joined": "2021-09-01"\n    },\n    {\n        "id": "zoe-o-brien",\n       ` +
        ` "name": "Zoë O’Brien",\n        "unit": "history",\n        "role": "professional",\n        "joined": ` +
        `"2022-01-31"\n    }\n]\n`,
    );
  });

  const badMembers: Array<[string, Filled, string]> = [
    ['Name', { name: '_No response_' }, 'Name: write the new member'],
    ['Name', { name: 'sam@example.ac.uk' }, 'Name: write their name, not an email address'],
    [
      'Unit',
      { unit: 'Department of Knitting (knitting)' },
      'Unit: "Department of Knitting (knitting)" is not a unit of data/units.json',
    ],
    ['Role', { role: 'student' }, 'Role: "student" is not one of the roles: academic, professional'],
    ['Joined', { joined: '1 Oct 2025' }, 'Joined: "1 Oct 2025" is not a date: write it as YYYY-MM-DD'],
  ];
  it.each(badMembers)(
    '%s: a wrong answer is named by its field, exit 1, nothing written (%j)',
    async (_, changes, message) => {
      await expectRefused(
        (root) =>
          memberBody(root, {
            name: 'Sam Taylor',
            unit: 'Department of Finance (finance)',
            role: 'academic',
            joined: '2025-10-01',
            ...changes,
          }),
        message,
        'Sam Taylor',
      );
    },
  );

  it(
    "a unit typed by its name alone is read; a misspelt one is named with the nearest of the form's " + 'list',
    async () => {
      const root = await fixtureWith(SAMPLE);
      const misspelt = await fromIssue(
        root,
        await memberBody(root, {
          name: 'Sam Taylor',
          unit: 'Department of Economcs',
          role: 'academic',
          joined: '2025-10-01',
        }),
      );
      expect(misspelt.code).toBe(1);
      expect(misspelt.stderr).toContain(
        'error: Unit: "Department of Economcs" is not a unit of data/units.json: did you mean Department of ' +
          'Economics (economics)?',
      );
      const typed = await fromIssue(
        root,
        await memberBody(root, {
          name: 'Sam Taylor',
          unit: 'department of economics',
          role: 'academic',
          joined: '2025-10-01',
        }),
      );
      expect(typed.code, typed.stderr).toBe(0);
      expect(await readFile(join(root, 'data/members.json'), 'utf8')).toContain(
        '"name": "Sam Taylor", "unit": "economics"',
      );
    },
  );

  it('a namesake on the roster is a warning, by id, and the member is still added', async () => {
    const root = await fixtureWith(SAMPLE);
    const run = await fromIssue(
      root,
      await memberBody(root, {
        name: 'Member 07',
        unit: 'Department of Finance (finance)',
        role: 'academic',
        joined: '2025-10-01',
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: Name: m07 on the roster has this name already');
    expect(run.stderr).not.toContain('Member 07');
  });
});

describe('cop from-issue on another community: name ids, a year that starts on 1 February', () => {
  it('from an empty start to a member added and a session recorded, by the forms alone', async () => {
    const root = join(await temporaryDir(), 'community');
    const init = await cop([
      'init',
      '--name',
      'Southern Mentors',
      '--institution',
      'Example University',
      '--year-start',
      '02-01',
      '--root',
      root,
    ]);
    expect(init.code, init.stderr).toBe(0);
    // No units or members yet: the forms are still valid GitHub forms.
    for (const name of ['record-session', 'add-member'])
      expect(issueFormProblems(await readFile(join(root, '.github/ISSUE_TEMPLATE', `${name}.yml`), 'utf8'))).toEqual(
        [],
      );

    await writeFile(
      join(root, 'data/units.json'),
      '[\n  { "id": "arts", "name": "Faculty of Arts, Design and Architecture", "kind": "department" }\n]\n',
    );
    await writeFile(
      join(root, 'data/members.json'),
      '[\n  { "id": "jo-bloggs", "name": "Jo Bloggs", "unit": "arts", "role": "academic", "joined": "2025-02-03" ' +
        '}\n]\n',
    );
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const unit = await optionFor(root, 'add-member', 'unit', 'arts');
    expect(unit).toBe('Faculty of Arts, Design and Architecture (arts)');
    const added = await fromIssue(
      root,
      await submittedBody(root, 'add-member', { name: 'Sam Lee', unit, role: 'professional', joined: '2025-03-01' }),
    );
    expect(added.code, added.stderr).toBe(0);
    expect(await readFile(join(root, 'data/members.json'), 'utf8')).toBe(
      '[\n  { "id": "jo-bloggs", "name": "Jo Bloggs", "unit": "arts", "role": "academic", "joined": "2025-02-03" ' +
        '},\n  { "id": "sam-lee", "name": "Sam Lee", "unit": "arts", "role": "professional", "joined": ' +
        '"2025-03-01" }\n]\n',
    );
    expect((await cop(['build', '--root', root])).code).toBe(0);

    // 20 January 2026 is in the year that started on 1 February 2025.
    const o = (field: string, id: string) => optionFor(root, 'record-session', field, id);
    const body = await submittedBody(root, 'record-session', {
      title: 'Summer school debrief',
      date: '2026-01-20',
      type: 'meeting',
      format: 'online',
      status: 'held',
      facilitators: [await o('facilitators', 'coordinators')],
      attendees: [await o('attendees', 'sam-lee'), await o('attendees', 'jo-bloggs')],
      guests: unit,
      presenters: undefined,
      themes: [await o('themes', 'mentoring-practice')],
      summary: '- What worked in the summer school.',
      actions: 'Write up the debrief; owner: Jo Bloggs; due: 2026-02-15',
    });
    const run = await fromIssue(root, body);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('minutes/2025-26/2026-01-20-summer-school-debrief.md');
    expect(await readFile(join(root, run.stdout.trim()), 'utf8')).toBe(`---
title: Summer school debrief
date: 2026-01-20
type: meeting
format: online
facilitators: [coordinators]
attendees: [jo-bloggs, sam-lee]
guests:
  - unit: arts
themes: [mentoring-practice]
actions:
  - id: write-up-the-debrief
    text: Write up the debrief
    owner: jo-bloggs
    due: 2026-02-15
    status: open
---

## Summary

- What worked in the summer school.
`);
    expect((await cop(['validate', '--strict', '--root', root])).code).toBe(0);
    const year = await metricsOf(root, '2025-26');
    expect(year?.sessions).toEqual([expect.objectContaining({ memberAttendees: 2, headcount: 3 })]);
  });
});

describe('cop from-issue: every entry typed by hand is read or reported, and every problem told in one run', () => {
  /** The sample, with two members who share a name. */
  const withNamesakes = () =>
    fixtureWith(SAMPLE, {
      'data/members.json': replaceOnce(
        '\n]',
        ',\n  { "id": "m90", "name": "Sam Twin", "unit": "accounting", "role": "academic", "joined": "2021-10-12" ' +
          '},\n  { "id": "m91", "name": "Sam Twin", "unit": "economics", "role": "academic", "joined": ' +
          '"2021-10-12" }\n]',
      ),
    });

  it(
    'a name alone, a bare id and "Name (id)" are read; a misspelt name and a shared one are problems of the ' +
      'field, by id',
    async () => {
      const root = await withNamesakes();
      const before = await snapshot(root);
      // Edited by hand, as a coordinator corrects a form: names and ids typed, not chosen.
      const typed = 'Member 03, m05, Member 01 (m01), Membr 04, Sam Twin';
      const run = await fromIssue(root, await sampleSession(root, { attendees: typed }), '--format', 'json');
      expect(run.code).toBe(1);
      const result = JSON.parse(run.stdout) as {
        problems: Array<{ field: string; severity: string; message: string }>;
      };
      expect(result.problems.filter((p) => p.field === 'Attendees').map((p) => p.message)).toEqual([
        'Attendees: "M*** 04" is not on the roster: did you mean the one the form lists as "… (m04)"?',
        'Attendees: "S*** T***" is the name of 2 people (m90, m91): choose the one meant from the form\'s list, as ' +
          '"… (m90)"',
      ]);
      // GitHub keeps the comment: no name is repeated there.
      for (const name of ['Member 03', 'Membr 04', 'Sam Twin']) expect(run.stdout).not.toContain(name);
      expect(await snapshot(root)).toEqual(before);

      // Corrected: every entry is read, none dropped.
      const fixed = await fromIssue(
        root,
        await sampleSession(root, { attendees: 'Member 03, m05, Member 01 (m01), Member 04\nSam Twin (m91)' }),
      );
      expect(fixed.code, fixed.stderr).toBe(0);
      expect(await readFile(join(root, fixed.stdout.trim()), 'utf8')).toContain(
        'attendees: [m01, m03, m04, m05, m91]\n',
      );
    },
  );

  it('four mistakes of different kinds are all told in one run, and nothing is written', async () => {
    const root = await fixtureWith(SAMPLE);
    const before = await snapshot(root);
    const body = await sampleSession(root, {
      date: '14/10/2025',
      attendees: 'Member 01 (m01), Membr 03',
      summary: '- Members shared their plans.\n- Ask jo.bloggs@student.example.ac.uk to follow up.',
      actions: 'Share the slides; due: 31/10/2025',
    });
    const run = await fromIssue(root, body, '--format', 'json');
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as { problems: Array<{ field: string; severity: string; message: string }> };
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.field)).toEqual(['Date', 'Attendees', 'Actions', 'Summary']);
    expect(errors.find((p) => p.field === 'Summary')!.message).toBe(
      'Summary: an email address in line 2 of the answer: minutes and survey answers must not identify anyone. ' +
        "Remove it, or add it to privacy.allow in data/community.json if it is public on purpose (a team's shared " +
        'address)',
    );
    expect(run.stdout).not.toContain('jo.bloggs');
    expect(await snapshot(root)).toEqual(before);
  });
});
