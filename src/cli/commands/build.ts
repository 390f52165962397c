import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { listFiles } from '../../load/files.js';
import { join } from 'node:path';
import { renderReports } from '../../reports/build.js';
import { threadedRenderer } from '../chart-thread.js';
import { existing, generatedFiles, MANIFEST, manifestText, previouslyGenerated } from '../generated.js';
import { EDITOR_SETTINGS, withSchemaMapping } from '../../edit/editor-settings.js';
import { generatedDocs } from '../../docs/index.js';
import { formFiles } from '../../edit/forms/index.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { changeSince, editedByHand, mustHoldReports, type ChangeScope } from '../../review/scope.js';
import { defineCommand } from '../command.js';
import { type CommandIO, UsageError } from '../io.js';
import { buildJournal, leftovers, removeLeftovers, withBuildLock, writeAll } from '../write-file.js';
import { lstat } from 'node:fs/promises';
import { validOrTold } from './load-valid.js';
import { checkRepository, loadRepository, readCleanly } from '../../pipeline/index.js';
import { plural } from '../../format/numbers.js';

export default defineCommand({
  name: 'build',
  summary: 'regenerate reports/ from the records',
  options: {
    check: {
      type: 'boolean',
      default: false,
      description: 'write nothing; exit 1 when reports/ is not what a build writes',
    },
    base: {
      type: 'string',
      value: '<commit>',
      description: 'with --check: compare only when the change since that commit can make reports/ stale',
    },
  },
  async run({ options: opts, root, io }) {
    if (opts.base !== undefined && !opts.check)
      throw new UsageError('--base goes with --check: build --check --base <commit>');
    const scope = opts.base === undefined ? undefined : await scopeSince(root, opts.base, io);
    if (scope && !mustHoldReports(scope)) {
      io.err(
        `No toolchain or report file changed since ${opts.base}: reports/ is not compared here (it is rebuilt ` +
          `from the records when the change is merged).`,
      );
      return 0;
    }
    // Started first, so that the charts' thread loads Vega while the records are read.
    const charts = threadedRenderer();
    const loaded = await loadRepository(root);
    // Records that read and type cleanly are almost always valid: their reports are written before the rules run, so
    // that the charts' thread draws while they do. Nothing is written unless the rules then find no error; figures
    // from invalid data are thrown away (or, if they cannot be made, made again once the data is valid).
    const early = readCleanly(loaded) ? renderReports(loaded.lookup, charts).catch(() => undefined) : undefined;
    const valid = validOrTold(await checkRepository(loaded), io);
    if (!valid) {
      await charts?.close();
      io.err('Nothing was written to reports/.');
      return 1;
    }
    const warnings = valid.diagnostics.filter((d) => d.severity === 'warning');
    if (warnings.length > 0) io.err(formatText(asShown(warnings, io)));

    // What renderReports waits for, once the reports' text is written, is the charts' thread, while this one makes
    // the docs and forms.
    const rendering = (early ?? Promise.resolve(undefined))
      .then((files) => files ?? renderReports(valid.lookup, charts))
      .finally(() => charts?.close());
    rendering.catch(() => undefined);
    const docsAndForms = [...generatedDocs(), ...formFiles(valid.lookup)];
    const settings = withSchemaMapping(await readFile(join(root, EDITOR_SETTINGS), 'utf8').catch(() => undefined));
    // What the last build wrote, read meanwhile too, to be compared with what this one writes.
    const before = await previouslyGenerated(root);
    const reading = readAll(root, before);
    const files = await rendering;
    for (const [path, text] of docsAndForms) files.set(path, text);
    if (settings.ok) files.set(EDITOR_SETTINGS, settings.text);
    else io.err(`warning: ${settings.message}`);
    files.set(MANIFEST, manifestText(files.keys()));
    // What the last build wrote and this one does not is the build's to remove; nothing else is.
    const obsolete = await existing(
      root,
      [...before].filter((f) => !files.has(f)),
    );
    // reports/ is published as a whole: a file no build writes there (the full metrics saved by hand) must not be.
    const foreign = (await listFiles(root, 'reports')).files.filter((f) => !files.has(f) && !before.has(f));
    const foreignMessage = (f: string) =>
      `${f}: reports/ holds only what the build writes, and no build writes this file: move it out of reports/ ` +
      `(or delete it), so that it is never published`;
    const changed: string[] = [];
    const read = await reading;
    for (const [path, content] of files) {
      const current = read.has(path)
        ? read.get(path)
        : fingerprint(await readFile(join(root, path)).catch(() => undefined));
      if (current !== fingerprint(content)) changed.push(path);
    }

    if (opts.check) {
      // A change that leaves the toolchain alone is held only to the reports it edits itself.
      const byHand = scope ? new Set(editedByHand(scope)) : new Set<string>();
      const left = await leftovers(root);
      for (const f of left)
        io.err(
          `${f}: a temporary file an interrupted run left behind: run "npm run build" (it removes it), and never ` +
            `commit it`,
        );
      if (await interrupted(root)) {
        left.push(buildJournal(root));
        io.err(
          'reports/ is part old and part new: a build was interrupted while it renamed its files. Run "npm run ' +
            'build" (it finishes them)',
        );
      }
      const stale = [...changed, ...obsolete].filter((f) => byHand.size === 0 || byHand.has(f));
      for (const f of foreign) io.err(foreignMessage(f));
      if ((left.length > 0 || foreign.length > 0) && stale.length === 0) return 1;
      if (stale.length === 0) {
        io.err(
          `reports/ is up to date (${plural(files.size, 'file')}, the editor schemas, generated docs and issue ` +
            `forms included).`,
        );
        return 0;
      }
      for (const f of stale) {
        if (byHand.has(f))
          io.err(
            `${f}: this file is generated by the toolchain, and the change edits it by hand. Undo the edit: the ` +
              `reports are rebuilt from the records when the change is merged (to change what a report says, ` +
              `change the records).`,
          );
        else io.err(`${f}: ${changed.includes(f) ? 'differs from what a build writes' : 'a build would remove it'}`);
      }
      if (byHand.size === 0) io.err('reports/ is out of date: run "npm run build" and commit the result.');
      return 1;
    }

    const written = await withBuildLock(
      root,
      async () => {
        await removeLeftovers(root);
        // What was compared before the lock may have been changed by the build that held it: compared again.
        const now: string[] = [];
        for (const path of changed)
          if ((await readFile(join(root, path), 'utf8').catch(() => undefined)) !== files.get(path)) now.push(path);
        changed.splice(0, changed.length, ...now);
        await writeAll(
          new Map(changed.map((path) => [join(root, path), files.get(path)!])),
          obsolete.map((path) => join(root, path)),
          buildJournal(root),
        );
      },
      (pid) => io.err(waitingFor(pid)),
    );
    for (const f of foreign) io.err(`warning: ${foreignMessage(f)}`);
    if (written === 'locked') {
      io.err(
        "Another build has been writing this repository's reports for two minutes (see .cop-build.lock): nothing " +
          'was written. Run the build again when it has finished; if no build is running, delete .cop-build.lock.',
      );
      return 1;
    }
    io.err(
      `reports/: ${changed.length} written, ${obsolete.length} removed, ${files.size - changed.length} unchanged ` +
        `(the editor schemas, generated docs and issue forms included).`,
    );
    return 0;
  },
});

/** What changed since `base`; undefined (so everything is compared) when git cannot tell. */
async function scopeSince(root: string, base: string, io: CommandIO): Promise<ChangeScope | undefined> {
  const scope = await changeSince(root, base, await generatedFiles(root));
  if (!scope) io.err(`Could not list the files changed since "${base}": reports/ is compared in full.`);
  return scope;
}

const interrupted = (root: string) =>
  lstat(buildJournal(root)).then(
    () => true,
    () => false,
  );

const waitingFor = (pid: number) =>
  `Another build (process ${pid}) is writing this repository's reports: waiting for it to finish…`;

/** A file's bytes as a digest, or undefined where there is no file: what a build compares, without holding them. */
const fingerprint = (bytes: Buffer | string | undefined): string | undefined =>
  bytes === undefined ? undefined : createHash('sha256').update(bytes).digest('base64');

/** The fingerprint of each file: read together, a few at a time. */
async function readAll(root: string, paths: Iterable<string>): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.pop(); path !== undefined; path = queue.pop())
      out.set(path, fingerprint(await readFile(join(root, path)).catch(() => undefined)));
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return out;
}
