import { join } from 'node:path';
import { planForget, pseudonymFor } from '../../edit/forget.js';
import { parseJson } from '../../load/json-document.js';
import { listFiles } from '../../load/files.js';
import { FILES } from '../../load/documents.js';
import { readTextFile } from '../../load/text-file.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../io.js';
import { removeLeftovers, writeAll, writeAtomically } from '../write-file.js';
import { readFile, rm } from 'node:fs/promises';
import { plural } from '../../format/numbers.js';
import { readableRecords } from './load-valid.js';

/** `cop forget <member-id>`: an erasure request, answered in the working tree. */
export default defineCommand({
  name: 'forget',
  summary: "answer an erasure request: replace a member's name by a pseudonym everywhere",
  positionals: [{ name: '<member-id>', description: 'the id of the member to forget, for example m05' }],
  options: {},
  notes:
    'Ids and figures stay; lines that mention part of the name are listed for a person to check. See ' +
    'docs/data-protection.md.',
  async run({ positionals, root, io }) {
    const memberId = positionals[0]!;
    if (!(await readableRecords(root, io))) return 1;

    const roster = await readTextFile(join(root, FILES.members));
    const parsed = roster.ok ? parseJson(roster.text) : undefined;
    if (!parsed?.ok || !Array.isArray(parsed.value)) {
      io.err(`${FILES.members} cannot be read: fix it first (see "cop validate").`);
      return 1;
    }
    const member = (parsed.value as Array<{ id?: unknown; name?: unknown }>).find((m) => m.id === memberId);
    if (!member || typeof member.name !== 'string')
      throw new UsageError(`there is no member "${memberId}" in ${FILES.members}`);
    await removeLeftovers(root);
    // An erasure that was interrupted is finished from its record of the old name: the roster may already hold the
    // pseudonym.
    const pending = await readPending(root, memberId);
    const name = pending ?? member.name;
    if (name === pseudonymFor(memberId)) {
      io.err(`${memberId} is already forgotten: their name is "${name}". Nothing was changed.`);
      return 0;
    }

    const files = await readRecords(root);
    const plan = planForget(files, name, memberId);
    // Recorded before any file changes, removed only once no file holds the name.
    await writeAtomically(join(root, PENDING), `${JSON.stringify({ member: memberId, name })}\n`);
    await writeAll(new Map([...plan.changes].map(([file, change]) => [join(root, file), change.text])));
    const remaining = [...(await readRecords(root))]
      .filter(([, text]) => planForget(new Map([['x', text]]), name, memberId).changes.size > 0)
      .map(([f]) => f);
    if (remaining.length > 0) {
      io.err(
        `The name is still in ${remaining.join(', ')}: the erasure is not complete. Run the command again to ` +
          `finish it.`,
      );
      return 1;
    }
    await rm(join(root, PENDING), { force: true });
    if (pending !== undefined) io.out(`Finished the interrupted erasure of ${memberId}.`);

    const total = [...plan.changes.values()].reduce((n, c) => n + c.replaced, 0);
    io.out(
      `Replaced "${name}" with "${plan.pseudonym}" ${plural(total, 'time')} in ${plural(plan.changes.size, 'file')}:`,
    );
    for (const [file, change] of plan.changes) io.out(`  ${file} (${change.replaced})`);
    if (plan.partial.length > 0) {
      io.out('\nThese lines mention part of the name; check by hand whether they are the same person:');
      for (const p of plan.partial) io.out(`  ${p.file}:${p.line}:${p.column} "${p.word}"`);
    }
    io.out(
      '\nNext: run "npm run build" so the reports follow, and commit. Git history still holds the old name: see ' +
        'docs/data-protection.md to remove it from history too.',
    );
    return 0;
  },
});

/**
 * The erasure under way: the old name, kept until no file holds it, so that an interrupted
 * run can be finished. Hidden, ignored by Git, and removed when the erasure is complete.
 */
const PENDING = '.cop-forget.json';

async function readPending(root: string, memberId: string): Promise<string | undefined> {
  const text = await readFile(join(root, PENDING), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as { member?: unknown; name?: unknown };
    return value.member === memberId && typeof value.name === 'string' ? value.name : undefined;
  } catch {
    return undefined;
  }
}

async function readRecords(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const file of await recordFiles(root)) {
    const t = await readTextFile(join(root, file));
    if (t.ok) files.set(file, t.text);
  }
  return files;
}

/** Every record file a name may stand in: data, minutes, surveys. Reports are regenerated, not edited. */
async function recordFiles(root: string): Promise<string[]> {
  const all = await Promise.all(
    ['data', 'minutes', 'surveys', 'meetings', 'narrative'].map((dir) => listFiles(root, dir)),
  );
  return all.flatMap((l) => l.files).filter((f) => /\.(json|md)$/.test(f));
}
