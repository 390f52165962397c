import { execFile } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
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
  rule: string;
  message: string;
}

async function validate(root: string): Promise<{ code: number; problems: Problem[]; stderr: string }> {
  const r = await cop(['validate', '--format', 'json', '--root', root]);
  return { code: r.code, problems: r.stdout.trim() ? (JSON.parse(r.stdout) as Problem[]) : [], stderr: r.stderr };
}

/** A hostile case: the fixture with the deliberate problem and the case's own edits, then something done to the files. */
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
    const { problems } = await hostile({ [SURVEY]: replaceOnce('"responses": [', `"deep": ${'['.repeat(5000)}${']'.repeat(5000)},\n  "responses": [`) });
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
    expect(at(problems, 'minutes/2022-23/2022-12-02-pipe.md').map((p) => p.message)).toEqual(['is not a regular file (a pipe, socket or device): remove it']);
    expect(at(problems, 'minutes/2022-23/2022-12-03-shout.MD').map((p) => p.rule)).toEqual(['file-kind']);
    // The folder's content is read as what it is: a minutes file in the wrong place, reported there.
    expect(problems.some((p) => p.file.startsWith('minutes/2022-23/2022-12-01-folder.md/'))).toBe(true);
  });

  it('an answer keyed __proto__, which JavaScript would drop in silence', async () => {
    const { problems } = await hostile({ [SURVEY]: replaceOnce('{"id": "r6", "answers": {"q2": 4}}', '{"id": "r6", "answers": {"__proto__": "x", "q2": 4}}') });
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

  it('text that made the checks super-linear: a 200,000-character word, 5,000 lines of names, a backtracking pattern', async () => {
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
      await writeFile(Buffer.concat([Buffer.from(join(root, 'minutes/2022-23/2022-12-04-')), Buffer.from([0xff, 0xfe]), Buffer.from('.md')]), '---\ntitle: x\n---\n');
    });
    const named = problems.filter((p) => p.file.startsWith('minutes/2022-23/2022-12-04-'));
    expect(named.map((p) => [p.rule, p.message])).toEqual([
      ['file-kind', 'the name is not valid UTF-8 text, so the file cannot be opened by its name: rename it with plain letters, digits and hyphens'],
    ]);
  });

  it.each([
    ['forget', ['forget', 'a01']],
    ['import-survey', ['import-survey', '--from', 'tests/fixtures/survey-exports/google-forms.csv', '--into', SURVEY, '--replace']],
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
