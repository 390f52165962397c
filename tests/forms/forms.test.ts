import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { issueFormProblems } from '../helpers/issue-form-schema.js';
import { MULTI_YEAR, REPO_ROOT, SAMPLE, fixtureWith, replaceOnce } from '../helpers/repo.js';

interface Element {
  type: string;
  id?: string;
  attributes: { label: string; description?: string; options?: string[]; multiple?: boolean; default?: number };
  validations?: { required: boolean };
}
interface Form {
  name: string;
  title: string;
  labels: string[];
  body: Element[];
}

const FOLDER = '.github/ISSUE_TEMPLATE';
const readForm = async (root: string, name: string) =>
  parse(await readFile(join(root, FOLDER, `${name}.yml`), 'utf8'), { version: '1.1' }) as Form;
const field = (form: Form, id: string) => {
  const f = form.body.find((b) => b.id === id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
};

describe('the issue forms the build writes from the data', () => {
  it.each([
    ['the sample', SAMPLE],
    ['the multi-year community', MULTI_YEAR],
  ])('%s: every form is a valid GitHub issue form, with the ids of the data model', async (_, base) => {
    const root = await fixtureWith(base);
    const built = await cop(['build', '--root', root]);
    expect(built.code, built.stderr).toBe(0);
    const forms = ['add-member', 'meetings-return', 'recognition-progress', 'record-session'];
    expect((await readdir(join(root, FOLDER))).sort()).toEqual([...forms, 'config'].sort().map((f) => `${f}.yml`));
    let checked = 0;
    for (const name of forms) {
      checked++;
      const text = await readFile(join(root, FOLDER, `${name}.yml`), 'utf8');
      expect(issueFormProblems(text), name).toEqual([]);
      const form = await readForm(root, name);
      expect(form.labels).toEqual([name]);
      for (const f of form.body.filter((b) => b.type !== 'markdown'))
        expect(f.attributes.description, `${name}: ${f.id}`).toMatch(/\S/);
    }
    expect(checked).toBe(forms.length);
    const session = await readForm(root, 'record-session');
    expect(
      session.body
        .filter((b) => b.type !== 'markdown')
        .map((b) => `${b.id}:${b.type}${b.attributes.multiple ? '*' : ''}`),
    ).toEqual([
      'title:input',
      'date:input',
      'type:dropdown',
      'format:dropdown',
      'status:dropdown',
      'facilitators:dropdown*',
      'attendees:dropdown*',
      'guests:textarea',
      'presenters:textarea',
      'themes:dropdown*',
      'summary:textarea',
      'actions:textarea',
    ]);
    expect(field(session, 'type').attributes.options).toEqual(['meeting', 'learning-exchange', 'webinar', 'workshop']);
    expect(field(session, 'format').attributes.options).toEqual(['in-person', 'hybrid', 'online']);
    expect(field(session, 'status').attributes.options).toEqual(['held', 'planned']);
    expect(field(session, 'date').attributes.description).toContain('YYYY-MM-DD');
    for (const id of ['guests', 'presenters', 'actions'])
      expect(field(session, id).attributes.description).toMatch(/per line/);

    // Attendees: the roster's members who have not left, sorted by name, as "Name (id)".
    const members = JSON.parse(await readFile(join(root, 'data/members.json'), 'utf8')) as Array<{
      id: string;
      name: string;
      left?: string;
    }>;
    const current = members
      .filter((m) => m.left === undefined)
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    expect(current.length).toBeGreaterThan(2);
    expect(field(session, 'attendees').attributes.options).toEqual(current.map((m) => `${m.name} (${m.id})`));
    const community = JSON.parse(await readFile(join(root, 'data/community.json'), 'utf8')) as {
      team: Array<{ id: string; name: string }>;
      themes: Array<{ id: string; title: string }>;
    };
    expect(field(session, 'facilitators').attributes.options).toEqual([
      ...community.team.map((t) => `${t.name} (${t.id})`),
      ...current.map((m) => `${m.name} (${m.id})`),
    ]);
    expect(field(session, 'themes').attributes.options).toEqual(community.themes.map((t) => `${t.title} (${t.id})`));

    const member = await readForm(root, 'add-member');
    expect(member.body.filter((b) => b.type !== 'markdown').map((b) => `${b.id}:${b.type}`)).toEqual([
      'name:input',
      'unit:dropdown',
      'role:dropdown',
      'joined:input',
    ]);
    expect(field(member, 'role').attributes.options).toEqual(['academic', 'professional']);
    const units = JSON.parse(await readFile(join(root, 'data/units.json'), 'utf8')) as Array<{
      id: string;
      name: string;
      until?: string;
    }>;
    const open = units.filter((u) => u.until === undefined);
    expect(field(member, 'unit').attributes.options?.slice().sort()).toEqual(
      open.map((u) => `${u.name} (${u.id})`).sort(),
    );

    const config = parse(await readFile(join(root, FOLDER, 'config.yml'), 'utf8')) as { blank_issues_enabled: boolean };
    expect(config.blank_issues_enabled).toBe(true);
  });

  it('an option GitHub would read as a boolean is quoted, and a unit name with a comma is one option', async () => {
    const root = await fixtureWith(SAMPLE, {
      'data/community.json': replaceOnce('"privacy": {', '"roles": [{ "id": "yes", "title": "Yes" }],\n  "privacy": {'),
    });
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const text = await readFile(join(root, FOLDER, 'add-member.yml'), 'utf8');
    expect(text).toContain('- "yes"');
    expect(issueFormProblems(text)).toEqual([]);
    expect(field(await readForm(root, 'add-member'), 'unit').attributes.options).toContain(
      'Department of Philosophy, Logic and Scientific Method (philosophy)',
    );
  });

  it('the schema check of the test itself catches what GitHub rejects', () => {
    const broken =
      `name: x\ndescription: y\nbody:\n  - type: dropdown\n    id: a b\n    attributes:\n      ` +
      `label: Pie\n      options: [yes, None, None]\n`;
    const problems = issueFormProblems(broken);
    expect(problems.join('\n')).toMatch(/pattern/);
    expect(problems.join('\n')).toMatch(/booleans/);
    expect(problems.join('\n')).toMatch(/reserved word/);
    expect(problems.join('\n')).toMatch(/duplicate items|unique/);
  });

  it('build --check fails when the forms no longer match the roster, and a build writes them again', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'data/members.json': replaceOnce(
        '  { "id": "a08"',
        '  { "id": "a09", "name": "Member Nine", "unit": "library", "role": "professional", "joined": ' +
          '"2025-01-10" },\n  { "id": "a08"',
      ),
    });
    const check = await cop(['build', '--check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('.github/ISSUE_TEMPLATE/record-session.yml: differs from what a build writes');
    expect((await cop(['build', '--root', root])).code).toBe(0);
    expect(field(await readForm(root, 'record-session'), 'attendees').attributes.options).toContain(
      'Member Nine (a09)',
    );
    expect((await cop(['build', '--check', '--root', root])).code).toBe(0);
  });

  it('a member who left, or whose name was forgotten, is offered no more after the next build', async () => {
    const root = await fixtureWith(MULTI_YEAR);
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const before = await readFile(join(root, FOLDER, 'record-session.yml'), 'utf8');
    expect(before).toContain('Member Six (a06)');
    expect(before).not.toContain('José Sample');
    const forgot = await cop(['forget', 'a06', '--root', root]);
    expect(forgot.code, forgot.stderr).toBe(0);
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const after = await readFile(join(root, FOLDER, 'record-session.yml'), 'utf8');
    expect(after).not.toContain('Member Six');
    expect(after).not.toContain('(a06)');
  });
});

describe('the workflow that records from an issue follows the list of forms', () => {
  it('recognises each form by its label and its first heading, and no other', async () => {
    const { formSignatures } = await import('../../src/edit/forms/index.js');
    const { validateRepository } = await import('../../src/pipeline/index.js');
    const signatures = formSignatures((await validateRepository(SAMPLE)).lookup);
    expect(signatures.length).toBeGreaterThan(1);
    const workflow = parse(await readFile(join(REPO_ROOT, '.github/workflows/record-from-issue.yml'), 'utf8')) as {
      jobs: { record: { if: string } };
    };
    const condition = workflow.jobs.record.if;
    const labels = [...condition.matchAll(/contains\(github\.event\.issue\.labels\.\*\.name, '([^']+)'\)/g)].map(
      (m) => m[1],
    );
    const headings = [...condition.matchAll(/startsWith\(github\.event\.issue\.body, '([^']+)'\)/g)].map((m) => m[1]);
    expect(labels).toEqual(signatures.map((s) => s.label));
    expect(headings).toEqual(signatures.map((s) => s.firstHeading));
  });
});
