import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EDITOR_SCHEMAS, editorSchemaText, type EditorSchemaName } from '../../src/model/json-schema.js';
import { checkRecords, recordsOf, schemaFor, schemaProblems } from '../../scripts/check-editor-schemas.js';
import { EXAMPLE_COMMUNITY } from '../../src/rules/examples/community.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

const NAMES = Object.keys(EDITOR_SCHEMAS) as EditorSchemaName[];
const frontmatter = (text: string) => parseYaml(text.split(/^---$/m)[1]!) as Record<string, unknown>;

describe('the editor schemas', () => {
  it.each([
    ['the multi-year fixture', () => recordsOf(MULTI_YEAR)],
    ['the rules’ example community', () => Promise.resolve(new Map(Object.entries(EXAMPLE_COMMUNITY)))],
  ])('accept every record of %s', async (_name, records) => {
    const all = await records();
    for (const path of all.keys())
      if (path.endsWith('.json')) expect(schemaFor(path), `${path} has a schema`).toBeDefined();
    const { checked, problems } = checkRecords(all);
    expect(problems).toEqual(new Map());
    expect(checked).toBe(all.size);
  });

  it('reject an unknown field and a value outside its list, as the validator does', () => {
    const community = JSON.parse(EXAMPLE_COMMUNITY['data/community.json']!) as Record<string, unknown>;
    expect(schemaProblems('community', { ...community, nmae: 'x' }).join('\n')).toContain(
      'must NOT have additional properties',
    );
    const units = JSON.parse(EXAMPLE_COMMUNITY['data/units.json']!) as Array<Record<string, unknown>>;
    expect(schemaProblems('units', [{ ...units[0], kind: 'school' }]).join('\n')).toContain(
      '/0/kind must be equal to one of the allowed values',
    );
    const session = frontmatter(EXAMPLE_COMMUNITY['minutes/2024-25/2024-10-15-welcome.md']!) as Record<string, unknown>;
    expect(schemaProblems('session', { ...session, status: 'postponed' }).join('\n')).toContain(
      '/status must be equal to one of the allowed values',
    );
    expect(schemaProblems('session', { ...session, time: '12.00-14.00' }).join('\n')).toContain(
      '/time must match pattern',
    );
  });

  it('give every field a title and a description, for the editor to show', () => {
    let fields = 0;
    const visit = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      const s = node as Record<string, unknown>;
      for (const [key, child] of Object.entries(
        (s.properties as Record<string, Record<string, unknown>> | undefined) ?? {},
      )) {
        fields++;
        expect(child.title, `${path}.${key} has a title`).toEqual(expect.any(String));
        expect(child.description, `${path}.${key} has a description`).toEqual(expect.any(String));
      }
      for (const value of Object.values(s)) visit(value, path);
    };
    for (const name of NAMES) visit(JSON.parse(editorSchemaText(name)), name);
    expect(fields).toBeGreaterThan(80);
  });
});

describe('the build and the editor files', () => {
  it('writes the schemas and the mapping, keeps the team’s own settings, and holds both with --check', async () => {
    const settings = '{\n  // The team’s own settings stay.\n  "editor.wordWrap": "on",\n}\n';
    const root = await fixtureWith(MULTI_YEAR, { '.vscode/settings.json': settings });
    expect((await cop(['build', '--root', root])).code).toBe(0);
    const written = await readFile(join(root, '.vscode/settings.json'), 'utf8');
    expect(written).toContain('// The team’s own settings stay.');
    expect(written).toContain('"editor.wordWrap": "on"');
    expect(written).toContain('"url": "./schemas/survey.schema.json"');
    expect(await readFile(join(root, 'schemas/community.schema.json'), 'utf8')).toBe(editorSchemaText('community'));
    expect((await cop(['build', '--check', '--root', root])).code).toBe(0);

    const stale = await fixtureWith(root, {
      'schemas/units.schema.json': replaceOnce('"department"', '"departement"'),
    });
    const check = await cop(['build', '--check', '--root', stale]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('schemas/units.schema.json: differs from what a build writes');

    const unmapped = await fixtureWith(root, { '.vscode/settings.json': settings });
    const check2 = await cop(['build', '--check', '--root', unmapped]);
    expect(check2.code).toBe(1);
    expect(check2.stderr).toContain('.vscode/settings.json: differs from what a build writes');
  });

  it('leaves a settings file it cannot read alone, and says so', async () => {
    const root = await fixtureWith(MULTI_YEAR, { '.vscode/settings.json': '{ "editor.wordWrap": on }' });
    const run = await cop(['build', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('warning: .vscode/settings.json is not an object of settings that can be read');
    expect(await readFile(join(root, '.vscode/settings.json'), 'utf8')).toBe('{ "editor.wordWrap": on }');
  });
});
