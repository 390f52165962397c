import { everyMinutesFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { MAX_MARKDOWN_DEPTH, tooDeep } from './support/markdown.js';

export default defineRule({
  id: 'markdown-depth',
  severity: 'error',
  summary:
    `Markdown nested more than ${MAX_MARKDOWN_DEPTH} levels deep (quotes or lists on one line, or brackets ` +
    `open at once), which no report could be built from`,
  stage: 'records',
  // Past the bound, building the reports would take hours or run out of stack: it cannot be allowed.
  alwaysError: true,
  check({ repo, report }) {
    const message = (what: 'containers' | 'brackets') =>
      what === 'containers'
        ? `this line nests more than ${MAX_MARKDOWN_DEPTH} quotes or lists ("> > > …", "- - - …"): the reports ` +
          `cannot be built from it. Write the point as plain text, with at most a few levels`
        : `more than ${MAX_MARKDOWN_DEPTH} "[" are open at once here: the reports cannot be built from it. Remove ` +
          `the extra brackets, or write "\\[" for a bracket meant as text`;
    for (const s of [...everyMinutesFile(repo), ...repo.narratives]) {
      const deep = tooDeep(s.body);
      if (deep) report.at(s.file, { line: s.bodyLine + deep.line - 1, column: deep.column }, message(deep.what));
    }
    const community = repo.community;
    if (!community) return;
    const texts: Array<[Array<string | number>, string | undefined]> = [
      [['description'], community.data.description],
      ...community.data.aims.map((a, i): [Array<string | number>, string | undefined] => [
        ['aims', i, 'description'],
        a.description,
      ]),
    ];
    for (const [path, text] of texts) {
      const deep = text === undefined ? undefined : tooDeep(text);
      if (deep) report(community, path, message(deep.what));
    }
  },
  examples: [
    {
      title: 'points and sub-points',
      files: change(MINUTES, '- Mentors introduced', '- A point\n  - a sub-point\n    > a quote\n- Mentors introduced'),
      expect: [],
    },
    {
      title: 'a line of 40 nested quotes',
      files: change(MINUTES, '- Mentors introduced', `${'> '.repeat(40)}Mentors introduced`),
      expect: [
        `minutes/2024-25/2024-10-15-welcome.md:19:65 this line nests more than ${MAX_MARKDOWN_DEPTH} quotes or ` +
          `lists ("> > > …", "- - - …"): the reports cannot be built from it. Write the point as plain text, ` +
          `with ` +
          `at most a few levels`,
      ],
    },
    {
      title: 'a run of brackets',
      files: change(MINUTES, '- Mentors introduced', `- ${'['.repeat(40)}x${']'.repeat(40)} Mentors introduced`),
      expect: [
        `minutes/2024-25/2024-10-15-welcome.md:19:35 more than ${MAX_MARKDOWN_DEPTH} "[" are open at once here: ` +
          `the reports cannot be built from it. Remove the extra brackets, or write "\\[" for a bracket meant as text`,
      ],
    },
  ],
});
