import { parseArgs } from 'node:util';

/** What a command may touch of the outside world, so that tests can run commands in-process. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export class UsageError extends Error {}

/** Parses a command's own options strictly, turning parseArgs' errors into usage errors. */
export function parseOptions<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
