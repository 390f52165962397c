/** What a command may touch of the outside world, so that tests can run commands in-process. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

export class UsageError extends Error {}
