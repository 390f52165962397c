import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Element {
  type: string;
  id?: string;
  attributes: { label: string; options?: string[]; multiple?: boolean };
}

/** An answer by field id: text as typed, a dropdown's chosen options (by their label), or nothing. */
export type Filled = Record<string, string | string[] | undefined>;

/**
 * The issue body GitHub renders from a submitted form, as it does: each field's label as a
 * `###` heading, a blank line, the answer; `_No response_` for an empty field; a multiple
 * dropdown's choices joined by ", ". Read from the form file the build wrote, as GitHub reads it.
 * Choices must be options of the form: a test cannot choose what GitHub would not offer.
 */
export async function submittedBody(root: string, form: string, filled: Filled): Promise<string> {
  const { body } = parse(await readFile(join(root, '.github/ISSUE_TEMPLATE', `${form}.yml`), 'utf8'), {
    version: '1.1',
  }) as { body: Element[] };
  const unknown = Object.keys(filled).filter((id) => !body.some((b) => b.id === id));
  if (unknown.length > 0) throw new Error(`the form ${form} has no field ${unknown.join(', ')}`);
  return body
    .filter((b) => b.type !== 'markdown')
    .map((b) => {
      const answer = filled[b.id!];
      if (Array.isArray(answer)) {
        const missing = answer.filter((a) => !b.attributes.options?.includes(a));
        if (missing.length > 0) throw new Error(`${b.id}: ${missing.join(', ')} is not an option of the form`);
      }
      const text =
        answer === undefined || answer.length === 0
          ? '_No response_'
          : Array.isArray(answer)
            ? answer.join(', ')
            : answer;
      return `### ${b.attributes.label}\n\n${text}`;
    })
    .join('\n\n');
}

/** The option of a form field that ends with `(id)`. */
export async function optionFor(root: string, form: string, field: string, id: string): Promise<string> {
  const { body } = parse(await readFile(join(root, '.github/ISSUE_TEMPLATE', `${form}.yml`), 'utf8'), {
    version: '1.1',
  }) as { body: Element[] };
  const option = body.find((b) => b.id === field)?.attributes.options?.find((o) => o.endsWith(`(${id})`));
  if (!option) throw new Error(`${form}: ${field} has no option for ${id}`);
  return option;
}
