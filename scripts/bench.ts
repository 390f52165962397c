/**
 * Benchmark: whole processes, as a coordinator or CI runs them, against floors.
 *
 *   npm run bench     # a synthetic repository of 20 years, 1,000 minutes files, 20,000 responses
 *
 * Every command runs through the compiled `bin` with plain `node` (npm ci compiles it), in
 * turn with the others, five times after one warm-up; the table gives medians, and peak
 * memory as the largest resident set of any run. The floor (scripts/bench-floor.mjs) is
 * reading every file and parsing it once with gray-matter and JSON.parse, and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticCommunity } from './synthetic-community.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/cli/bin.js');
const RUNS = 5;

interface Sample {
  wall: number;
  rssMiB: number;
}

/** One run of a command as a whole process: its wall time, and its peak memory as the kernel counted it. */
function once(command: string[]): Sample {
  const started = process.hrtime.bigint();
  // GNU time reports the child's maximum resident set size (kB) on its last line.
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${command.join(' ')} exited ${String(r.status)}: ${r.stderr.slice(-500)}`);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return { wall, rssMiB: kb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Each command once for warm-up, then RUNS rounds of every command in turn, so that drift in the machine's speed hits
 * all alike.
 */
function measure(commands: Record<string, string[]>): Record<string, { wall: number; rssMiB: number }> {
  for (const c of Object.values(commands)) once(c);
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [k, c] of Object.entries(commands)) samples[k]!.push(once(c));
  return Object.fromEntries(
    Object.entries(samples).map(([k, s]) => [
      k,
      { wall: median(s.map((x) => x.wall)), rssMiB: Math.max(...s.map((x) => x.rssMiB)) },
    ]),
  );
}

async function orchestrate(): Promise<void> {
  const synthetic = await mkdtemp(join(tmpdir(), 'cop-bench-'));
  try {
    await writeSyntheticCommunity(synthetic);
    const node = (...args: string[]) => [process.execPath, ...args];
    const large = measure({
      floor: node(join(ROOT, 'scripts/bench-floor.mjs'), synthetic),
      validate: node(BIN, 'validate', '--root', synthetic),
      build: node(BIN, 'build', '--root', synthetic),
    });
    const small = measure({
      node: node('-e', '0'),
      help: node(BIN, '--help'),
      validate: node(BIN, 'validate', '--root', ROOT),
    });
    const s = (x: number) => `${x.toFixed(2)} s`;
    console.log(
      `Synthetic repository: 20 years, 1,000 minutes files, 20,000 survey responses. Medians of ${RUNS} ` +
        `whole-process runs, in turn.\n`,
    );
    console.log('| command | time | × the floor | peak memory |');
    console.log('| --- | --- | --- | --- |');
    console.log(
      `| floor: read every file, gray-matter and JSON.parse | ${s(large.floor!.wall)} | 1.0× | ` +
        `${large.floor!.rssMiB.toFixed(0)} MiB |`,
    );
    console.log(
      `| \`cop validate\` | ${s(large.validate!.wall)} | ` +
        `${(large.validate!.wall / large.floor!.wall).toFixed(1)}× | ${large.validate!.rssMiB.toFixed(0)} MiB |`,
    );
    console.log(
      `| \`cop build\` (validate, metrics, every report and chart) | ${s(large.build!.wall)} | ` +
        `${(large.build!.wall / large.floor!.wall).toFixed(1)}× | ${large.build!.rssMiB.toFixed(0)} MiB |`,
    );
    console.log('\nThis repository:\n');
    console.log('| command | time | × `node -e 0` | peak memory |');
    console.log('| --- | --- | --- | --- |');
    for (const [name, label] of [
      ['node', '`node -e 0`'],
      ['help', '`cop --help`'],
      ['validate', '`cop validate`'],
    ] as const) {
      console.log(
        `| ${label} | ${s(small[name]!.wall)} | ${(small[name]!.wall / small.node!.wall).toFixed(1)}× | ` +
          `${small[name]!.rssMiB.toFixed(0)} MiB |`,
      );
    }
  } finally {
    await rm(synthetic, { recursive: true, force: true });
  }
}

await orchestrate();
