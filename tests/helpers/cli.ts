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

/** The command compiled for this test run (tests/global-setup.ts): `node` and this path start it as its own process. */
export function copBin(): string {
  const bin = process.env.COP_TEST_BIN;
  if (!bin)
    throw new Error('COP_TEST_BIN is not set: run the tests with vitest, whose global setup compiles the command');
  return bin;
}
