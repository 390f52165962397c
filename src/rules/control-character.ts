import type { DocPath } from '../model/positions.js';
import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { eachText } from './support/texts.js';
import { change, MINUTES, SURVEY } from './examples/community.js';

/**
 * Control characters other than tab and line breaks, C1's included (a terminal reads CSI, U+009B,
 * as ESC [), and a byte-order mark inside the text: invisible, and never meant.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the rule's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF]/;

const C1_NAMES: Readonly<Record<number, string>> = { 133: 'NEL (next line)', 155: 'CSI' };

const named = (c: string) => {
  const code = c.charCodeAt(0);
  if (code === 0xfeff) return 'byte-order mark (U+FEFF)';
  const name = code === 0 ? 'NUL' : code === 0x1b ? 'ESC' : code === 0x7f ? 'DEL' : (C1_NAMES[code] ?? 'control');
  return `${name} character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
};

export default defineRule({
  id: 'control-character',
  severity: 'error',
  summary: 'an invisible control character (NUL, ESC and the like) in a text, most often pasted from another program',
  stage: 'records',
  check({ repo, report }) {
    const message = (c: string) =>
      `an invisible ${named(c)} is in this text: delete it (it most often comes with text pasted from another program)`;
    const check = (source: Parameters<typeof report>[0], value: unknown, base: DocPath = []) => {
      eachText(value, (text, path) => {
        const m = CONTROL.exec(text);
        if (m) report(source, [...base, ...path], message(m[0]));
      });
    };
    if (repo.community) check(repo.community, repo.community.data);
    for (const list of [repo.units, repo.members, ...(repo.outputs ? [repo.outputs] : [])])
      for (const e of list.entries) check(list, e.data, [e.index]);
    for (const s of everyMinutesFile(repo)) {
      check(s, s.data);
      const m = CONTROL.exec(s.body);
      if (m) {
        const before = s.body.slice(0, m.index);
        const line = s.bodyLine + (before.match(/\n/g)?.length ?? 0);
        report.at(s.file, { line, column: m.index - before.lastIndexOf('\n') }, message(m[0]));
      }
    }
    for (const s of everySurveyFile(repo)) check(s, s.data);
  },
  examples: [
    { title: 'plain text', files: {}, expect: [] },
    {
      title: 'an escape character pasted into a title',
      files: change(MINUTES, 'title: Welcome', 'title: "Welcome\\e[0m"'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:2:8 an invisible ESC character (U+001B) is in this text: delete it ' +
          '(it most often comes with text pasted from another program)',
      ],
    },
    {
      title: 'a C1 control character (CSI) in a written answer',
      files: change(SURVEY, '"comments": "A good start."', '"comments": "A good\u009b31m start."'),
      expect: [
        'surveys/2024-25/feedback.json:21:98 an invisible CSI character (U+009B) is in this text: delete it (it ' +
          'most often comes with text pasted from another program)',
      ],
    },
    {
      title: 'a NUL in a written answer',
      files: change(SURVEY, '"comments": "A good start."', '"comments": "A good\\u0000 start."'),
      expect: [
        'surveys/2024-25/feedback.json:21:98 an invisible NUL character (U+0000) is in this text: delete it (it ' +
          'most often comes with text pasted from another program)',
      ],
    },
  ],
});
