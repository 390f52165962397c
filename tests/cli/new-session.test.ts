import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith } from '../helpers/repo.js';

describe('cop new session', () => {
  it(
    'writes a planned session with the usual agenda, in its year’s folder, that validates; never over a ' + 'file',
    async () => {
      const root = await fixtureWith(MULTI_YEAR);
      const run = await cop([
        'new',
        'session',
        '--date',
        '2025-10-14',
        '--title',
        'Café: Welcome back!',
        '--type',
        'workshop',
        '--root',
        root,
      ]);
      expect(run.code, run.stderr).toBe(0);
      // The fixture's year starts on 1 September: 14 October 2025 is in 2025-26.
      const file = 'minutes/2025-26/2025-10-14-cafe-welcome-back.md';
      const text = await readFile(join(root, file), 'utf8');
      expect(text).toMatch(
        /^---\ntitle: "Café: Welcome back!"\ndate: 2025-10-14\ntype: workshop\nformat: in-person\nstatus: planned /,
      );
      expect(text).toContain(
        '- Introductions and check-ins\n- Peer sharing: celebrating success, challenge and learning in our practice\n',
      );
      const validate = await cop(['validate', '--format', 'json', '--root', root]);
      expect(validate.code).toBe(0);
      expect((JSON.parse(validate.stdout) as Array<{ file: string }>).filter((d) => d.file === file)).toEqual([]);

      const again = await cop([
        'new',
        'session',
        '--date',
        '2025-10-14',
        '--title',
        'Café: Welcome back!',
        '--root',
        root,
      ]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain(`${file} already exists: nothing was changed`);
      expect(await readFile(join(root, file), 'utf8')).toBe(text);
    },
  );

  it.each([
    [['--date', '14/10/2025', '--title', 'x'], '--date must be a calendar date written YYYY-MM-DD'],
    [['--date', '2025-10-14'], 'new session needs --date <YYYY-MM-DD> and --title <text>'],
    [['--date', '2025-10-14', '--title', 'x', '--type', 'party'], '--type'],
  ])('refuses %j with a usage error', async (args, message) => {
    const root = await fixtureWith(MULTI_YEAR);
    const r = await cop(['new', 'session', ...args, '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
