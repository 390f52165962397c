import { main } from '../../src/cli/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a cop command in-process, as `npm run --silent cop -- ...` would. */
export async function cop(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    out: (s) => {
      stdout += s.endsWith('\n') ? s : `${s}\n`;
    },
    err: (s) => {
      stderr += s.endsWith('\n') ? s : `${s}\n`;
    },
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}
