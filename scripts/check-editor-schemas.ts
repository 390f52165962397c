/**
 * Checks every record of a community repository against the editor schemas the build
 * writes (schemas/*.schema.json), as an editor would: JSON files by the mapping of
 * .vscode/settings.json, minutes by their frontmatter. CI runs it on the repository's own
 * records; the tests run it on fixtures.
 *
 *   npx tsx scripts/check-editor-schemas.ts [root]
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import {
  EDITOR_SCHEMAS,
  editorSchemaMapping,
  editorSchemaText,
  type EditorSchemaName,
} from '../src/model/json-schema.js';

const NAMES = Object.keys(EDITOR_SCHEMAS) as EditorSchemaName[];
const validators = new Map(
  NAMES.map(
    (name) =>
      [
        name,
        new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(
          JSON.parse(editorSchemaText(name)),
        ),
      ] as const,
  ),
);

/** The schema VS Code would pick for a path, by the mapping the build writes into .vscode/settings.json. */
export function schemaFor(path: string): EditorSchemaName | undefined {
  for (const { fileMatch, url } of editorSchemaMapping()) {
    const matches = fileMatch.some((pattern) =>
      new RegExp(`${pattern.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`).test(`/${path}`),
    );
    if (matches) return url.replace('./schemas/', '').replace('.schema.json', '') as EditorSchemaName;
  }
  return undefined;
}

/** What a schema finds wrong with a value, one line a problem. */
export function schemaProblems(name: EditorSchemaName, value: unknown): string[] {
  const validate = validators.get(name)!;
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const frontmatter = (text: string) => parseYaml(text.replace(/\r\n/g, '\n').split(/^---$/m)[1] ?? '') as unknown;

/** Every record file's problems under its schema: files, path → problems, with how many were checked. */
export function checkRecords(records: ReadonlyMap<string, string>): {
  checked: number;
  problems: Map<string, string[]>;
} {
  const problems = new Map<string, string[]>();
  let checked = 0;
  for (const [path, text] of records) {
    const name = path.endsWith('.md') ? 'session' : schemaFor(path);
    if (!name) continue;
    checked++;
    const found = schemaProblems(name, path.endsWith('.md') ? frontmatter(text) : JSON.parse(text));
    if (found.length > 0) problems.set(path, found);
  }
  return { checked, problems };
}

export async function recordsOf(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(join(root, dir), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) await walk(rel);
      else if (/\.(json|md)$/.test(e.name)) out.set(rel, await readFile(join(root, rel), 'utf8'));
    }
  };
  for (const dir of ['data', 'minutes', 'surveys']) await walk(dir);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(process.argv[2] ?? '.');
  const { checked, problems } = checkRecords(await recordsOf(root));
  for (const [path, found] of problems) for (const p of found) console.error(`${path}: ${p}`);
  console.error(`${checked} records checked against the editor schemas, ${problems.size} with problems.`);
  process.exitCode = problems.size > 0 ? 1 : 0;
}
