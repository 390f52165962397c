import { appendFile } from 'node:fs/promises';
import { changeSince } from '../../review/scope.js';
import { generatedFiles } from '../generated.js';
import { defineCommand } from '../command.js';
import { plural } from '../../format/numbers.js';

/**
 * `cop ci-plan --base <rev>`: which of CI's checks a change needs. The records are always
 * validated; the toolchain's own tests run only when the toolchain changed, since they
 * use fixtures and no record can change their outcome. Writes `toolchain=true|false` to
 * $GITHUB_OUTPUT inside GitHub Actions, and always says why. (Whether reports/ is held
 * to a fresh build is decided by `build --check --base`, from the same change.)
 */
export default defineCommand({
  name: 'ci-plan',
  summary: 'which CI checks the change since a commit needs',
  options: {
    base: { type: 'string', value: '<commit>', required: true, description: 'the commit the change is compared with' },
  },
  async run({ options: opts, root, io }) {
    const scope = await changeSince(root, opts.base, await generatedFiles(root));
    const toolchain = !scope || scope.toolchain.length > 0;

    if (!scope) io.err(`Could not list the files changed since "${opts.base}": every check runs.`);
    else {
      io.err(
        `The change touches ${plural(scope.records.length, 'record file')}, ` +
          `${plural(scope.reports.length, 'report file')} and ${plural(scope.toolchain.length, 'toolchain file')}.`,
      );
      io.err(
        toolchain
          ? 'The toolchain changed: its tests, type check and workflow lint run.'
          : 'The toolchain did not change: its tests are skipped (they use fixtures, so records cannot change ' +
              'their outcome).',
      );
    }
    const output = io.env['GITHUB_OUTPUT'];
    if (output) await appendFile(output, `toolchain=${toolchain}\n`);
    else io.out(`toolchain=${toolchain}`);
    return 0;
  },
});
