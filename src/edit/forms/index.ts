import { Document } from 'yaml';
import type { Lookup } from '../../model/lookup.js';
import addMember from './add-member.js';
import { headingsFound } from './body.js';
import { type FormContent, FORMS_FOLDER, formFile, formYaml, type IssueForm } from './form.js';
import meetingsReturn from './meetings-return.js';
import recognitionProgress from './recognition-progress.js';
import recordSession from './record-session.js';

export type { FormProblem, FormRecord, IssueForm } from './form.js';
export { readAnswers } from './body.js';

/** Every issue form, in the order the template chooser offers them. To add one: its file, and one entry here. */
const FORMS: readonly IssueForm[] = [recordSession, addMember, meetingsReturn, recognitionProgress];

const CONFIG = `${FORMS_FOLDER}/config.yml`;

/** The forms by their titles, as a message names them: `"Record a session", "Add a member"`. */
export const FORM_TITLES: string = FORMS.map((f) => `"${f.title}"`).join(', ');

/**
 * What the workflow that records from an issue recognises a form's issue by: its label, and the heading its body starts
 * with.
 */
export function formSignatures(lookup: Lookup): Array<{ label: string; firstHeading: string }> {
  return FORMS.map((f) => ({ label: f.name, firstHeading: `### ${f.content(lookup).fields[0]!.label}` }));
}

/** Each form as the build writes it for this community, and the chooser's config, by root-relative path. */
export function formFiles(lookup: Lookup): Map<string, string> {
  const files = new Map<string, string>();
  for (const form of FORMS) files.set(formFile(form), formYaml(form, form.content(lookup)));
  // Blank issues stay possible, below the forms, for anything else about the records.
  const config = new Document({ blank_issues_enabled: true }, { version: '1.1' });
  config.commentBefore = ' Written by "npm run build": the forms above are offered first, a blank issue last.';
  files.set(CONFIG, config.toString());
  return files;
}

/**
 * The form an issue body was rendered from: the one with the most of its headings there,
 * at least two of them (a body that merely mentions a "### Date" is not a form).
 */
export function recogniseForm(body: string, lookup: Lookup): { form: IssueForm; content: FormContent } | undefined {
  let best: { form: IssueForm; content: FormContent; found: number } | undefined;
  for (const form of FORMS) {
    const content = form.content(lookup);
    const found = headingsFound(body, content);
    if (found >= 2 && (!best || found > best.found)) best = { form, content, found };
  }
  return best;
}
