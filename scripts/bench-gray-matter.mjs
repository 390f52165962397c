// Measures what splitting minutes with gray-matter would cost against the loader's own
// split, with the same YAML reader (js-yaml) behind both, in one process, alternating.
// node scripts/bench-gray-matter.mjs <root>    (npm run bench writes a large root)
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const root = process.argv[2];
if (!root) throw new Error('usage: node scripts/bench-gray-matter.mjs <community repository>');
const years = await readdir(join(root, 'minutes'));
const texts = [];
for (const y of years)
  for (const f of await readdir(join(root, 'minutes', y)))
    texts.push(await readFile(join(root, 'minutes', y, f), 'utf8'));

const started = performance.now();
const { default: matter } = await import('gray-matter');
const importMs = performance.now() - started;
const { load } = await import('js-yaml');

// The loader's split: an opening line, then the first closing line.
const OPEN = /^[ ]?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
const own = (t) => {
  const rest = t.slice(OPEN.exec(t)[0].length);
  return load(rest.slice(0, CLOSE.exec(rest).index));
};
const withGrayMatter = (t) => matter(t, { engines: { yaml: (s) => load(s) } }).data;

const time = (fn) => {
  const t = performance.now();
  for (const text of texts) fn(text);
  return performance.now() - t;
};
const rounds = { own: [], grayMatter: [] };
for (let i = 0; i < 5; i++) {
  rounds.grayMatter.push(time(withGrayMatter));
  rounds.own.push(time(own));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[2].toFixed(0);
console.log(`${texts.length} minutes files. Importing gray-matter: ${importMs.toFixed(0)} ms.`);
console.log(
  `Split and read, medians of 5: gray-matter ${median(rounds.grayMatter)} ms, the loader's split ` +
    `${median(rounds.own)} ms.`,
);
