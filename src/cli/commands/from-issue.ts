import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FORM_TITLES, type FormProblem, type FormRecord, readAnswers, recogniseForm } from '../../edit/forms/index.js';
import { readTextFile } from '../../load/text-file.js';
import { printable } from '../../format/printable.js';
import { validateRepository } from '../../pipeline/index.js';
import { forPlacesThatKeep, toldAt } from '../../rules/diagnostic.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';

/** A finding without its place: the repository's own findings (lines may move) are not the new record's. */
const keyOf = (d: { file: string; rule: string; message: string }) => `${d.file}\0${d.rule}\0${d.message}`;

interface Outcome {
  ok: boolean;
  form?: string;
  issue?: number;
  file?: string;
  title?: string;
  summary?: string;
  problems: FormProblem[];
}

export default defineCommand({
  name: 'from-issue',
  summary: 'record a session or a new member from the body of an issue filled in with a form',
  options: {
    'body-file': {
      type: 'string',
      value: '<file>',
      required: true,
      description: 'the issue body GitHub rendered from the form, saved to a file',
    },
    issue: { type: 'string', value: '<number>', description: 'the issue it came from, for the messages' },
    format: {
      type: 'string',
      choices: ['text', 'json'],
      default: 'text',
      description: 'messages for people, or one JSON object for a workflow',
    },
  },
  notes:
    `Reads a form (${FORM_TITLES}) as GitHub renders it, writes the minutes file or the roster entry it ` +
    `describes, validates the repository with it, and prints the path written. When an answer is wrong it prints ` +
    `every problem by the form field's name, writes nothing and exits 1. An existing file is never overwritten.`,
  async run({ options: opts, root, io }) {
    if (opts.issue !== undefined && !/^[1-9]\d*$/.test(opts.issue))
      throw new UsageError(`--issue must be an issue number, not "${opts.issue}"`);
    const issue = opts.issue === undefined ? undefined : Number(opts.issue);
    const source = await readTextFile(resolve(io.cwd, opts['body-file'])).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(
        `--body-file ${opts['body-file']}: ` +
          `${e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code ?? e.message})`}`,
      );
    });
    if (!source.ok)
      throw new UsageError(
        `--body-file ${opts['body-file']}: ` +
          (source.problem === 'empty' ? 'the issue body is empty, so it is not one of the forms' : 'is not UTF-8 text'),
      );
    const body = source.text;

    const report = (outcome: Outcome): number => {
      const full = { ...outcome, ...(issue !== undefined ? { issue } : {}) };
      if (opts.format === 'json') io.out(JSON.stringify(full, null, 2));
      else {
        for (const p of outcome.problems) io.err(`${p.severity}: ${printable(p.message)}`);
        if (outcome.ok) io.out(outcome.file!);
        if (outcome.ok)
          io.err(
            `${outcome.summary} Written to ${outcome.file}${issue !== undefined ? `, from issue #${issue}` : ''}.`,
          );
        else if (outcome.problems.some((p) => p.severity === 'error'))
          io.err('Nothing was written: correct the answers (edit the issue) and run again.');
      }
      return outcome.ok ? 0 : 1;
    };

    const before = await validateRepository(root);
    const recognised = recogniseForm(body, before.lookup);
    if (!recognised) {
      const message =
        `the body is not one of the forms (${FORM_TITLES}): it has too few of their "### " ` +
        `headings. Open the issue from Issues → New issue and choose a form`;
      if (opts.format === 'json') {
        io.out(
          JSON.stringify(
            {
              ok: false,
              ...(issue !== undefined ? { issue } : {}),
              problems: [{ field: '', severity: 'error', message }],
            },
            null,
            2,
          ),
        );
        return 2;
      }
      throw new UsageError(message);
    }
    const { form, content } = recognised;
    const { answers, problems } = readAnswers(body, content);
    // Only a file that is not there is absent: one that cannot be read must not look free to write.
    const read = (file: string): Promise<string | undefined> =>
      readFile(join(root, file), 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return undefined;
        throw new UsageError(`${file} cannot be read (${e.code ?? e.message}): nothing was written`);
      });
    const made = await form.toRecord({ answers, lookup: before.lookup, read }, content);
    const all = [...problems, ...made.problems];
    if (!made.record) return report({ ok: false, form: form.name, problems: all });

    const record = made.record;
    const after = await validateRepository(root, { [record.file]: record.text });
    const known = new Set(before.diagnostics.map(keyOf));
    // Published as an issue comment: each finding in the words that may be kept, and at its
    // place in the form, not in a file the coordinator has not seen.
    for (const d of forPlacesThatKeep(after.diagnostics.filter((d) => !known.has(keyOf(d))))) {
      if (record.draft) {
        // A draft holds only the answers that were right: a finding at one of their lines is news; one elsewhere
        // (a field left out of the draft, its path) follows from what the form already said.
        const field = d.file === record.file ? record.lineFields.get(d.line)?.field : undefined;
        if (field === undefined || d.rule === 'missing-field') continue;
      }
      if (d.file !== record.file) {
        all.push({
          field: form.title,
          severity: d.severity,
          message: `${form.title}: ${d.message} (${d.file}, line ${d.line})`,
        });
        continue;
      }
      const at = record.lineFields.get(d.line);
      const label = content.fields.find((f) => f.id === at?.field)?.label ?? form.title;
      // Personal data is told by its kind and its place in the answer, as the form has it.
      const place = at?.answerLine === undefined ? 'in the answer' : `in line ${at.answerLine} of the answer`;
      all.push({
        field: label,
        severity: d.severity,
        message: `${label}: ${d.personal ? toldAt(d.personal, place) : d.message}`,
      });
    }
    if (record.draft || all.some((p) => p.severity === 'error'))
      return report({ ok: false, form: form.name, problems: all });

    // Checked once more at the last moment: what someone wrote meanwhile is never written over.
    const now = await read(record.file);
    if (record.creates ? now !== undefined : now !== record.basis) {
      return report({
        ok: false,
        form: form.name,
        problems: [
          ...all,
          {
            field: form.title,
            severity: 'error',
            message:
              `${form.title}: ${record.file} changed while the form was read, and is never written over: ` +
              `edit the issue (or run the command) again`,
          },
        ],
      });
    }
    await removeLeftovers(root);
    await writeAtomically(join(root, record.file), record.text);
    return report(success(form.name, record, all));
  },
});

const success = (form: string, record: FormRecord, problems: FormProblem[]): Outcome => ({
  ok: true,
  form,
  file: record.file,
  title: record.title,
  summary: record.summary,
  problems,
});
