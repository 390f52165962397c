import type { DocPath, SourceRef } from '../model/positions.js';
import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, MINUTES, SURVEY } from './examples/community.js';
import { eachText } from './support/texts.js';

/**
 * Fields written on one line wherever they go: a title in the calendar, a name in a table, a
 * label in a chart. A line break in one would start a new calendar property or table row.
 */
const ONE_LINE = new Set(['name', 'title', 'label', 'institution', 'venue', 'role', 'location', 'one', 'many', 'text']);

/** CR, LF and the line breaks of Unicode: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;

const NAMES: Readonly<Record<string, string>> = {
  '\r': 'a carriage return',
  '\n': 'a line break',
  '\u0085': 'a NEL line break (U+0085)',
  '\u2028': 'a line separator (U+2028)',
  '\u2029': 'a paragraph separator (U+2029)',
};

export default defineRule({
  id: 'line-break',
  severity: 'error',
  summary:
    'a line break in a field written on one line (a name, title or label), which would start a new line of the ' +
    'calendar, a table or a chart',
  stage: 'records',
  check({ repo, report }) {
    const check = (source: SourceRef, value: unknown, base: DocPath = [], skip?: string) => {
      const skipped = skip === undefined ? undefined : (path: DocPath) => path.length === 1 && path[0] === skip;
      eachText(
        value,
        (text, path) => {
          const key = path[path.length - 1];
          if (typeof key !== 'string' || !ONE_LINE.has(key)) return;
          const m = LINE_BREAK.exec(text);
          if (m)
            report(
              source,
              [...base, ...path],
              `"${key}" is written on one line, and this one holds ${NAMES[m[0]]}: join the lines (a break would ` +
                `start a new line in the calendar, a table or a chart)`,
            );
        },
        skipped,
      );
    };
    if (repo.community) check(repo.community, repo.community.data);
    for (const list of [repo.units, repo.members, ...(repo.outputs ? [repo.outputs] : [])])
      for (const e of list.entries) check(list, e.data, [e.index]);
    for (const s of everyMinutesFile(repo)) check(s, s.data);
    // Answers are free text, and may run over lines.
    for (const s of everySurveyFile(repo)) check(s, s.data, [], 'responses');
  },
  examples: [
    { title: 'a title on one line', files: {}, expect: [] },
    {
      title: 'a line break in a session title',
      files: change(MINUTES, 'title: Welcome', 'title: "Welcome\\nBEGIN:VEVENT"'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:2:8 "title" is written on one line, and this one holds a line ' +
          'break: join the lines (a break would start a new line in the calendar, a table or a chart)',
      ],
    },
    {
      title: "a line separator in a rating scale's label",
      files: change(SURVEY, '"label": "Not useful"', '"label": "Not\\u2028useful"'),
      expect: [
        'surveys/2024-25/feedback.json:10:40 "label" is written on one line, and this one holds a line separator ' +
          '(U+2028): join the lines (a break would start a new line in the calendar, a table or a chart)',
      ],
    },
  ],
});
