import type { Answers, Choice, Field, FormContent, FormProblem } from './form.js';

/** What GitHub writes for a field left empty; "None" is what an optional dropdown offers for no choice. */
const NO_RESPONSE = new Set(['_no response_', 'none']);

const HEADING = /^###[ \t]+(.*?)[ \t]*$/;

/**
 * How many of the form's headings a body has: the body of a submitted form has all of
 * them, in order; one edited by hand may have lost some or moved them.
 */
export function headingsFound(body: string, content: FormContent): number {
  const labels = new Set(content.fields.map((f) => normalLabel(f.label)));
  const seen = new Set<string>();
  for (const line of lines(body)) {
    const h = HEADING.exec(line);
    if (h && labels.has(normalLabel(h[1]!))) seen.add(normalLabel(h[1]!));
  }
  return seen.size;
}

/**
 * The answers of an issue body GitHub rendered from a form: `### <label>`, a blank line,
 * the answer, for each field. Only the form's own labels start a field, so a `###` line
 * inside an answer stays part of it; headings may come in any order. A field whose heading
 * is missing is a problem (an error when the field is required).
 */
export function readAnswers(body: string, content: FormContent): { answers: Answers; problems: FormProblem[] } {
  const byLabel = new Map(content.fields.map((f) => [normalLabel(f.label), f] as const));
  const texts = new Map<string, string[]>();
  const problems: FormProblem[] = [];
  let current: string[] | undefined;
  for (const line of lines(body)) {
    const h = HEADING.exec(line);
    const field = h ? byLabel.get(normalLabel(h[1]!)) : undefined;
    if (field) {
      if (texts.has(field.id)) {
        problems.push({
          field: field.label,
          severity: 'error',
          message:
            `${field.label}: the issue has this field twice: keep one "### ${field.label}" heading and its ` + `answer`,
        });
      }
      current = [];
      texts.set(field.id, current);
    } else current?.push(line);
  }
  const answers = new Map<string, string | undefined>();
  for (const field of content.fields) {
    const text = texts.get(field.id);
    if (text === undefined) {
      problems.push({
        field: field.label,
        severity: field.required ? 'error' : 'warning',
        message: field.required
          ? `${field.label}: the issue has no "### ${field.label}" heading (it was removed when the issue was ` +
            `edited): add the heading back, a blank line, then the answer`
          : `${field.label}: the issue has no "### ${field.label}" heading, so the field was taken as not answered`,
      });
      continue;
    }
    const answer = trimBlankLines(text);
    answers.set(field.id, NO_RESPONSE.has(answer.trim().toLowerCase()) ? undefined : answer);
  }
  return { answers, problems };
}

/**
 * A multiple dropdown's answer as the choices it names. GitHub joins choices with ", ",
 * and a choice may itself hold ", " ("Department of Philosophy, Logic and Scientific
 * Method"), so the answer is matched against the form's options, longest first, and split
 * only where no option continues. Text that matches no option comes back as itself. A body
 * edited by hand may put one choice a line: lines are read one by one.
 */
export function splitChoices(answer: string, options: readonly Choice[]): string[] {
  const longestFirst = [...options].sort((a, b) => b.label.length - a.label.length);
  const out: string[] = [];
  for (const raw of answer.split('\n')) {
    const line = stripBullet(raw.trim());
    let at = 0;
    while (at < line.length) {
      const rest = line.slice(at);
      const option = longestFirst.find(
        (o) => rest.startsWith(o.label) && (rest.length === o.label.length || /^,\s*/.test(rest.slice(o.label.length))),
      );
      const end = option ? option.label.length : unknownEnd(rest);
      const text = rest.slice(0, end).trim();
      if (text !== '') out.push(text);
      at += end + (/^,\s*/.exec(rest.slice(end))?.[0].length ?? 0);
    }
  }
  return out;
}

/**
 * Where text that is no option ends: at the next ", ", so that every entry typed by hand is
 * read on its own ("Member 03, Member 01 (m01)" is two entries, never one read as m01).
 */
function unknownEnd(rest: string): number {
  const comma = rest.indexOf(',');
  return comma === -1 ? rest.length : comma;
}

/** The `id` of a choice written `Display name (id)`, as every option of a person, unit or theme is. */
export const idInParens = (text: string): string | undefined => /\(([^()]+)\)\s*$/.exec(text)?.[1]?.trim();

/**
 * The id a choice stands for: the option itself, `anything (id)` for an option whose name
 * has changed since the form was written, or a bare id. Undefined when it names none of `ids`.
 */
export function choiceId(text: string, options: readonly Choice[], ids: ReadonlySet<string>): string | undefined {
  const t = text.trim();
  const exact = options.find((o) => o.label === t);
  if (exact) return exact.id;
  const inParens = idInParens(t);
  if (inParens !== undefined && ids.has(inParens)) return inParens;
  return ids.has(t) ? t : undefined;
}

/** A choice as a message may show it: the id of `Name (id)`, never the name, which GitHub would keep in a comment. */
export function shownChoice(text: string): string {
  const id = idInParens(text);
  return id === undefined ? `"${text}"` : `"… (${id})"`;
}

/** The entries of a textarea written one a line: blank lines dropped, a list bullet or an empty checkbox taken off. */
export function entryLines(answer: string | undefined): Array<{ text: string; checked: boolean }> {
  if (answer === undefined) return [];
  return answer
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const box = /^[-*+][ \t]+\[([ xX])\][ \t]+/.exec(l);
      if (box) return { text: l.slice(box[0].length).trim(), checked: box[1] !== ' ' };
      return { text: stripBullet(l), checked: false };
    })
    .filter((e) => e.text !== '');
}

const stripBullet = (line: string): string => line.replace(/^(?:[-*+]|\d+[.)])[ \t]+/, '').trim();

/** Lines without their ends: GitHub keeps the `\r\n` a browser sends. */
const lines = (text: string): string[] => text.replace(/\r\n?/g, '\n').split('\n');

const normalLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

function trimBlankLines(text: readonly string[]): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start]!.trim() === '') start++;
  while (end > start && text[end - 1]!.trim() === '') end--;
  return text.slice(start, end).join('\n');
}

/** A field by id, for a form's own code: it knows its fields. */
export function fieldOf(content: FormContent, id: string): Field {
  const field = content.fields.find((f) => f.id === id);
  if (!field) throw new Error(`the form has no field "${id}"`);
  return field;
}

/**
 * A form's problems, and how to add one: the field's label starts each message. A field
 * whose heading is missing was reported as missing already, and gets nothing more.
 */
export function fieldProblems(answers: Answers, content: FormContent) {
  const problems: FormProblem[] = [];
  const add = (severity: FormProblem['severity']) => (id: string, message: string) => {
    if (!answers.has(id)) return;
    const label = fieldOf(content, id).label;
    problems.push({ field: label, severity, message: `${label}: ${message}` });
  };
  return { problems, error: add('error'), warning: add('warning') };
}
