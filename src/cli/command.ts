import { parseArgs } from 'node:util';
import { type CommandIO, UsageError } from './io.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  description: string;
  /** The value's placeholder in the help: `<commit>`. */
  value?: string;
  default?: string | boolean;
  choices?: readonly string[];
  required?: boolean;
}

type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { default: string } | { required: true }
      ? string
      : string | undefined;
};

interface CommandInput<O extends Record<string, OptionSpec>> {
  options: OptionValues<O>;
  positionals: string[];
  /** The community repository, resolved: `--root`, or the current directory. */
  root: string;
  io: CommandIO;
}

/** How the list in main.ts loads a command: only when it is the one run. */
export type CommandLoader = () => Promise<{ default: Command }>;

/** A command's name and summary, as `--help` lists them, and how to load the rest. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: CommandLoader;
}

export interface Command<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  /** What it is typed as: `cop <name>`. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Words after the name: `<member-id>`, `survey`. */
  positionals?: ReadonlyArray<{ name: string; description: string }>;
  options: O;
  /** What else a user should know, in the command's help. */
  notes?: string;
  /** A command that starts a repository: a --root that does not exist yet is made. */
  createsRoot?: boolean;
  run(input: CommandInput<O>): Promise<number>;
}

/**
 * A subcommand of `cop`: one file each, listed once in `main.ts` (where it is loaded only
 * when chosen), its help made from its options. Its `run` is typed by its own options
 * here; the list holds commands of any.
 */
export function defineCommand<const O extends Record<string, OptionSpec>>(command: Command<O>): Command {
  return command as unknown as Command;
}

const flag = (name: string, o: OptionSpec) =>
  `--${name}${o.type === 'string' ? ` ${o.value ?? (o.choices ? o.choices.join('|') : '<value>')}` : ''}`;

/** `a, b or c`. */
const orList = (xs: readonly string[]) =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;

/** A help line: the term, and its description beside it, or under it when the term is long. */
const helpLine = (term: string, description: string) =>
  term.length < 28 ? `  ${term.padEnd(28)} ${description}` : `  ${term}\n  ${''.padEnd(28)} ${description}`;

/** `cop <command> --help`. */
export function commandHelp(entry: CommandEntry, c: Command): string {
  const positionals = (c.positionals ?? []).map((p) => ` ${p.name}`).join('');
  const lines = [`Usage: npm run --silent cop -- ${entry.name}${positionals} [options]`, '', entry.summary, ''];
  for (const p of c.positionals ?? []) lines.push(helpLine(p.name, p.description));
  const options: Array<[string, OptionSpec]> = [...Object.entries(c.options), ['root', ROOT], ['help', HELP]];
  lines.push('Options:');
  for (const [name, o] of options) {
    const dflt =
      o.default !== undefined && o.default !== false
        ? ` (default: ${String(o.default)})`
        : o.required
          ? ' (required)'
          : '';
    lines.push(helpLine(flag(name, o), `${o.description}${dflt}`));
  }
  if (c.notes) lines.push('', c.notes);
  lines.push('', 'Exit codes: 0 success, 1 the data has errors, 2 a usage or internal error.');
  return lines.join('\n');
}

/** `cop --help`: every command with its summary. */
export function mainHelp(commands: readonly CommandEntry[]): string {
  return [
    'Usage: npm run --silent cop -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(28)} ${c.summary}`),
    '',
    'Every command takes --root <dir>, the community repository (default: the current directory),',
    'and --help, which lists its options. Exit codes: 0 success, 1 the data has errors, 2 a usage or internal error.',
  ].join('\n');
}

const ROOT: OptionSpec = { type: 'string', value: '<dir>', description: 'the community repository', default: '.' };
const HELP: OptionSpec = { type: 'boolean', description: 'print this help' };

/** The command's options and words, parsed strictly by Node's parseArgs; `help` when --help was given. */
export function parseCommandLine(
  name: string,
  c: Command,
  args: string[],
):
  | { help: true }
  | { help: false; root: string; options: Record<string, string | boolean | undefined>; positionals: string[] } {
  const config = Object.fromEntries(
    [...Object.entries(c.options), ['root', ROOT] as const, ['help', HELP] as const].map(([name, o]) => [
      name,
      {
        type: o.type,
        ...(o.default !== undefined ? { default: o.default } : {}),
        ...(name === 'help' ? { short: 'h' } : {}),
      },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: config as NonNullable<Parameters<typeof parseArgs>[0]>['options'],
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(
      e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e),
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help'] === true) return { help: true };
  const expected = c.positionals?.length ?? 0;
  if (parsed.positionals.length > expected)
    throw new UsageError(
      `${name} takes ${expected === 0 ? 'no words' : c.positionals!.map((p) => p.name).join(' ')} besides its ` +
        `options, not "${parsed.positionals.slice(expected).join(' ')}"`,
    );
  if (parsed.positionals.length < expected)
    throw new UsageError(`${name} needs ${c.positionals!.map((p) => p.name).join(' ')}`);
  for (const [option, o] of Object.entries(c.options)) {
    const v = values[option];
    if (o.required && (v === undefined || v === ''))
      throw new UsageError(`${name} needs --${option} ${o.value ?? ''}`.trim());
    if (o.choices && typeof v === 'string' && !o.choices.includes(v))
      throw new UsageError(`--${option} must be ${orList(o.choices)}, not "${v}"`);
  }
  const { root, help: _help, ...options } = values;
  return { help: false, root: String(root), options, positionals: parsed.positionals };
}
