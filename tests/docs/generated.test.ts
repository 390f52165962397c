import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocs } from '../../src/docs/index.js';
import { EDITOR_SCHEMAS, editorSchemaText, type EditorSchemaName } from '../../src/model/json-schema.js';
import { RULES } from '../../src/rules/index.js';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';

/** Every property name of a JSON Schema, at any depth. */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object') return out;
  const s = node as Record<string, unknown>;
  for (const name of Object.keys((s.properties as Record<string, unknown> | undefined) ?? {})) out.add(name);
  for (const value of Object.values(s)) propertyNames(value, out);
  return out;
}

describe('the documentation the build writes', () => {
  const docs = generatedDocs();
  const reference = docs.get('docs/reference.md')!;

  it('names every field of every schema in the reference', () => {
    let fields = 0;
    for (const name of Object.keys(EDITOR_SCHEMAS) as EditorSchemaName[]) {
      for (const field of propertyNames(JSON.parse(editorSchemaText(name)))) {
        expect(reference, `${name}: ${field}`).toMatch(new RegExp(`\`[^\`]*\\b${field}\`\\s*\\|`));
        fields++;
      }
    }
    expect(fields).toBeGreaterThan(80);
  });

  it('lists every rule with its example message', () => {
    const rules = docs.get('docs/rules.md')!;
    for (const rule of RULES) expect(rules, rule.id).toContain(`## \`${rule.id}\``);
    expect(rules).toContain('format: "face-to-face" is not allowed here: use one of online, in-person, hybrid');
  });

  it('points nowhere outside the repository', () => {
    for (const [path, text] of docs) expect(text, path).not.toMatch(/\.\.\/shared|\.\.\/\.\./);
  });

  it('is held by build --check like the reports', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'docs/reference.md': replaceOnce('| `name` | text | yes |', '| `name` | text | no |'),
    });
    const check = await cop(['build', '--check', '--root', root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('docs/reference.md: differs from what a build writes');
    expect((await cop(['build', '--root', root])).code).toBe(0);
    expect(await readFile(join(root, 'docs/reference.md'), 'utf8')).toBe(reference);
  });
});

describe("every diagnostic's url leads to its rule", () => {
  it('docs/rules.md has a heading for each rule, whose anchor is the rule id', async () => {
    const { RULES } = await import('../../src/rules/index.js');
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const { REPO_ROOT } = await import('../helpers/repo.js');
    const docs = await readFile(join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    expect(RULES.length).toBeGreaterThan(30);
    for (const rule of RULES) expect(docs, rule.id).toContain(`\n## \`${rule.id}\`\n`);
  });
});
