import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { runBuild } from './commands/build.js';
import { runCiPlan } from './commands/ci-plan.js';
import { runForget } from './commands/forget.js';
import { runImportSurvey } from './commands/import-survey.js';
import { runNew } from './commands/new.js';
import { runMetrics } from './commands/metrics.js';
import { runValidate } from './commands/validate.js';
import { UsageError, type CommandIO } from './io.js';

const USAGE = `Usage: npm run --silent cop -- <command> [options]

Commands:
  validate [--format text|json] [--strict]   check every file and report every problem
  metrics [--year YYYY-YY]                    print the analytics as JSON
  build [--check [--base <commit>]]           regenerate reports/ (--check: only compare; --base: only
                                              when the change since that commit can make them stale)
  forget <member-id>                          replace a member's name by a pseudonym everywhere
  import-survey --from <export> --into <surveys/YEAR/ID.json> [--format auto|qualtrics|google-forms|ms-forms]
                [--map <mapping.json>] [--replace] [--include-partial] [--include-preview] [--ignore-unmatched]
                                              fill a survey's responses from a survey tool's export
  new survey --from <survey file> --year <YYYY-YY>
                                              start next year's survey with the same questions
  ci-plan --base <commit>                     which CI checks the change since that commit needs

Every command takes --root <dir>, the community repository (default: the current directory).
Exit codes: 0 success, 1 the data has errors, 2 a usage or internal error.`;

const COMMANDS: Record<string, (args: string[], root: string, io: CommandIO) => Promise<number>> = {
  validate: runValidate,
  metrics: runMetrics,
  build: runBuild,
  forget: runForget,
  'import-survey': runImportSurvey,
  new: runNew,
  'ci-plan': runCiPlan,
};

export async function main(argv: string[], io: CommandIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}"`);
    const { root, args } = takeRoot(rest);
    const dir = resolve(root);
    if (!(await isDirectory(dir))) throw new UsageError(`--root ${root}: no such folder`);
    return await run(args, dir, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cop: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`cop: internal error: ${e instanceof Error ? e.message : String(e)}\nThis is a bug in the toolchain, not in your data; please report it with the command you ran.`);
    return 2;
  }
}

function takeRoot(args: string[]): { root: string; args: string[] } {
  const rest: string[] = [];
  let root = '.';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--root') {
      const v = args[++i];
      if (v === undefined) throw new UsageError('--root needs a folder');
      root = v;
    } else if (a.startsWith('--root=')) root = a.slice('--root='.length);
    else rest.push(a);
  }
  return { root, args: rest };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
