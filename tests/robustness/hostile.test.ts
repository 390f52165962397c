import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, REPO_ROOT, fixtureWith, replaceOnce, type Edits } from '../helpers/repo.js';

const run = promisify(execFile);
const FIRST = 'minutes/2021-22/2021-10-12-first-meeting.md';
const WEBINAR = 'minutes/2022-23/2023-05-09-webinar.md';
const SURVEY = 'surveys/2022-23/annual-survey.json';

/** The deliberate problem in another file that every hostile case must leave visible. */
const ELSEWHERE = { [WEBINAR]: replaceOnce('[a01, a02, a03, a07]', '[a01, a02, a03, a07, a99]') };

interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

async function validate(root: string): Promise<{ code: number; problems: Problem[]; stderr: string }> {
  const r = await cop(['validate', '--format', 'json', '--root', root]);
  return { code: r.code, problems: r.stdout.trim() ? (JSON.parse(r.stdout) as Problem[]) : [], stderr: r.stderr };
}

/**
 * A hostile case: the fixture with the deliberate problem and the case's own edits, then something done to the files.
 */
async function hostile(edits: Edits, after?: (root: string) => Promise<void>) {
  const root = await fixtureWith(MULTI_YEAR, { ...ELSEWHERE, ...edits });
  if (after) await after(root);
  const result = await validate(root);
  expect(result.stderr).not.toMatch(/internal error|bug in the toolchain/);
  expect(result.code).toBe(1);
  expect(result.problems.some((p) => p.file === WEBINAR && p.message.includes('"a99"'))).toBe(true);
  return result;
}

const at = (problems: Problem[], file: string) => problems.filter((p) => p.file === file);

describe('hostile input: each a problem at its file, never a crash, a hang or a silent gap', () => {
  it('a YAML alias bomb', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
    ])
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    const { problems } = await hostile({ [FIRST]: (t) => t.replace('---\n', `---\n${levels.join('\n')}\n`) });
    expect(at(problems, FIRST).map((p) => [p.rule, p.line])).toEqual([['syntax', 3]]);
    expect(at(problems, FIRST)[0]!.message).toContain('YAML aliases (*name) that expand too far');
  });

  it('a YAML alias with no anchor', async () => {
    const { problems } = await hostile({ [FIRST]: replaceOnce('title: First meeting', 'title: *nothing') });
    expect(at(problems, FIRST).map((p) => [p.rule, p.line, p.message])).toEqual([
      ['syntax', 2, 'YAML alias (*name) with no anchor (&name) before it: write the value itself rather than an alias'],
    ]);
  });

  it('JSON nested thousands of levels deep', async () => {
    const { problems } = await hostile({
      [SURVEY]: replaceOnce('"responses": [', `"deep": ${'['.repeat(5000)}${']'.repeat(5000)},\n  "responses": [`),
    });
    expect(at(problems, SURVEY).map((p) => p.rule)).toEqual(['syntax']);
    expect(at(problems, SURVEY)[0]!.message).toContain('nested more than 64 levels deep');
  });

  it.each([
    ['a file outside the repository', '/etc/passwd'],
    ['a device that never ends', '/dev/zero'],
    ['nothing (dangling)', '/nonexistent/minutes.md'],
  ])('a minutes path that is a symbolic link to %s: reported, never followed', async (_what, target) => {
    const link = 'minutes/2022-23/2022-12-01-linked.md';
    const { problems } = await hostile({}, (root) => symlink(target, join(root, link)));
    expect(at(problems, link).map((p) => [p.rule, p.line, p.message])).toEqual([
      ['file-kind', 1, 'is a symbolic link: commit the file itself, not a link to it (a link is never followed)'],
    ]);
  });

  it('a loop of symbolic links where data/outputs.json belongs', async () => {
    const { problems } = await hostile({}, async (root) => {
      await symlink('outputs-b.json', join(root, 'data/outputs.json'));
      await symlink('outputs.json', join(root, 'data/outputs-b.json'));
    });
    expect(at(problems, 'data/outputs.json').map((p) => p.rule)).toEqual(['file-kind']);
  });

  it('a folder named like a minutes file, a pipe, and minutes saved as .MD', async () => {
    const { problems } = await hostile({}, async (root) => {
      await mkdir(join(root, 'minutes/2022-23/2022-12-01-folder.md'));
      await writeFile(join(root, 'minutes/2022-23/2022-12-01-folder.md/notes.md'), '---\ntitle: x\n---\n');
      await run('mkfifo', [join(root, 'minutes/2022-23/2022-12-02-pipe.md')]);
      await writeFile(join(root, 'minutes/2022-23/2022-12-03-shout.MD'), '---\ntitle: x\n---\n');
    });
    expect(at(problems, 'minutes/2022-23/2022-12-02-pipe.md').map((p) => p.message)).toEqual([
      'is not a regular file (a pipe, socket or device): remove it',
    ]);
    expect(at(problems, 'minutes/2022-23/2022-12-03-shout.MD').map((p) => p.rule)).toEqual(['file-kind']);
    // The folder's content is read as what it is: a minutes file in the wrong place, reported there.
    expect(problems.some((p) => p.file.startsWith('minutes/2022-23/2022-12-01-folder.md/'))).toBe(true);
  });

  it('an empty folder named like a record, in minutes/ and in surveys/', async () => {
    const { problems } = await hostile({}, async (root) => {
      await mkdir(join(root, 'minutes/2022-23/x.md'));
      await mkdir(join(root, 'surveys/2022-23/x.json'));
    });
    for (const file of ['minutes/2022-23/x.md', 'surveys/2022-23/x.json'])
      expect(
        at(problems, file).map((p) => [p.rule, p.line, p.column, p.message]),
        file,
      ).toEqual([
        [
          'file-kind',
          1,
          1,
          'is a folder named like a record: a record is a file. Move what it holds out and remove the folder, or ' +
            'rename it',
        ],
      ]);
  });

  it(
    'minutes renamed to a hidden name, or to README.MD, are reported: their session would leave every ' + 'figure',
    async () => {
      const { problems } = await hostile({}, async (root) => {
        await rename(join(root, FIRST), join(root, 'minutes/2021-22/.2021-10-12-first-meeting.md'));
        await rename(
          join(root, 'minutes/2021-22/2022-03-08-assessment-workshop.md'),
          join(root, 'minutes/2021-22/README.MD'),
        );
        // Git's own files and the toolchain's are not records.
        await writeFile(join(root, 'minutes/2021-22/.gitkeep'), '');
      });
      expect(
        at(problems, 'minutes/2021-22/.2021-10-12-first-meeting.md').map((p) => [p.rule, p.line, p.message]),
      ).toEqual([
        [
          'file-kind',
          1,
          'a hidden name (it starts with a dot), so it is not read: rename it 2021-10-12-first-meeting.md',
        ],
      ]);
      expect(at(problems, 'minutes/2021-22/README.MD').map((p) => [p.rule, p.line, p.message])).toEqual([
        [
          'file-kind',
          1,
          'holds the frontmatter of a session, but a README is never read as minutes: rename it ' +
            '<date>-<short-name>.md so that its session counts',
        ],
      ]);
      expect(at(problems, 'minutes/2021-22/.gitkeep')).toEqual([]);
    },
  );

  it.each([
    ['2022-12-05-notes.markdown', '2022-12-05-notes.md'],
    ['2022-12-06-notes.md~', '2022-12-06-notes.md'],
    ['2022-12-07-notes.md ', '2022-12-07-notes.md'],
  ])('a record named with a near ending (%j) is an error that says the name meant', async (name, meant) => {
    const { problems } = await hostile({}, async (root) => {
      await writeFile(join(root, 'minutes/2022-23', name), '---\ntitle: Notes\n---\n');
    });
    expect(at(problems, `minutes/2022-23/${name}`).map((p) => [p.rule, p.line, p.message])).toEqual([
      [
        'file-kind',
        1,
        `minutes files end in ".md", in lower case and nothing after it, or they are not read: rename it ${meant}`,
      ],
    ]);
  });

  it.each(['data', 'minutes', 'surveys'])(
    'a records folder %s/ replaced by a link to a folder outside: reported, never followed',
    async (folder) => {
      const outside = await fixtureWith(MULTI_YEAR, ELSEWHERE);
      const root = await fixtureWith(MULTI_YEAR);
      await rm(join(root, folder), { recursive: true });
      await symlink(join(outside, folder), join(root, folder));
      const { code, problems, stderr } = await validate(root);
      expect(stderr).not.toMatch(/internal error/);
      expect(code).toBe(1);
      expect(at(problems, folder).map((p) => [p.rule, p.line, p.column, p.message])).toEqual([
        [
          'file-kind',
          1,
          1,
          `the folder ${folder}/ is a symbolic link: its files are not read. Commit the folder itself, not a link ` +
            `to it (a link is never followed)`,
        ],
      ]);
      // Nothing behind the link was read: not the deliberate problem of the outside copy's minutes either.
      expect(problems.filter((p) => p.file.startsWith(`${folder}/`))).toEqual([]);
    },
  );

  it('a JSON file that starts with two byte-order marks', async () => {
    const { problems } = await hostile({ 'data/units.json': (t) => `\uFEFF\uFEFF${t}` });
    expect(at(problems, 'data/units.json').map((p) => [p.rule, p.line, p.message])).toEqual([
      [
        'encoding',
        1,
        'the file starts with two byte-order marks (invisible characters some editors add): save it again as ' +
          'UTF-8, or UTF-8 with one BOM',
      ],
    ]);
  });

  it('C1 control characters (NEL, CSI) in written answers', async () => {
    // Written as JSON escapes, as an export would carry them.
    const { problems } = await hostile({
      [SURVEY]: replaceOnce('"q5": "Very helpful.', '"q5": "\\u0085Very\\u009b31m helpful.'),
    });
    const found = at(problems, SURVEY).filter((p) => p.rule === 'control-character');
    expect(found.map((p) => p.message.slice(0, 40))).toEqual(['an invisible NEL (next line) character (']);
    expect(found[0]!.line).toBeGreaterThan(1);
  });

  it(
    'Markdown nested past the bound, and a run of brackets: a problem at the line, and no command parses ' + 'it',
    async () => {
      const ASSESSMENT = 'minutes/2021-22/2022-03-08-assessment-workshop.md';
      const quotes = `${'> '.repeat(1210)}deep`;
      const brackets = `- ${'['.repeat(40_000)}x${']'.repeat(40_000)}`;
      const root = await fixtureWith(MULTI_YEAR, {
        ...ELSEWHERE,
        [FIRST]: (t) => `${t}${quotes}\n`,
        [ASSESSMENT]: (t) => `${t}${brackets}\n`,
      });
      const { problems } = await validate(root);
      const lineOf = async (file: string) => (await readFile(join(MULTI_YEAR, file), 'utf8')).split('\n').length;
      expect(
        at(problems, FIRST)
          .filter((p) => p.rule === 'markdown-depth')
          .map((p) => [p.line, p.message.slice(0, 20)]),
      ).toEqual([[await lineOf(FIRST), 'this line nests more']]);
      expect(
        at(problems, ASSESSMENT)
          .filter((p) => p.rule === 'markdown-depth')
          .map((p) => [p.line, p.message.slice(0, 20)]),
      ).toEqual([[await lineOf(ASSESSMENT), 'more than 32 "[" are']]);
      // The build stops at the records' errors, before any Markdown is parsed: no crash, no hang.
      const built = await cop(['build', '--root', root]);
      expect(built.code).toBe(1);
      expect(built.stderr).not.toMatch(/internal error|Maximum call stack/);
    },
  );

  it('an answer keyed __proto__, which JavaScript would drop in silence', async () => {
    const { problems } = await hostile({
      [SURVEY]: replaceOnce(
        '{"id": "r6", "answers": {"q2": 4}}',
        '{"id": "r6", "answers": {"__proto__": "x", "q2": 4}}',
      ),
    });
    expect(at(problems, SURVEY).map((p) => [p.rule, p.line])).toEqual([['duplicate-field', 21]]);
  });

  it('NUL and ESC characters in text values', async () => {
    const { problems } = await hostile({
      [FIRST]: replaceOnce('title: First meeting', 'title: "First\\0 meeting"'),
      [SURVEY]: replaceOnce('"Very helpful."', '"Very\\u001b helpful."'),
    });
    expect(at(problems, FIRST).map((p) => [p.rule, p.line])).toEqual([['control-character', 2]]);
    expect(at(problems, SURVEY).map((p) => [p.rule, p.line])).toEqual([['control-character', 16]]);
  });

  it('a file over the size limit is reported, not read', async () => {
    const big = `{"id": "big", "pad": "${'x'.repeat(21 * 1024 * 1024)}"}`;
    const file = 'surveys/2022-23/big.json';
    const { problems } = await hostile({ [file]: big });
    expect(at(problems, file).map((p) => p.rule)).toEqual(['file-kind']);
    expect(at(problems, file)[0]!.message).toMatch(/^is 21 MB, over the 20 MB a JSON file may be/);
  }, 30_000);

  it('text that made the checks super-linear: a 200,000-character word, 5,000 lines of names, a backtracking ' +
    'pattern', async () => {
    const word = `${'a'.repeat(200_000)} and ${'7'.repeat(50_000)}x`;
    const names = Array.from({ length: 5000 }, (_, i) => `- Sarah Jones met John Smith ${i}.`).join('\n');
    const { problems } = await hostile({
      [FIRST]: (t) => `${t}\n${word}\n${names}\n`,
      'data/community.json': replaceOnce('"team": [', '"privacy": { "studentNumber": "(\\\\d+)+x" },\n  "team": ['),
    });
    expect(at(problems, FIRST).filter((p) => p.rule === 'personal-name').length).toBeGreaterThan(5000);
  }, 60_000);

  it('a file whose name is not UTF-8', async () => {
    const { problems } = await hostile({}, async (root) => {
      await writeFile(
        Buffer.concat([
          Buffer.from(join(root, 'minutes/2022-23/2022-12-04-')),
          Buffer.from([0xff, 0xfe]),
          Buffer.from('.md'),
        ]),
        '---\ntitle: x\n---\n',
      );
    });
    const named = problems.filter((p) => p.file.startsWith('minutes/2022-23/2022-12-04-'));
    expect(named.map((p) => [p.rule, p.message])).toEqual([
      [
        'file-kind',
        'the name is not valid UTF-8 text, so the file cannot be opened by its name: rename it with plain ' +
          'letters, digits and hyphens',
      ],
    ]);
  });

  it.each([
    ['forget', ['forget', 'a01']],
    [
      'import-survey',
      ['import-survey', '--from', 'tests/fixtures/survey-exports/google-forms.csv', '--into', SURVEY, '--replace'],
    ],
  ])('%s stops at a file it cannot read safely, with exit 1, and changes nothing', async (_name, args) => {
    const root = await fixtureWith(MULTI_YEAR);
    await symlink('/etc/passwd', join(root, 'minutes/2022-23/2022-12-01-linked.md'));
    const before = await readFile(join(root, SURVEY), 'utf8');
    const members = await readFile(join(root, 'data/members.json'), 'utf8');
    const r = await cop([...args.map((a) => (a.startsWith('tests/') ? join(REPO_ROOT, a) : a)), '--root', root]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('minutes/2022-23/2022-12-01-linked.md:1:1 error is a symbolic link');
    expect(r.stderr).not.toContain('internal error');
    expect(await readFile(join(root, SURVEY), 'utf8')).toBe(before);
    expect(await readFile(join(root, 'data/members.json'), 'utf8')).toBe(members);
  });
});
