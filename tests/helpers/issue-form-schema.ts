import { Ajv } from 'ajv';
import { parse } from 'yaml';

/**
 * GitHub's issue-form syntax as its documentation states it ("Syntax for issue forms",
 * "Syntax for GitHub's form schema", "Common validation errors when creating issue forms"),
 * written here as a JSON Schema plus the rules a schema cannot say.
 */
const text = { type: 'string', pattern: '\\S' };
const validations = { type: 'object', additionalProperties: false, properties: { required: { type: 'boolean' } } };
const id = { type: 'string', pattern: '^[A-Za-z0-9_-]+$' };

// JSON Schema's if/then, built as entries: an object literal with a "then" key reads as a thenable to the linter.
const element = (type: string, attributes: object, required: string[], withValidations = true) =>
  Object.fromEntries([
    ['if', { properties: { type: { const: type } } }],
    [
      'then',
      {
        additionalProperties: false,
        required: ['type', 'attributes'],
        properties: {
          type: {},
          id,
          attributes: { type: 'object', additionalProperties: false, required, properties: attributes },
          ...(withValidations ? { validations } : {}),
        },
      },
    ],
  ]);

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'description', 'body'],
  properties: {
    name: text,
    description: text,
    title: text,
    labels: { type: 'array', minItems: 1, items: text },
    assignees: { anyOf: [text, { type: 'array', items: text }] },
    projects: { type: 'array', items: text },
    type: text,
    body: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['type'],
        properties: { type: { enum: ['markdown', 'textarea', 'input', 'dropdown', 'checkboxes'] } },
        allOf: [
          element('markdown', { value: text }, ['value'], false),
          element(
            'input',
            {
              label: text,
              description: { type: 'string' },
              placeholder: { type: 'string' },
              value: { type: 'string' },
            },
            ['label'],
          ),
          element(
            'textarea',
            {
              label: text,
              description: { type: 'string' },
              placeholder: { type: 'string' },
              value: { type: 'string' },
              render: { type: 'string' },
            },
            ['label'],
          ),
          element(
            'dropdown',
            {
              label: text,
              description: { type: 'string' },
              multiple: { type: 'boolean' },
              options: { type: 'array', minItems: 1, uniqueItems: true, items: text },
              default: { type: 'integer', minimum: 0 },
            },
            ['label', 'options'],
          ),
          element(
            'checkboxes',
            {
              label: text,
              description: { type: 'string' },
              options: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['label'],
                  properties: { label: text, required: { type: 'boolean' } },
                },
              },
            },
            ['label', 'options'],
          ),
        ],
      },
    },
  },
};

const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

interface Element {
  type: string;
  id?: string;
  attributes: { label?: string; options?: unknown[]; default?: number; value?: string };
}

/** Every way the form breaks GitHub's rules; empty when GitHub would accept it. */
export function issueFormProblems(yamlText: string): string[] {
  // GitHub reads the file as YAML 1.1: an unquoted `yes` would be a boolean there.
  const form = parse(yamlText, { version: '1.1' }) as { body?: Element[] };
  const problems = (validateSchema(form) ? [] : (validateSchema.errors ?? [])).map(
    (e) => `${e.instancePath} ${e.message}`,
  );
  const inputs = (form.body ?? []).filter((b) => b.type !== 'markdown');
  if (inputs.length === 0) problems.push('body must have at least one field that is not markdown');
  const ids = inputs.map((b) => b.id).filter((x) => x !== undefined);
  if (new Set(ids).size !== ids.length) problems.push('body must have unique ids');
  const labels = inputs.map((b) => b.attributes.label);
  if (new Set(labels).size !== labels.length) problems.push('body must have unique labels');
  for (const [i, b] of (form.body ?? []).entries()) {
    if (b.type === 'dropdown') {
      if ((b.attributes.options ?? []).some((o) => typeof o !== 'string'))
        problems.push(`body[${i}]: options must not include booleans or numbers`);
      if ((b.attributes.options ?? []).some((o) => typeof o === 'string' && o.trim().toLowerCase() === 'none'))
        problems.push(`body[${i}]: options must not include the reserved word, none`);
      if (b.attributes.default !== undefined && b.attributes.default >= (b.attributes.options ?? []).length)
        problems.push(`body[${i}]: default is not the index of an option`);
    }
    if ((b.type === 'input' || b.type === 'textarea') && /password/i.test(b.attributes.label ?? ''))
      problems.push(`body[${i}]: label contains forbidden word`);
  }
  return problems;
}
