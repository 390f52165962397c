/**
 * Benchmark: reading and parsing a large repository once, against validating it and
 * building its reports. Each phase runs in a fresh child process (no warm caches shared),
 * and reports its time and peak memory. Figures go in the README.
 *
 *   npm run bench            # 20 years, 1,000 minutes files, 20,000 responses
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { remark } from 'remark';
import { parse as parseYaml } from 'yaml';
import { main } from '../src/cli/main.js';
import { writeSyntheticCommunity } from './synthetic-community.js';

type Phase = 'parse' | 'parse-data' | 'validate' | 'build';

const markdown = remark();

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allFiles(p)));
    else out.push(p);
  }
  return out;
}

/**
 * The floor: read every file and parse it once, nothing else. A minutes file is a Markdown
 * document: its frontmatter is parsed as YAML and its body as Markdown, with the parsers
 * the toolchain itself uses (yaml, remark); JSON files with JSON.parse.
 */
async function readAndParse(root: string, bodies: boolean): Promise<void> {
  const files = [...(await allFiles(join(root, 'data'))), ...(await allFiles(join(root, 'minutes'))), ...(await allFiles(join(root, 'surveys')))];
  await Promise.all(
    files.map(async (f) => {
      const text = await readFile(f, 'utf8');
      if (f.endsWith('.json')) JSON.parse(text);
      else {
        const end = text.indexOf('\n---', 4);
        parseYaml(text.slice(4, end));
        if (bodies) markdown.parse(text.slice(end + 4));
      }
    }),
  );
}

async function runPhase(phase: Phase, root: string): Promise<void> {
  const quiet = { out: () => {}, err: (s: string) => void process.stderr.write(`${s}\n`), env: {}, cwd: root };
  const t0 = performance.now();
  if (phase === 'parse' || phase === 'parse-data') await readAndParse(root, phase === 'parse');
  else {
    const code = await main([phase, '--root', root], quiet);
    if (code !== 0) throw new Error(`${phase} exited ${code}`);
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ phase, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

async function orchestrate(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'cop-bench-'));
  try {
    await writeSyntheticCommunity(root);
    const measure = (phase: Phase, runs = 5) => {
      const results = Array.from(
        { length: runs },
        () => JSON.parse(execFileSync(process.execPath, [...process.execArgv, import.meta.filename, phase, root], { encoding: 'utf8' })) as { ms: number; maxRssMiB: number },
      );
      const ms = results.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs / 2)]!;
      return { ms, maxRssMiB: Math.max(...results.map((r) => r.maxRssMiB)) };
    };
    const parse = measure('parse');
    const data = measure('parse-data');
    const validate = measure('validate');
    const build = measure('build');
    const row = (name: string, r: { ms: number; maxRssMiB: number }) =>
      `| ${name} | ${(r.ms / 1000).toFixed(2)} s | ${(r.ms / parse.ms).toFixed(1)}× | ${(r.ms / data.ms).toFixed(1)}× | ${r.maxRssMiB.toFixed(0)} MiB |`;
    console.log('Synthetic repository: 20 years, 1,000 minutes files, 20,000 survey responses (median of 5 runs, each in a fresh process).\n');
    console.log('| phase | time | × reading and parsing every file | × reading and parsing without minutes bodies | peak memory |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(row('read and parse every file once (YAML frontmatter, Markdown body, JSON)', parse));
    console.log(row('read and parse, minutes bodies left unparsed', data));
    console.log(row('cop validate', validate));
    console.log(row('cop build (validate, metrics, reports, charts)', build));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const [phase, root] = process.argv.slice(2);
if (phase && root) await runPhase(phase as Phase, root);
else await orchestrate();
