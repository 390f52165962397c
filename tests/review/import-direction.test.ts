import { execFile } from 'node:child_process';
import { appendFile, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/repo.js';

const run = promisify(execFile);
const depcruise = (cwd: string) =>
  run(join(REPO_ROOT, 'node_modules/.bin/depcruise'), ['src', '--config', '.dependency-cruiser.cjs'], { cwd }).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? 1,
      output: `${e.stdout ?? ''}${e.stderr ?? ''}`,
    }),
  );

/** The toolchain's source in a folder of its own, to be broken on purpose. */
let copy: string;
beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'cop-imports-'));
  for (const entry of ['src', '.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'])
    await cp(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
  await symlink(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rm(copy, { recursive: true, force: true }));

describe('the import direction (files → model → checks → metrics → reports)', () => {
  it('holds in the toolchain as it is', async () => {
    const r = await depcruise(REPO_ROOT);
    expect(r.output).toContain('no dependency violations found');
    expect(r.code).toBe(0);
  });

  it('fails when a stage imports a later one, naming the rule and the import', async () => {
    await appendFile(
      join(copy, 'src/model/dates.ts'),
      "\nimport { REPORTS } from '../reports/context.js';\nexport const wrong = REPORTS;\n",
    );
    const r = await depcruise(copy);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/error model-imports-a-later-stage: src\/model\/dates\.ts → src\/reports\/context\.ts/);
  });
});
