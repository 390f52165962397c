import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { compileCli } from '../scripts/build-cli.mjs';

/**
 * The command compiled once for the whole run, from the working tree's src/: tests that need
 * cop as a process of its own (a kill, an environment hook, a time zone) start it in a fifth of
 * the time a TypeScript loader takes. Inside node_modules, so that it finds the packages it
 * leaves out of the bundle; removed after the run.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(import.meta.dirname, '../node_modules/.cop-test-bin-'));
  await compileCli(dir);
  process.env.COP_TEST_BIN = join(dir, 'bin.js');
  return () => rm(dir, { recursive: true, force: true });
}
