import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type CommandEntry, commandHelp, mainHelp, parseCommandLine } from './command.js';
import { type CommandIO, UsageError } from './io.js';
import { WriteError } from './write-file.js';

/**
 * Every command of `cop`, in the order of its help. A command's module, and what it
 * needs (the validator, the chart renderer, the spreadsheet reader), is loaded only when
 * it is the one run. To add a command, add its file and one entry here.
 */
const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'init',
    summary: "start a new, empty community (or replace this template's unchanged sample)",
    load: () => import('./commands/init.js'),
  },
  {
    name: 'validate',
    summary: 'check every file and report every problem at once',
    load: () => import('./commands/validate.js'),
  },
  {
    name: 'metrics',
    summary: 'print the analytics as JSON: one year, or every year',
    load: () => import('./commands/metrics.js'),
  },
  { name: 'build', summary: 'regenerate reports/ from the records', load: () => import('./commands/build.js') },
  {
    name: 'forget',
    summary: "answer an erasure request: replace a member's name by a pseudonym everywhere",
    load: () => import('./commands/forget.js'),
  },
  {
    name: 'import-survey',
    summary: "fill a survey's responses from a survey tool's export",
    load: () => import('./commands/import-survey.js'),
  },
  {
    name: 'codes',
    summary: 'list written answers and their codes; export them to a sheet to code in Excel, and import it back',
    load: () => import('./commands/codes.js'),
  },
  {
    name: 'new',
    summary: "start next year's survey with the same questions, or a session's minutes from the usual agenda",
    load: () => import('./commands/new.js'),
  },
  {
    name: 'from-issue',
    summary: 'record a session or a new member from the body of an issue filled in with a form',
    load: () => import('./commands/from-issue.js'),
  },
  {
    name: 'site',
    summary: 'write a static site of reports/ (and a PDF of each annual report) to publish without the records',
    load: () => import('./commands/site.js'),
  },
  {
    name: 'ci-plan',
    summary: 'which CI checks the change since a commit needs',
    load: () => import('./commands/ci-plan.js'),
  },
];

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  const entry = COMMANDS.find((c) => c.name === name);
  let help = mainHelp(COMMANDS);
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
