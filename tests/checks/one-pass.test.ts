import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/rules/diagnostic.js';
import { MULTI_YEAR, replaceOnce, validate } from '../helpers/repo.js';

const NEW = 'minutes/2024-25/2025-03-04-peer-sharing.md';

/** A new minutes file as a coordinator writes it in the web editor, with the five mistakes people make most. */
const withFiveMistakes = [
  '---',
  'title: Peer sharing',
  'date: 2025-03-04',
  'type: meeting',
  'formt: hybrid', // 1. a misspelt field
  'facilitators: [coordinators]',
  'attendees:',
  '\t- Member Five', // 2. a tab for indentation, 3. a name where the id belongs
  '\t- membr six', // a name with a typo
  '  - a08',
  'themes: [wellbeeing, mentoring]', // 4. a misspelt theme, 5. a theme that does not exist
  '---',
  '',
  '## Summary',
  '',
  '- Mentors shared how they run check-ins.',
  '',
].join('\n');

const at = (d: Diagnostic[], line: number) => d.filter((x) => x.line === line);

describe('one validate run reports every mistake in a file, each once', () => {
  it('reports all five mistakes of a new minutes file in one pass, with the fix for each', async () => {
    const diagnostics = (await validate(MULTI_YEAR, { [NEW]: withFiveMistakes })).filter((d) => d.file === NEW);

    expect(diagnostics.map((d) => `${d.line}:${d.rule}`)).toEqual([
      '5:unknown-field',
      '8:syntax',
      '8:unknown-reference',
      '9:unknown-reference',
      '11:unknown-reference',
      '11:unknown-reference',
    ]);

    // The misspelling gives one problem: no second "required field format is missing".
    expect(at(diagnostics, 5)[0]!.message).toBe('unknown field "formt": did you mean "format"?');
    expect(diagnostics.some((d) => d.rule === 'missing-field')).toBe(false);

    expect(at(diagnostics, 8).find((d) => d.rule === 'syntax')!.message).toMatch(
      /a tab is used to indent this line\. Indent with spaces/,
    );
    expect(at(diagnostics, 8).find((d) => d.rule === 'syntax')!.message).not.toMatch(/colon/);
    expect(at(diagnostics, 8).find((d) => d.rule === 'unknown-reference')!.message).toMatch(
      /^attendee "Member Five" is the name of a05: write a05\./,
    );
    expect(at(diagnostics, 9)[0]!.message).toMatch(
      /^attendee "membr six" looks like the name of a06 \(Member Six\): write a06\./,
    );

    const [misspelt, unknown] = at(diagnostics, 11);
    expect(misspelt!.message).toMatch(
      new RegExp(
        String.raw`theme "wellbeeing" is not in the themes of data\/community\.` +
          String.raw`json\. Did you mean "wellbeing"\? The themes are: wellbeing, `,
      ),
    );
    expect(unknown!.message).toMatch(
      new RegExp(
        String.raw`theme "mentoring" is not in the themes .* The themes are: (?=.*induction)(?=.*a` +
          String.raw`ssessment)(?=.*wellbeing).*A new theme goes in "themes" in data\/community\.json`,
      ),
    );
  });

  it('still checks the fields that parsed when a file has a schema problem', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [NEW]:
        '---\ntitle: Peer sharing\ndate: 2025-03-04\ntype: seminar\nformat: online\nattendees: [a02, ' +
        'a99]\nthemes: [induction]\n---\n\n## Summary\n\n- Write to zoe.private@example.org.\n',
    });
    const rules = diagnostics.filter((d) => d.file === NEW).map((d) => `${d.line}:${d.rule}`);
    // The bad type does not hide the membership, reference and privacy problems of the same file.
    expect(rules).toEqual(['4:schema', '6:not-a-member', '6:unknown-reference', '12:personal-email']);
  });

  it('lists the session types nearest the one written first', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [NEW]:
        '---\ntitle: Peer sharing\ndate: 2025-03-04\ntype: workshops\nformat: online\nattendees: [a08]\nthemes: ' +
        '[induction]\n---\n',
    });
    expect(diagnostics.find((d) => d.file === NEW)!.message).toBe(
      'type: "workshops" is not allowed here: use one of workshop, webinar, meeting, learning-exchange',
    );
  });

  it('tells a coordinator who copied earlier minutes to give the actions new ids', async () => {
    const copy = (text: string) =>
      text.replace('date: 2024-10-01', 'date: 2025-03-04').replace('title: Restart', 'title: Peer sharing');
    const source = 'minutes/2024-25/2024-10-01-restart.md';
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const original = await readFile(join(MULTI_YEAR, source), 'utf8');
    const diagnostics = (await validate(MULTI_YEAR, { [NEW]: copy(original) })).filter((d) => d.file === NEW);
    const duplicates = diagnostics.filter((d) => d.rule === 'duplicate-id');
    expect(duplicates).toHaveLength(2);
    for (const d of duplicates)
      expect(d.message).toMatch(/An action copied from earlier minutes needs an id of its own, or remove it/);
  });

  it('puts the colon hint only on a line with an unquoted colon', async () => {
    const [colon] = (
      await validate(MULTI_YEAR, { [NEW]: '---\ntitle: Peer sharing: check-ins\ndate: 2025-03-04\n---\n' })
    ).filter((d) => d.file === NEW);
    expect(colon!.message).toMatch(
      new RegExp(
        String.raw`The text after "title:" holds a colon: put the whole text` +
          String.raw` in double quotes, as in title: "Peer sharing: check-ins"`,
      ),
    );
    const [bracket] = (
      await validate(MULTI_YEAR, { [NEW]: '---\ntitle: Peer sharing\nthemes: [induction\ndate: 2025-03-04\n---\n' })
    ).filter((d) => d.file === NEW);
    expect(bracket!.rule).toBe('syntax');
    expect(bracket!.message).not.toMatch(/colon/);
  });
});

describe('JSON punctuation mistakes each get a sentence with the fix', () => {
  const UNITS = 'data/units.json';
  const cases: Array<{ name: string; edit: (t: string) => string; line: number; message: RegExp }> = [
    {
      name: 'a comma after the last entry',
      edit: (t) => t.replace(/\}\n\]\s*$/, '},\n]\n'),
      line: 9,
      message: /a comma after the last entry: remove this comma before the closing "\]"/,
    },
    {
      name: 'single quotes',
      edit: replaceOnce('{ "id": "physics"', '{ \'id\': "physics"'),
      line: 3,
      message: /text in single quotes: JSON needs double quotes/,
    },
    {
      name: 'a missing comma',
      edit: replaceOnce('"department" },\n  { "id": "physics"', '"department" }\n  { "id": "physics"'),
      line: 3,
      message: /a comma is missing before this entry: add "," after the entry before it/,
    },
    {
      name: 'an unquoted field name',
      edit: replaceOnce('{ "id": "physics"', '{ id: "physics"'),
      line: 3,
      message: /the field name id is not in double quotes: write "id"/,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const [d, ...rest] = (await validate(MULTI_YEAR, { [UNITS]: c.edit })).filter((x) => x.file === UNITS);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ rule: 'syntax', line: c.line });
      expect(d!.message).toMatch(c.message);
    });
  }
  it('has a case for every mistake', () => expect(cases).toHaveLength(4));
});
