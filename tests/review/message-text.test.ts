import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

/**
 * A message is for people: code that needs to know what a problem is reads its fields (rule,
 * kind, place, personal data), never its words, which change whenever a message is improved.
 * The only messages read are other libraries' own, which give nothing else.
 */
const OTHERS: Readonly<Record<string, string>> = {
  'src/schema/issues.ts': "zod's issue: whether its message is zod's default or the schema's own",
  'src/cli/command.ts': "Node's parseArgs error: its advice about positional arguments is cut",
};

describe('no code reads the text of a message', () => {
  it('in src/, a message is compared or parsed only where a library gives nothing else', async () => {
    const files = (await readdir(join(REPO_ROOT, 'src'), { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const f of files) {
      const path = join(REPO_ROOT, 'src', f);
      const text = await readFile(path, 'utf8');
      for (const m of text.matchAll(
        new RegExp(
          String.raw`\.message\.(startsWith|endsWith|includes|replace|match|split|ind` +
            String.raw`exOf|slice)\(|\.message\s*===|\/[^/\n]+\/\.test\([^)]*\.message\)`,
          'g',
        ),
      ))
        found.push(`${relative(REPO_ROOT, path)}: ${m[0]}`);
    }
    expect(found.filter((f) => !Object.keys(OTHERS).some((o) => f.startsWith(`${o}:`)))).toEqual([]);
  });
});
