import { code, heading, paragraph, richTable, root, toMarkdown, type Inline } from '../format/markdown.js';
import type { RootContent } from 'mdast';
import { EDITOR_SCHEMAS, editorSchemaText, type EditorSchemaName } from '../model/json-schema.js';
import { EXAMPLE_COMMUNITY, MEETINGS, MINUTES, PATHWAYS, SURVEY } from '../rules/examples/community.js';

export type Schema = Record<string, unknown>;

/** One documented field: its path from the file's top, what it is, and whether it must be there. */
interface Field {
  path: string;
  type: string;
  required: boolean;
  allowed: string;
  description: string;
}

const FILES: Record<EditorSchemaName, { file: string; example?: { path: string; language: string } }> = {
  community: { file: 'data/community.json', example: { path: 'data/community.json', language: 'json' } },
  units: { file: 'data/units.json', example: { path: 'data/units.json', language: 'json' } },
  members: { file: 'data/members.json', example: { path: 'data/members.json', language: 'json' } },
  outputs: { file: 'data/outputs.json (optional)' },
  survey: { file: 'surveys/<year>/<survey-id>.json', example: { path: SURVEY, language: 'json' } },
  meetings: { file: 'meetings/<year>/<return-id>.json (optional)', example: { path: MEETINGS, language: 'json' } },
  pathways: { file: 'data/pathways.json (optional)', example: { path: PATHWAYS, language: 'json' } },
  session: {
    file: 'minutes/<year>/<date>-<slug>.md (the frontmatter)',
    example: { path: MINUTES, language: 'markdown' },
  },
};

/** The type of a schema in words: "text", "list of text", "whole number", "one of: a | b". */
function typeOf(s: Schema): string {
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const variants = (s.anyOf ?? s.oneOf) as Schema[];
    return variants
      .map(typeOf)
      .filter((t, i, all) => all.indexOf(t) === i)
      .join(' or ');
  }
  if (s.const !== undefined) return `${JSON.stringify(s.const)}`;
  switch (s.type) {
    case 'string':
      return s.format === 'date' ? 'date (YYYY-MM-DD)' : 'text';
    case 'integer':
      return 'whole number';
    case 'number':
      return 'number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return `list of ${s.items ? typeOf(s.items as Schema) : 'values'}`;
    case 'object':
      return s.properties ? 'object' : 'object';
    default:
      return 'any value';
  }
}

function allowedOf(s: Schema): string {
  const values = (s.enum as unknown[] | undefined) ?? ((s.items as Schema | undefined)?.enum as unknown[] | undefined);
  if (values) return values.map((v) => String(v)).join(', ');
  if (typeof s.pattern === 'string') return `pattern ${s.pattern}`;
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? `more than ${String(s.exclusiveMinimum)}` : undefined);
  return min !== undefined ? `at least ${String(min)}`.replace('at least more', 'more') : '';
}

/** Every field of a schema, depth first, lists as `[]` and variants by their `type`. */
function fieldsOf(s: Schema, prefix: string, required: boolean, out: Field[]): void {
  const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (variants?.every((v) => v.type === 'object' && v.properties)) {
    for (const v of variants) {
      const tag = Object.entries(v.properties as Record<string, Schema>).find(([, p]) => p.const !== undefined);
      fieldsOf(
        { ...v, description: s.description },
        tag ? `${prefix} (${tag[0]}: ${String(tag[1].const)})` : prefix,
        required,
        out,
      );
    }
    return;
  }
  const items = s.items as Schema | undefined;
  if (s.type === 'array' && items && (items.properties || items.anyOf || items.oneOf)) {
    fieldsOf(s.items as Schema, `${prefix}[]`, required, out);
    return;
  }
  // A record: its keys are ids (or one of a list), its values described once.
  const values = s.additionalProperties as Schema | undefined;
  if (s.type === 'object' && !s.properties && values && typeof values === 'object') {
    const keys = (s.propertyNames as Schema | undefined)?.enum as string[] | undefined;
    const key = `${prefix}.<${keys ? 'key' : 'id'}>`;
    out.push({
      path: key,
      type: typeOf(values),
      required: false,
      allowed: keys ? keys.join(', ') : allowedOf(values),
      description: [values.title, values.description].filter((x) => typeof x === 'string').join(': '),
    });
    fieldsOf(values, key, false, out);
    return;
  }
  if (s.type === 'object' && s.properties) {
    const req = new Set((s.required as string[] | undefined) ?? []);
    for (const [name, p] of Object.entries(s.properties as Record<string, Schema>)) {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      const items = p.items as Schema | undefined;
      const leaf =
        !(p.type === 'object' && p.properties) &&
        !(p.type === 'array' && (items?.properties || items?.anyOf || items?.oneOf));
      out.push({
        path,
        type: typeOf(p),
        required: req.has(name),
        allowed: allowedOf(p),
        description: [p.title, p.description].filter((x) => typeof x === 'string').join(': '),
      });
      if (
        !leaf ||
        p.anyOf ||
        p.oneOf ||
        (p.type === 'object' && p.additionalProperties && typeof p.additionalProperties === 'object')
      )
        fieldsOf(p, path, req.has(name), out);
    }
  }
}

/** The fields of a file as a table. */
function fieldTable(name: EditorSchemaName): RootContent {
  return schemaTable(JSON.parse(editorSchemaText(name)) as Schema);
}

/** Every field of a JSON Schema as a table: path, type, whether required, the values allowed, what it is. */
export function schemaTable(schema: Schema): RootContent {
  const fields: Field[] = [];
  fieldsOf(schema, '', true, fields);
  return richTable(
    [
      { header: 'field' },
      { header: 'type' },
      { header: 'required' },
      { header: 'allowed values' },
      { header: 'what it is' },
    ],
    fields.map((f) => [
      [code(f.path)],
      [f.type],
      [f.required ? 'yes' : 'no'],
      f.allowed ? [code(f.allowed)] : [''],
      [f.description] as Inline[],
    ]),
  );
}

/**
 * `docs/reference.md`: every file of a community's records and every field, made from the
 * same schemas the validator checks them with, and an example of each from the toolchain's
 * own example community. `build` writes it and `build --check` holds it.
 */
export function referenceMarkdown(): string {
  const children: RootContent[] = [
    heading(1, 'Reference: the files and their fields'),
    paragraph(
      'Generated from the schemas the validator uses (',
      code('npm run build'),
      ' writes it; do not edit by hand). Every field of every file, with its type, whether it is required, the ' +
        'values it allows and what it means. What a field-by-field schema cannot say, such as which ids must ' +
        'exist in another file, is in ',
      { type: 'link', url: 'data-model.md', children: [{ type: 'text', value: 'the data model' }] },
      '; every rule the validator applies is in ',
      { type: 'link', url: 'rules.md', children: [{ type: 'text', value: 'the rules' }] },
      '; every figure the analytics compute is in ',
      { type: 'link', url: 'metrics.md', children: [{ type: 'text', value: 'the metrics' }] },
      '.',
    ),
    paragraph(
      'Paths use ',
      code('[]'),
      ' for each entry of a list, and name the variant of a field that comes in several (a survey question by its ',
      code('type'),
      '). Ids are lower-case letters, digits and hyphens; dates are ',
      code('YYYY-MM-DD'),
      '; academic years are written ',
      code('2024-25'),
      '.',
    ),
  ];
  for (const name of Object.keys(EDITOR_SCHEMAS) as EditorSchemaName[]) {
    const { file, example } = FILES[name];
    children.push(heading(2, file), fieldTable(name));
    if (example) {
      const text = EXAMPLE_COMMUNITY[example.path];
      if (text)
        children.push(paragraph('For example:'), { type: 'code', lang: example.language, value: text.trimEnd() });
    }
  }
  return toMarkdown(root(children));
}
