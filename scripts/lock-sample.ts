/**
 * Writes .cop-sample.json, the manifest of this template's sample records, which
 * `cop init --replace-sample` checks before it replaces them. Run it after changing the
 * sample: `npm run sample:lock`. `--check` exits 1 when the manifest is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { filesWithBytes } from '../src/load/files.js';
import { manifestText, RECORD_FOLDERS, SAMPLE_MANIFEST } from '../src/edit/new-community.js';

const root = resolve(import.meta.dirname, '..');
const files = await filesWithBytes(root, RECORD_FOLDERS);
const text = manifestText(files);
if (process.argv.includes('--check')) {
  const current = await readFile(join(root, SAMPLE_MANIFEST), 'utf8').catch(() => undefined);
  if (current !== undefined && current !== text) {
    console.error(
      `${SAMPLE_MANIFEST} does not match the sample records: run "npm run sample:lock" after changing the sample.`,
    );
    process.exitCode = 1;
  }
} else {
  await writeFile(join(root, SAMPLE_MANIFEST), text);
  console.log(`Wrote ${SAMPLE_MANIFEST}: ${files.size} sample files.`);
}
