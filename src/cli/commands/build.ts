import { readFile, rm } from 'node:fs/promises';
import { listFiles } from '../../load/files.js';
import { join } from 'node:path';
import { renderReports } from '../../reports/build.js';
import { asShown, formatText } from '../diagnostics-output.js';
import { parseOptions, type CommandIO } from '../io.js';
import { writeAtomically } from '../write-file.js';
import { loadValid } from './load-valid.js';

/** Files under reports/ that a build owns: anything else there is the user's and is left alone. */
const GENERATED = [/^reports\/README\.md$/, /^reports\/[^/]+\.(md|json|svg)$/, /^reports\/\d{4}-\d{2}\/[^/]+\.(md|svg)$/];

export async function runBuild(args: string[], root: string, io: CommandIO): Promise<number> {
  const opts = parseOptions(args, { check: { type: 'boolean', default: false } });
  const valid = await loadValid(root, io);
  if (!valid) {
    io.err('Nothing was written to reports/.');
    return 1;
  }
  const warnings = valid.diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length > 0) io.err(formatText(asShown(warnings, io)));

  const files = await renderReports(valid.lookup);
  const existing = (await listFiles(root, 'reports')).filter((f) => GENERATED.some((re) => re.test(f)));
  const obsolete = existing.filter((f) => !files.has(f));
  const changed: string[] = [];
  for (const [path, content] of files) {
    const current = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (current !== content) changed.push(path);
  }

  if (opts.check) {
    if (changed.length === 0 && obsolete.length === 0) {
      io.err(`reports/ is up to date (${files.size} files).`);
      return 0;
    }
    for (const f of changed) io.err(`${f}: differs from what a build writes`);
    for (const f of obsolete) io.err(`${f}: a build would remove it`);
    io.err('reports/ is out of date: run "npm run build" and commit the result.');
    return 1;
  }

  for (const path of changed) await writeAtomically(join(root, path), files.get(path)!);
  for (const path of obsolete) await rm(join(root, path));
  io.err(`reports/: ${changed.length} written, ${obsolete.length} removed, ${files.size - changed.length} unchanged.`);
  return 0;
}

