// The benchmark's floor, in plain JavaScript so that no compiler's start-up is counted:
// read every record file of a repository and parse it once (gray-matter, JSON.parse).
// node scripts/bench-floor.mjs <root>
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';

async function allFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

const root = process.argv[2];
// Every folder of records (a repository without meeting returns or narrative has no such folder).
const folders = ['data', 'minutes', 'surveys', 'meetings', 'narrative'].filter((d) => existsSync(join(root, d)));
const files = (await Promise.all(folders.map((d) => allFiles(join(root, d))))).flat();
await Promise.all(
  files.map(async (f) => {
    const text = await readFile(f, 'utf8');
    if (f.endsWith('.json')) JSON.parse(text);
    else matter(text);
  }),
);
