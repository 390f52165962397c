import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { validateRepository } from '../../src/pipeline/index.js';
import type { Example } from '../../src/rules/define.js';
import { EXAMPLE_COMMUNITY } from '../../src/rules/examples/community.js';

/** The problems of one rule that validation reports for an example, each `file:line:column message`. */
export async function examineExample(rule: string, example: Example): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'cop-example-'));
  try {
    const files: Record<string, string | { latin1: string } | null> = { ...EXAMPLE_COMMUNITY, ...example.files };
    for (const [path, content] of Object.entries(files)) {
      if (content === null) continue;
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), typeof content === 'string' ? content : Buffer.from(content.latin1, 'latin1'));
    }
    const { diagnostics } = await validateRepository(dir);
    return diagnostics.filter((d) => d.rule === rule).map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
