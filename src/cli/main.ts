import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, commandHelp, mainHelp, parseCommandLine } from './command.js';
import build from './commands/build.js';
import ciPlan from './commands/ci-plan.js';
import forget from './commands/forget.js';
import importSurvey from './commands/import-survey.js';
import metrics from './commands/metrics.js';
import newSurvey from './commands/new.js';
import validate from './commands/validate.js';
import { type CommandIO, UsageError } from './io.js';

/** Every command of `cop`, in the order of its help. To add one, add its file and one entry here. */
const COMMANDS: readonly Command[] = [validate, metrics, build, forget, importSurvey, newSurvey, ciPlan];

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(mainHelp(COMMANDS));
      return name === undefined ? 2 : 0;
    }
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const line = parseCommandLine(command, rest);
    if (line.help) {
      io.out(commandHelp(command));
      return 0;
    }
    const root = resolve(line.root);
    if (!(await isDirectory(root))) throw new UsageError(`--root ${line.root}: no such folder`);
    // parseArgs parsed them by the command's own specs: the typed view defineCommand gave its run.
    return await command.run({ options: line.options as never, positionals: line.positionals, root, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cop: ${e.message}\n\n${command ? commandHelp(command) : mainHelp(COMMANDS)}`);
      return 2;
    }
    io.err(`cop: internal error: ${e instanceof Error ? e.message : String(e)}\nThis is a bug in the toolchain, not in your data; please report it with the command you ran.`);
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
