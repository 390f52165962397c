import { Document } from 'yaml';
import type { Lookup } from '../../model/lookup.js';

/** A dropdown choice: the text the form shows, and the id it stands for. */
export interface Choice {
  label: string;
  id: string;
}

interface FieldBase {
  /** The field's id in the form file, as the data model names it. */
  id: string;
  /** The heading GitHub writes above the answer in the issue body. */
  label: string;
  description: string;
  required: boolean;
}

export type Field =
  | (FieldBase & { kind: 'input'; placeholder?: string })
  | (FieldBase & { kind: 'textarea'; placeholder?: string })
  | (FieldBase & { kind: 'dropdown'; multiple: boolean; options: Choice[]; default?: number });

/** A form's fields for one community, with the text shown above them. */
export interface FormContent {
  intro: string;
  fields: Field[];
}

/**
 * The answers of a submitted form, by field id: the text under its heading, or undefined
 * for `_No response_`. A field whose heading the body no longer has is not in the map:
 * that it is missing was said once already.
 */
export type Answers = ReadonlyMap<string, string | undefined>;

/** A problem with an answer, in the form's terms: the field's label starts the message. */
export interface FormProblem {
  field: string;
  severity: 'error' | 'warning';
  message: string;
}

/** A record made from a form: the file written and its full new text. */
export interface FormRecord {
  /** Made from answers some of which are wrong: validated, so that every problem is told at once, and never written. */
  draft?: boolean;
  file: string;
  /** A new file (minutes), rather than an edit of one (the roster). */
  creates: boolean;
  /** For an edit: the text it was made from, which must still be the file's when it is written. */
  basis?: string;
  text: string;
  /** What was recorded, in a sentence for the pull request and the command's output. */
  summary: string;
  /** The pull request's title. */
  title: string;
  /** The field each line of `text` (1-based) was written from, to put the validator's findings in the form's terms. */
  lineFields: ReadonlyMap<number, LineField>;
}

/** The field a line of a record was written from, and its line in the answer when the answer was copied as written. */
export interface LineField {
  field: string;
  answerLine?: number;
}

interface RecordInput {
  answers: Answers;
  lookup: Lookup;
  /** Reads a record file of the repository as text; undefined when it does not exist. */
  read(file: string): Promise<string | undefined>;
}

/**
 * An issue form generated from the data: one file each, listed once in `index.ts`, as a
 * rule or a report section is. It knows the file it is written to, its fields for a
 * community, and how its answers become a record.
 */
export interface IssueForm {
  /** Its file name under `.github/ISSUE_TEMPLATE/`, without `.yml`; also its label. */
  name: string;
  title: string;
  description: string;
  /** The issue title the form starts with. */
  issueTitle: string;
  content(lookup: Lookup): FormContent;
  toRecord(input: RecordInput, content: FormContent): Promise<{ record?: FormRecord; problems: FormProblem[] }>;
}

export const defineForm = (form: IssueForm): IssueForm => form;

export const FORMS_FOLDER = '.github/ISSUE_TEMPLATE';

export const formFile = (form: IssueForm): string => `${FORMS_FOLDER}/${form.name}.yml`;

/**
 * The form as GitHub's issue-form YAML. Written as YAML 1.1 so that a value GitHub's reader
 * would take for a boolean ("yes", "on") is quoted; no line is folded.
 */
export function formYaml(form: IssueForm, content: FormContent): string {
  const body = [
    { type: 'markdown', attributes: { value: `${content.intro.trim()}\n` } },
    ...content.fields.map((f) => ({
      type: f.kind,
      id: f.id,
      attributes: {
        label: f.label,
        description: f.description,
        ...(f.kind === 'dropdown'
          ? {
              multiple: f.multiple,
              options: f.options.map((o) => o.label),
              ...(f.default === undefined ? {} : { default: f.default }),
            }
          : f.placeholder === undefined
            ? {}
            : { placeholder: f.placeholder }),
      },
      validations: { required: f.required },
    })),
  ];
  const doc = new Document(
    { name: form.title, description: form.description, title: form.issueTitle, labels: [form.name], body },
    { version: '1.1' },
  );
  doc.commentBefore =
    ' Written by "npm run build" from data/: change the records, not this file (the build writes it again).';
  return doc.toString({ lineWidth: 0 });
}

/**
 * A dropdown of the community's own choices (its units, themes, pathway stages); while its records list none, a field
 * to write the ids in, saying where to add them. A form never offers an empty list.
 */
export function choicesOr(
  dropdown: FieldBase & { multiple: boolean; options: Choice[] },
  none: { kind: 'input' | 'textarea'; description: string },
): Field {
  if (dropdown.options.length > 0) return { kind: 'dropdown', ...dropdown };
  const { id, label, required } = dropdown;
  return { kind: none.kind, id, label, description: none.description, required };
}

/** The option of a person, unit or theme: `Display name (id)`. */
export const choice = (label: string, id: string): Choice => ({ label: `${label} (${id})`, id });

/** `base`, or `base-2`, `base-3`… the first that is not taken. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
