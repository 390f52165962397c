/**
 * Benchmark: whole processes, as a coordinator or CI runs them, against floors.
 *
 *   npm run bench                 # 20 years of realistic records (and the light ones), and the sample
 *   npm run bench -- --growth     # how validate and build grow over 5, 20 and 40 years
 *
 * Every command runs through the compiled `bin` with plain `node` (npm ci compiles it), in
 * turn with the others, five times after one warm-up; the table gives medians, and peak
 * memory as the largest resident set of any run. The floor (scripts/bench-floor.mjs) is
 * reading every file and parsing it once with gray-matter and JSON.parse, and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LIGHT, REALISTIC, type SyntheticOptions, writeSyntheticCommunity } from './synthetic-community.js';

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
function measure(commands: Record<string, string[]>, runs: number): Record<string, { wall: number; rssMiB: number }> {
  for (const c of Object.values(commands)) once(c);
  const samples: Record<string, Sample[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(commands)) samples[k]!.push(once(c));
  return Object.fromEntries(
    Object.entries(samples).map(([k, s]) => [
      k,
      { wall: median(s.map((x) => x.wall)), rssMiB: Math.max(...s.map((x) => x.rssMiB)) },
    ]),
  );
}

/** The shape of a repository's records, to set the synthetic ones beside real ones: its minutes and survey answers. */
async function recordsShape(root: string): Promise<{
  files: number;
  bytes: number;
  points: number;
  actions: number;
  attendees: number;
  written: number;
  writtenLength: number;
}> {
  const files = (await readdir(join(root, 'minutes'), { recursive: true })).filter((f) => f.endsWith('.md'));
  let bytes = 0;
  let points = 0;
  let actions = 0;
  let attendees = 0;
  for (const f of files) {
    const text = await readFile(join(root, 'minutes', f), 'utf8');
    bytes += Buffer.byteLength(text);
    points += (text.split('## Summary')[1] ?? '').split('\n').filter((l) => /^\s*[-*] /.test(l)).length;
    actions += (text.match(/^ {2}- id: /gm) ?? []).length;
    attendees += (/^attendees: \[(.*)\]$/m.exec(text)?.[1] ?? '').split(',').filter((x) => x.trim()).length;
  }
  // Survey responses with a written answer (to a text question), and the mean length of those answers.
  let responses = 0;
  let written = 0;
  const lengths: number[] = [];
  for (const f of (await readdir(join(root, 'surveys'), { recursive: true })).filter((x) => x.endsWith('.json'))) {
    const survey = JSON.parse(await readFile(join(root, 'surveys', f), 'utf8')) as {
      questions: Array<{ id: string; type: string }>;
      responses: Array<{ answers: Record<string, unknown> }>;
    };
    const text = new Set(survey.questions.filter((q) => q.type === 'text').map((q) => q.id));
    for (const r of survey.responses) {
      responses++;
      const answers = Object.entries(r.answers).filter(([q, a]) => text.has(q) && typeof a === 'string');
      if (answers.length > 0) written++;
      for (const [, a] of answers) lengths.push((a as string).length);
    }
  }
  const n = Math.max(files.length, 1);
  return {
    files: files.length,
    bytes: bytes / n,
    points: points / n,
    actions: actions / n,
    attendees: attendees / n,
    written: written / Math.max(responses, 1),
    writtenLength: lengths.reduce((a, b) => a + b, 0) / Math.max(lengths.length, 1),
  };
}

const s = (x: number) => `${x.toFixed(2)} s`;
const node = (...args: string[]) => [process.execPath, ...args];

async function withSynthetic<T>(opts: SyntheticOptions, f: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'cop-bench-'));
  try {
    await writeSyntheticCommunity(dir, opts);
    return await f(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const large = (dir: string, runs: number) =>
  measure(
    {
      floor: node(join(ROOT, 'scripts/bench-floor.mjs'), dir),
      validate: node(BIN, 'validate', '--root', dir),
      build: node(BIN, 'build', '--root', dir),
    },
    runs,
  );

function largeTable(m: ReturnType<typeof large>): void {
  console.log('| command | time | × the floor | peak memory |');
  console.log('| --- | --- | --- | --- |');
  console.log(
    `| floor: read every file, gray-matter and JSON.parse | ${s(m.floor!.wall)} | 1.0× | ` +
      `${m.floor!.rssMiB.toFixed(0)} MiB |`,
  );
  console.log(
    `| \`cop validate\` | ${s(m.validate!.wall)} | ${(m.validate!.wall / m.floor!.wall).toFixed(1)}× | ` +
      `${m.validate!.rssMiB.toFixed(0)} MiB |`,
  );
  console.log(
    `| \`cop build\` (validate, metrics, every report and chart) | ${s(m.build!.wall)} | ` +
      `${(m.build!.wall / m.floor!.wall).toFixed(1)}× | ${m.build!.rssMiB.toFixed(0)} MiB |`,
  );
}

async function orchestrate(): Promise<void> {
  const growth = process.argv.includes('--growth');
  console.log(
    `${cpus().length} cores; medians of ${growth ? 3 : RUNS} whole-process runs, in turn, after a warm-up.\n`,
  );
  if (growth) {
    // How validate and build grow with the years of records: medians of three, the realistic shape.
    console.log('| years | minutes files | floor | validate | build | validate ÷ floor | build ÷ floor |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const years of [5, 20, 40]) {
      await withSynthetic({ ...REALISTIC, years }, async (dir) => {
        const m = large(dir, 3);
        console.log(
          `| ${years} | ${years * REALISTIC.sessionsPerYear} | ${s(m.floor!.wall)} | ${s(m.validate!.wall)} | ` +
            `${s(m.build!.wall)} | ${(m.validate!.wall / m.floor!.wall).toFixed(1)}× | ` +
            `${(m.build!.wall / m.floor!.wall).toFixed(1)}× |`,
        );
      });
    }
    return;
  }
  const sample = await recordsShape(join(ROOT, 'tests/fixtures/sample'));
  await withSynthetic(REALISTIC, async (dir) => {
    const shape = await recordsShape(dir);
    console.log(
      'Realistic synthetic repository: 20 years, 1,000 minutes files, 20,000 member survey responses (half with a ' +
        'written answer), 1,000 members with mentoring roles, meeting returns, a pathway, a mentee survey a year, a ' +
        'narrative.',
    );
    const row = (name: string, x: typeof shape) =>
      `| ${name} | ${x.bytes.toFixed(0)} B | ${x.points.toFixed(1)} | ${x.actions.toFixed(1)} | ` +
      `${x.attendees.toFixed(1)} | ${(100 * x.written).toFixed(0)}% | ${x.writtenLength.toFixed(0)} characters |`;
    console.log(
      '\n| records | a minutes file | summary points and sub-points | actions | attendees | responses written in | ' +
        'their length |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    console.log(row('the sample', sample));
    console.log(row('synthetic', shape));
    console.log('');
    largeTable(large(dir, RUNS));
  });
  await withSynthetic(LIGHT, async (dir) => {
    console.log('\nLight synthetic repository (three one-line points a file), as earlier benchmarks had it:\n');
    largeTable(large(dir, RUNS));
  });
  const small = measure(
    {
      node: node('-e', '0'),
      help: node(BIN, '--help'),
      validate: node(BIN, 'validate', '--root', join(ROOT, 'tests/fixtures/sample')),
    },
    RUNS,
  );
  console.log('\nThe sample community:\n');
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
}

await orchestrate();
