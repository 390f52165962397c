#!/usr/bin/env node
import { main } from './main.js';

const line = (stream: NodeJS.WriteStream) => (s: string) => void stream.write(s.endsWith('\n') ? s : `${s}\n`);

process.exitCode = await main(process.argv.slice(2), {
  out: line(process.stdout),
  err: line(process.stderr),
  env: process.env,
  cwd: process.cwd(),
});
