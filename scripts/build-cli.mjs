// Compiles the `cop` command into dist/cli/: one bundle per command, loaded only when that
// command runs, with the shared code in chunks. npm ci runs it (package.json's prepare).
//
// A bundle, rather than tsc's file-for-file output, because Node resolves and compiles every
// module file on each start: a few hundred of them cost a validation of this repository
// about 40% of its time. tsc still checks the types (npm run typecheck).
import { chmod, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const out = 'dist/cli';
await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/cli/bin.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Packages that ship both read as ES modules; some UMD builds load their parts with a
  // require() that a bundle cannot follow.
  mainFields: ['module', 'main'],
  // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // vega's optional native renderer, never used (charts are drawn as SVG); playwright-core finds its own files beside it.
  external: ['canvas', 'playwright-core'],
  logLevel: 'warning',
});
await chmod(`${out}/bin.js`, 0o755);
