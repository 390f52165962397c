// Compiles the `cop` command into dist/cli/: one bundle per command, loaded only when that
// command runs, with the shared code in chunks. npm ci runs it (package.json's prepare), and
// every npm script that runs the command runs it first when src/ changed since (--if-stale).
// The tests compile their own copy, once per run, with `compileCli(folder)`.
//
// A bundle, rather than tsc's file-for-file output, because Node resolves and compiles every
// module file on each start: a few hundred of them cost a validation of this repository
// about 40% of its time. tsc still checks the types (npm run typecheck).
import { execFile } from 'node:child_process';
import { chmod, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);

/** Compiles src/cli/bin.ts and what it loads into `outdir`, `bin.js` its entry. */
export async function compileCli(outdir) {
  await build({
    // The charts' thread (src/cli/chart-thread.ts) is started from its own file beside the command.
    entryPoints: { bin: join(ROOT, 'src/cli/bin.ts'), 'chart-worker': join(ROOT, 'src/cli/chart-worker.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages that ship both read as ES modules; some UMD builds load their parts with a
    // require() that a bundle cannot follow.
    mainFields: ['module', 'main'],
    // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
    banner: {
      js:
        "import { createRequire as __createRequire } from 'node:module'; const require = " +
        '__createRequire(import.meta.url);',
    },
    // vega's optional native renderer, never used (charts are drawn as SVG); playwright-core finds its own files beside
    // it.
    // pdfjs-dist finds its worker beside its own module, so it is loaded from node_modules as published.
    external: ['canvas', 'playwright-core', 'pdfjs-dist'],
    logLevel: 'warning',
  });
  await chmod(join(outdir, 'bin.js'), 0o755);
  // The commands' names and summaries, asked of the commands themselves, so that `--help` loads none of them.
  const { stdout } = await run(process.execPath, [join(outdir, 'bin.js'), '--command-index']);
  await writeFile(join(outdir, 'commands.json'), stdout);
}

/** The newest modification time of the files below a folder, in milliseconds. */
async function newest(dir) {
  let latest = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) latest = Math.max(latest, (await stat(join(e.parentPath, e.name))).mtimeMs);
  }
  return latest;
}

/** dist/ is older than a file of src/ (or of this script): a run would use yesterday's command. */
async function isStale(out) {
  const built = await stat(join(out, 'bin.js')).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(
    await newest(join(ROOT, 'src')),
    (await stat(fileURLToPath(import.meta.url))).mtimeMs,
    (await stat(join(ROOT, 'package-lock.json'))).mtimeMs,
  );
  return built < sources;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(ROOT, 'dist/cli');
  if (!process.argv.includes('--if-stale') || (await isStale(out))) {
    await rm(join(ROOT, 'dist'), { recursive: true, force: true });
    await compileCli(out);
  }
}
