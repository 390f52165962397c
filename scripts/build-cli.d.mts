/** Compiles src/cli/bin.ts and what it loads into `outdir`, `bin.js` its entry. */
export function compileCli(outdir: string): Promise<void>;
