import { mkdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { filesWithBytes } from '../../load/files.js';
import { dirname, join } from 'node:path';
import {
  newCommunityFiles,
  RECORD_FOLDERS,
  SAMPLE_MANIFEST,
  type SampleManifest,
  sampleDifferences,
} from '../../edit/new-community.js';
import { isMonthDay } from '../../model/dates.js';
import { TimeZone } from '../../model/fields.js';
import { validateRepository } from '../../pipeline/index.js';
import { defineCommand } from '../command.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { UsageError } from '../io.js';
import { removeLeftovers, writeAtomically } from '../write-file.js';
import build from './build.js';

export default defineCommand({
  name: 'init',
  summary: "start a new, empty community (or replace this template's unchanged sample)",
  options: {
    name: {
      type: 'string',
      value: '<text>',
      required: true,
      description: "the community's name, as its reports are titled",
    },
    institution: { type: 'string', value: '<text>', required: true, description: 'the institution it belongs to' },
    'year-start': {
      type: 'string',
      value: '<MM-DD>',
      default: '08-01',
      description: 'the first day of the academic year',
    },
    'time-zone': {
      type: 'string',
      value: '<Area/City>',
      description: 'where session times are local, for the calendar (for example Europe/London)',
    },
    'replace-sample': {
      type: 'boolean',
      default: false,
      description: "replace this template's sample records, if they are unchanged",
    },
  },
  createsRoot: true,
  notes:
    'Writes data/community.json, an empty data/units.json and data/members.json, empty minutes/ and surveys/ ' +
    'folders, and what a build writes for an empty community (its reports, and the issue forms under ' +
    '.github/ISSUE_TEMPLATE/). It touches no other file.',
  async run({ options: opts, root, io }) {
    const name = opts.name.trim();
    const institution = opts.institution.trim();
    if (name === '' || institution === '') throw new UsageError('--name and --institution must not be empty');
    // Names are written on one line everywhere they go (the calendar's name, a report's title).
    if (/[\r\n\u0085\u2028\u2029]/.test(`${name}${institution}`))
      throw new UsageError('--name and --institution are written on one line: remove the line breaks');
    if (!isMonthDay(opts['year-start']))
      throw new UsageError(
        `--year-start must be a month and day written MM-DD, for example 09-01, not "${opts['year-start']}"`,
      );
    const zone = opts['time-zone'];
    if (zone !== undefined) {
      const checked = TimeZone.safeParse(zone);
      if (!checked.success)
        throw new UsageError(`--time-zone: ${checked.error.issues[0]?.message ?? 'not a time-zone name'}`);
    }

    const existing = await filesWithBytes(root, RECORD_FOLDERS);
    const present = RECORD_FOLDERS.filter(
      (f) => [...existing.keys()].some((p) => p.startsWith(`${f}/`)) || existing.has(f),
    );
    if (present.length > 0 || (await isDirectoryWithin(root, RECORD_FOLDERS))) {
      if (!opts['replace-sample']) {
        io.err(
          `${root} already holds records (${RECORD_FOLDERS.map((f) => `${f}/`).join(', ')}): nothing was written. ` +
            `init starts a community in an empty or new folder; over this template's own sample records, add ` +
            `--replace-sample.`,
        );
        return 1;
      }
      const manifest = await readManifest(root);
      if (!manifest) {
        io.err(
          `${SAMPLE_MANIFEST} is missing or unreadable, so these records cannot be told from the template's ` +
            `sample: nothing was written. init --replace-sample replaces only the unchanged sample; your own ` +
            `records are never replaced.`,
        );
        return 1;
      }
      const differences = sampleDifferences(manifest, existing);
      if (differences.length > 0) {
        io.err(`The records are no longer the template's sample, so they were not replaced: nothing was written.`);
        for (const d of differences.slice(0, 10)) io.err(`  ${d}`);
        if (differences.length > 10) io.err(`  … and ${differences.length - 10} more`);
        io.err(
          'Your own records are never replaced: start the new community in an empty folder, or undo those changes ' +
            'first.',
        );
        return 1;
      }
    }

    const files = newCommunityFiles({ name, institution, yearStart: opts['year-start'], timeZone: zone });
    // The new community, checked in memory before anything is written, with the sample gone.
    const overrides = Object.fromEntries([
      ...[...existing.keys()].map((p) => [p, null] as const),
      ...[...files].filter(([p]) => !p.endsWith('.gitkeep')),
    ]);
    const { diagnostics } = await validateRepository(root, overrides);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      io.err(formatText(asShown(errors, io)));
      io.err('The new community would not validate: nothing was written.');
      return 1;
    }

    await removeLeftovers(root);
    for (const path of existing.keys()) await rm(join(root, path), { force: true });
    await removeEmptyFolders(root, [...existing.keys()]);
    if (existing.size > 0) await rm(join(root, SAMPLE_MANIFEST), { force: true });
    for (const [path, text] of files) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeAtomically(join(root, path), text);
    }
    io.out(
      `${existing.size > 0 ? `Replaced the sample's ${existing.size} record files with` : 'Wrote'} a new ` +
        `community, ${name}, at ${root}: data/community.json (with an example aim, theme and team entry to ` +
        `rename), data/units.json and data/members.json (empty lists), minutes/ and surveys/.`,
    );
    const built = await build.run({ options: { check: false } as never, positionals: [], root, io });
    if (built === 0)
      io.out(
        'Next: add your units and members (see docs/reference.md), then record your first session (CONTRIBUTING.md).',
      );
    return built;
  },
});

/** True when a record folder exists, even empty. */
async function isDirectoryWithin(root: string, folders: readonly string[]): Promise<boolean> {
  for (const f of folders)
    if (
      await stat(join(root, f)).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      return true;
  return false;
}

async function readManifest(root: string): Promise<SampleManifest | undefined> {
  try {
    const value = JSON.parse(await readFile(join(root, SAMPLE_MANIFEST), 'utf8')) as SampleManifest;
    return value && typeof value.files === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The folders the removed files leave empty (a year's minutes), deepest first. */
async function removeEmptyFolders(root: string, files: readonly string[]): Promise<void> {
  const folders = [...new Set(files.map((f) => dirname(f)))].sort((a, b) => b.length - a.length);
  for (const f of folders) await rmdir(join(root, f)).catch(() => undefined);
}
