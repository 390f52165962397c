import { didYouMean } from '../model/suggest.js';
import type { z } from 'zod';
import type { DocPath, SourceRef } from '../model/positions.js';

/** What the schema stage can find wrong with a value; each is a rule of the same name. */
export type SchemaProblem = 'schema' | 'missing-field' | 'unknown-field' | 'invalid-date';

export interface SchemaFinding {
  problem: SchemaProblem;
  source: SourceRef;
  path: DocPath;
  part: 'value' | 'key';
  message: string;
  /** What would be right here: the field meant, the fields allowed. */
  expected?: string[];
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/**
 * Checks a value against its schema and reports every issue in plain words at its
 * position. Returns the typed value, or undefined when the value does not fit.
 */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: SourceRef,
  base: DocPath,
  out: SchemaFinding[],
): z.output<S> | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const misspelt = misspeltRequired(schema, value, result.error.issues);
  for (const issue of result.error.issues) {
    // `formt: hybrid` is one mistake: the "did you mean" says it all, "format is missing" would be a second.
    if (issue.code !== 'unrecognized_keys' && misspelt.has(pathKey(issue.path))) continue;
    reportIssue(schema, value, issue, source, base, out);
  }
  return undefined;
}

/**
 * The fields of an object that pass their own schema, so that the checks after the schema
 * still see what a coordinator got right in a file with a mistake. A list keeps its valid
 * entries at their own indexes (holes where one failed), so positions stay right.
 */
export function salvageFields<S extends z.ZodObject>(schema: S, value: unknown): Partial<z.output<S>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const raw = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!Object.hasOwn(raw, key)) continue;
    const whole = field.safeParse(raw[key]);
    if (whole.success) {
      kept[key] = whole.data;
      continue;
    }
    const element = listElement(field);
    const list = raw[key];
    if (!element || !Array.isArray(list)) continue;
    const entries: unknown[] = new Array(list.length);
    list.forEach((entry, i) => {
      const one = element.safeParse(entry);
      if (one.success) entries[i] = one.data;
    });
    kept[key] = entries;
  }
  return kept as Partial<z.output<S>>;
}

function listElement(schema: z.ZodType): z.ZodType | undefined {
  let def = schema._zod.def as { type?: string; innerType?: z.ZodType; element?: z.ZodType };
  while (def.type === 'optional' || def.type === 'default') def = def.innerType!._zod.def as typeof def;
  return def.type === 'array' ? def.element : undefined;
}

const pathKey = (path: ReadonlyArray<PropertyKey>): string => JSON.stringify(path.filter((p) => typeof p !== 'symbol'));

/** Paths of required fields that are missing because an unknown field beside them is their misspelling. */
function misspeltRequired(schema: AnySchema, root: unknown, issues: readonly Issue[]): Set<string> {
  const found = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const allowed = allowedKeys(schema, root, path);
    const present = valueAt(root, path);
    for (const key of issue.keys) {
      const guess = closeKey(key, allowed);
      if (guess !== undefined && present !== null && typeof present === 'object' && !Object.hasOwn(present, guess))
        found.add(pathKey([...path, guess]));
    }
  }
  return found;
}

const closeKey = (key: string, allowed: readonly string[]): string | undefined => didYouMean(key, allowed);

function reportIssue(
  schema: AnySchema,
  root: unknown,
  issue: Issue,
  source: SourceRef,
  base: DocPath,
  out: SchemaFinding[],
): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const full = [...base, ...path];
  const name = describePath(path);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schema, root, path);
    for (const key of issue.keys) {
      const guess = closeKey(key, allowed);
      const hint =
        guess !== undefined
          ? `did you mean "${guess}"?`
          : allowed.length > 0
            ? `the fields allowed here are ${allowed.join(', ')}`
            : 'remove it';
      out.push({
        problem: 'unknown-field',
        source,
        path: [...full, key],
        part: 'key',
        message: `unknown field "${key}": ${hint}`,
        expected: guess !== undefined ? [guess] : allowed,
      });
    }
    return;
  }

  const parent = valueAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  // Zod reports a missing enum or literal as a bad value; to the coordinator it is missing.
  if (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'invalid_union') &&
    typeof last === 'string' &&
    parent !== null &&
    typeof parent === 'object' &&
    !Array.isArray(parent) &&
    !(last in parent)
  ) {
    out.push({
      problem: 'missing-field',
      source,
      path: full,
      part: 'value',
      message: `required field "${last}" is missing${where(path.slice(0, -1))}`,
    });
    return;
  }

  const problem: SchemaProblem = issue.code === 'invalid_format' && issue.format === 'date' ? 'invalid-date' : 'schema';
  const message = messageOf(issue);
  // A message that quotes the value already names it: `date: "2025-02-30" is not a calendar date`.
  const text = !name
    ? capitalise(message)
    : message.startsWith('"')
      ? `${name.replace(/^"|"$/g, '')}: ${message}`
      : `${name} ${lowerFirst(message)}`;
  out.push({ problem, source, path: full, part: 'value', message: text });
}

function messageOf(issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array')
        return `must have at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'entry' : 'entries'}`;
      return issue.message.startsWith('Too small') ? `must be at least ${String(issue.minimum)}` : issue.message;
    case 'invalid_type':
      return issue.message.startsWith('Invalid input') ? `must be ${article(issue.expected)}` : issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const words: Record<string, string> = {
    array: 'a list',
    object: 'a group of fields',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
  };
  return words[expected] ?? expected;
}

/** `"count" (guests, entry 2)` — names what the coordinator wrote, not a JSON pointer. */
function describePath(path: ReadonlyArray<string | number>): string {
  if (path.length === 0) return '';
  const last = path[path.length - 1]!;
  if (typeof last === 'number') {
    const list = path[path.length - 2];
    return list === undefined ? `entry ${last + 1}` : `entry ${last + 1} of "${String(list)}"`;
  }
  return `"${last}"`;
}

function where(path: ReadonlyArray<string | number>): string {
  const d = describePath(path);
  return d ? ` in ${d}` : '';
}

function lowerFirst(s: string): string {
  return s.startsWith('"') ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** The field names an object schema accepts at a path, to suggest the right one for a typo. */
function allowedKeys(schema: AnySchema, root: unknown, path: ReadonlyArray<string | number>): string[] {
  let s: AnySchema | undefined = schema;
  let v: unknown = root;
  for (const step of path) {
    s = resolveVariant(s, v);
    const def = (s?._zod.def ?? {}) as {
      type?: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    if (def.type === 'object' && typeof step === 'string') s = def.shape?.[step];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return [];
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[step] : undefined;
  }
  s = resolveVariant(s, v);
  const def = s?._zod.def as { type?: string; shape?: Record<string, AnySchema> } | undefined;
  return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** Looks through optional wrappers and picks the union member that matches the value's discriminator. */
function resolveVariant(schema: AnySchema | undefined, value: unknown): AnySchema | undefined {
  let s = schema;
  for (;;) {
    const def = s?._zod.def as
      | { type?: string; innerType?: AnySchema; options?: AnySchema[]; discriminator?: string }
      | undefined;
    if (!def) return s;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      s = def.innerType;
      continue;
    }
    if (def.type === 'union' && def.options) {
      const key = def.discriminator;
      const tag = key && value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const match = def.options.find((o) => {
        const shape = (o._zod.def as { shape?: Record<string, AnySchema> }).shape;
        const lit = key ? (shape?.[key]?._zod.def as { values?: unknown[] } | undefined)?.values : undefined;
        return lit ? lit.includes(tag) : false;
      });
      s = match ?? def.options[0];
      continue;
    }
    return s;
  }
}
