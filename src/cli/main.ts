import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { type CommandEntry, type CommandLoader, commandHelp, mainHelp, parseCommandLine } from './command.js';
import { type CommandIO, UsageError } from './io.js';
import { WriteError } from './write-file.js';

/**
 * Every command of `cop`, in the order of its help. A command declares its name and summary
 * in its own file (`defineCommand`); its module, and what it needs (the validator, the chart
 * renderer, the spreadsheet reader), is loaded only when it is the one run. To add a command,
 * add its file and one entry here.
 */
const COMMANDS: readonly CommandLoader[] = [
  () => import('./commands/init.js'),
  () => import('./commands/validate.js'),
  () => import('./commands/metrics.js'),
  () => import('./commands/build.js'),
  () => import('./commands/forget.js'),
  () => import('./commands/import-survey.js'),
  () => import('./commands/import-meetings.js'),
  () => import('./commands/codes.js'),
  () => import('./commands/new.js'),
  () => import('./commands/from-issue.js'),
  () => import('./commands/site.js'),
  () => import('./commands/ci-plan.js'),
];

/**
 * The commands' names and summaries. The compiled command keeps them in `commands.json` beside
 * it (scripts/build-cli.mjs writes it from the commands themselves), so that `--help` loads none
 * of them; run from source, every command is loaded to ask it.
 */
async function commandEntries(): Promise<CommandEntry[]> {
  try {
    const index = JSON.parse(readFileSync(new URL('./commands.json', import.meta.url), 'utf8')) as Array<{
      name: string;
      summary: string;
    }>;
    if (index.length === COMMANDS.length) return index.map((e, i) => ({ ...e, load: COMMANDS[i]! }));
  } catch {
    // No index beside the source: ask the commands.
  }
  return Promise.all(
    COMMANDS.map(async (load) => {
      const { name, summary } = (await load()).default;
      return { name, summary, load };
    }),
  );
}

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  const entries = await commandEntries();
  // The compiled command's index of names and summaries, which the bundler asks for: not a command of its own.
  if (name === '--command-index') {
    io.out(JSON.stringify(entries.map(({ name, summary }) => ({ name, summary }))));
    return 0;
  }
  const entry = entries.find((c) => c.name === name);
  let help = mainHelp(entries);
  let writeRoot: string | undefined;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(help);
      return name === undefined ? 2 : 0;
    }
    if (!entry) throw new UsageError(`unknown command "${name}"`);
    const command = (await entry.load()).default;
    help = commandHelp(entry, command);
    const line = parseCommandLine(entry.name, command, rest);
    if (line.help) {
      io.out(help);
      return 0;
    }
    const root = resolve(line.root);
    writeRoot = root;
    if (!(await isDirectory(root))) {
      if (!command.createsRoot) throw new UsageError(`--root ${line.root}: no such folder`);
      await mkdir(root, { recursive: true });
    }
    // parseArgs parsed them by the command's own specs: the typed view defineCommand gave its run.
    return await command.run({ options: line.options as never, positionals: line.positionals, root, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cop: ${e.message}\n\n${help}`);
      return 2;
    }
    // The disk's fault, not the toolchain's: said plainly, with the file.
    if (e instanceof WriteError) {
      io.err(
        `cop: ${e.relativeTo(writeRoot ?? io.cwd)}. Nothing that was there before was lost; free some space, fix ` +
          `the permissions or move what stands in the way, then run the command again.`,
      );
      return 2;
    }
    io.err(
      `cop: internal error: ${e instanceof Error ? e.message : String(e)}\nThis is a bug in the toolchain, not in ` +
        `your data; please report it with the command you ran.`,
    );
    return 2;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
