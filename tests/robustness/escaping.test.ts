import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { cop } from '../helpers/cli.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';
import { temporaryDir } from '../helpers/temp.js';

const COMMUNITY = 'data/community.json';
const SURVEY = 'surveys/2022-23/annual-survey.json';
const FIRST = 'minutes/2021-22/2021-10-12-first-meeting.md';

/** A community that turned the line-break rule off: what it publishes must still be escaped for each format. */
const RULE_OFF = replaceOnce('"institution":', '"rules": { "line-break": "off" },\n  "institution":');

describe('every output escapes what it is given for its format', () => {
  it('the calendar: a name and a title with line breaks add no event, and read back whole', async () => {
    const name = 'Network\nEND:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:injected; with, commas';
    const root = await fixtureWith(MULTI_YEAR, {
      [COMMUNITY]: (t) => RULE_OFF(t).replace(/"name": "[^"]*"/, `"name": ${JSON.stringify(name)}`),
      [FIRST]: replaceOnce('title: First meeting', 'title: "First meeting\\nBEGIN:VEVENT"'),
    });
    const minutes = (await readdir(join(root, 'minutes'), { recursive: true })).filter((f) => f.endsWith('.md')).length;
    const built = await cop(['build', '--root', root]);
    expect(built.code, built.stderr).toBe(0);
    const ics = await readFile(join(root, 'reports/calendar.ics'), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(minutes);
    // RFC 5545 TEXT: line breaks as \n, semicolons and commas escaped; ical.js keeps an X- property's text as written.
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Network\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nSUMMARY:injected\\; with\\, commas',
    );
    expect(ics.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(minutes);
  });

  it('the coding sheet: an answer with a bare CR or LF stays one row, and a formula after it stays text', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      [SURVEY]: replaceOnce('"q5": "Very helpful."', '"q5": "Very helpful.\\n=HYPERLINK(\\"http://x\\")\\rand more"'),
    });
    const sheet = join(await temporaryDir(), 'coding.csv');
    const r = await cop(['codes', '--survey', '2022-23/annual-survey', '--export', sheet, '--root', root]);
    expect(r.code, r.stderr).toBe(0);
    const text = (await readFile(sheet, 'utf8')).replace(/^\uFEFF/, '');
    // A strict reader: a quote out of place, or a row of another length, throws.
    const rows = parseCsv(text, { relax_quotes: false, relax_column_count: false }) as string[][];
    const survey = JSON.parse(await readFile(join(root, SURVEY), 'utf8')) as {
      responses: Array<{ answers: Record<string, unknown> }>;
    };
    const written = survey.responses.filter(
      (x) => typeof x.answers.q5 === 'string' && x.answers.q5.trim() !== '',
    ).length;
    expect(rows).toHaveLength(written + 1);
    const cell = rows.find((row) => row[3]?.startsWith('Very helpful.'))![3]!;
    expect(cell).toBe('Very helpful.\n=HYPERLINK("http://x")\rand more');
    // Excel reads a cell as a formula only from its first character: every line of it is text.
    expect(rows.every((row) => row.every((c) => !/^[=+\-@]/.test(c)))).toBe(true);
  });

  it('validate inside GitHub Actions: no line a record writes starts a workflow command', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      [COMMUNITY]: RULE_OFF,
      [FIRST]: (t) =>
        replaceOnce(
          'title: First meeting',
          'title: "First meeting\\n::add-mask::secret\\n::warning::owned"',
        )(t).replace(/owner: \S+/, 'owner: "nobody\\n::error::fake"'),
    });
    for (const format of ['text', 'json']) {
      const r = await cop(['validate', '--format', format, '--root', root], {
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: root,
      });
      expect(r.code).toBe(1);
      const lines = `${r.stdout}\n${r.stderr}`.split('\n');
      const commands = lines.filter((l) => l.startsWith('::'));
      expect(
        commands.every((l) => /^::(error|warning) file=[^\n]*::/.test(l)),
        commands.join('\n'),
      ).toBe(true);
      expect(lines.some((l) => /^::(add-mask|warning::owned|error::fake)/.test(l))).toBe(false);
    }
    // At a terminal, the same value is shown with its line breaks escaped.
    const r = await cop(['validate', '--root', root]);
    expect(r.stdout).toContain('\\n::error::fake');
  });

  it('a line separator in a rating scale label: the chart is drawn, the build does not stop', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      [COMMUNITY]: RULE_OFF,
      [SURVEY]: replaceOnce('"label": "Not useful"', '"label": "Not\\u2028useful"'),
    });
    const built = await cop(['build', '--root', root]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain('internal error');
  });

  it('fields written on one line refuse line breaks at their line, whatever the break', async () => {
    const root = await fixtureWith(MULTI_YEAR, {
      'data/units.json': (t) => t.replace(/"name": "([^"]+)"/, '"name": "$1\\u2029"'),
      [FIRST]: replaceOnce('title: First meeting', 'title: "First\\Nmeeting"'),
    });
    const r = await cop(['validate', '--format', 'json', '--root', root]);
    const problems = (
      JSON.parse(r.stdout) as Array<{ file: string; line: number; rule: string; message: string }>
    ).filter((p) => p.rule === 'line-break');
    expect(problems.map((p) => [p.file, p.line])).toEqual([
      ['data/units.json', 2],
      [FIRST, 2],
    ]);
    expect(problems[0]!.message).toContain('a paragraph separator (U+2029)');
    expect(problems[1]!.message).toContain('a NEL line break (U+0085)');
  });

  it('init refuses a name with a line break', async () => {
    const root = await temporaryDir();
    const r = await cop(['init', '--name', 'Network\nBEGIN:VEVENT', '--institution', 'U', '--root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('written on one line');
    expect(await readdir(root)).toEqual([]);
  });
});
