import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { MULTI_YEAR, replaceOnce, validate, type Edits } from '../helpers/repo.js';

const MEMBERS = 'data/members.json';
const UNITS = 'data/units.json';
const COMMUNITY = 'data/community.json';
const FIRST = 'minutes/2021-22/2021-10-12-first-meeting.md';
const WORKSHOP = 'minutes/2021-22/2022-03-08-assessment-workshop.md';
const CAFE = 'minutes/2022-23/2022-11-15-cafe-conversation.md';
const EXCHANGE = 'minutes/2024-25/2025-02-11-learning-exchange.md';
const SURVEY = 'surveys/2022-23/annual-survey.json';
const FEEDBACK = 'surveys/2024-25/exchange-feedback.json';

interface Case {
  name: string;
  edits: Edits;
  expect: {
    rule: string;
    file: string;
    line: number;
    column?: number;
    severity?: 'error' | 'warning';
    message?: RegExp;
  };
}

/**
 * One failing fixture per rule: a realistic mistake made to the synthetic multi-year
 * community, and where the coordinator must be told about it.
 */
const cases: Case[] = [
  // Files that cannot be read
  {
    name: 'JSON with a missing comma',
    edits: { [UNITS]: replaceOnce('"department" },\n  { "id": "physics"', '"department" }\n  { "id": "physics"') },
    expect: { rule: 'syntax', file: UNITS, line: 3, message: /comma/ },
  },
  {
    name: 'YAML that does not parse',
    edits: { [FIRST]: replaceOnce('attendees: [a01, a02, a04]', 'attendees: [a01, a02, a04') },
    expect: { rule: 'syntax', file: FIRST, line: 8 },
  },
  {
    name: 'a file not saved as UTF-8',
    edits: { [WORKSHOP]: (t) => Buffer.from(t.replace('Practical', 'Pr\u00e1ctical'), 'latin1') },
    expect: { rule: 'encoding', file: WORKSHOP, line: 1 },
  },
  {
    name: 'an empty minutes file',
    edits: { 'minutes/2024-25/2025-03-01-draft.md': '\n' },
    expect: { rule: 'empty-file', file: 'minutes/2024-25/2025-03-01-draft.md', line: 1 },
  },
  {
    name: 'minutes without frontmatter',
    edits: { 'minutes/2024-25/2025-03-01-notes.md': '# Notes\n\nNo frontmatter here.\n' },
    expect: { rule: 'frontmatter', file: 'minutes/2024-25/2025-03-01-notes.md', line: 1 },
  },
  {
    name: 'a frontmatter block never closed',
    edits: { [WORKSHOP]: replaceOnce('themes: [assessment, wellbeing]\n---', 'themes: [assessment, wellbeing]\n') },
    expect: { rule: 'frontmatter', file: WORKSHOP, line: 1, message: /not closed/ },
  },
  {
    name: 'a required data file missing',
    edits: { [MEMBERS]: null },
    expect: { rule: 'missing-file', file: MEMBERS, line: 1 },
  },
  {
    name: 'a field written twice in JSON',
    edits: { [UNITS]: replaceOnce('{ "id": "history", "name"', '{ "id": "history", "id": "history", "name"') },
    expect: { rule: 'duplicate-field', file: UNITS, line: 2, column: 22 },
  },
  // Schemas
  {
    name: 'a misspelt field',
    edits: { [FIRST]: replaceOnce('attendees:', 'atendees:') },
    expect: { rule: 'unknown-field', file: FIRST, line: 7, column: 1, message: /did you mean "attendees"/ },
  },
  {
    name: 'a required field left out',
    edits: { [FIRST]: replaceOnce('format: in-person\n', '') },
    expect: { rule: 'missing-field', file: FIRST, line: 2, message: /"format"/ },
  },
  {
    name: 'a value outside its list',
    edits: { [FIRST]: replaceOnce('format: in-person', 'format: face-to-face') },
    expect: {
      rule: 'schema',
      file: FIRST,
      line: 5,
      column: 9,
      message: /use one of (?=.*in-person)(?=.*hybrid)(?=.*online)/,
    },
  },
  {
    name: 'a misspelt field in a survey question',
    edits: { [FEEDBACK]: replaceOnce('"type": "scale",', '"type": "scale", "requried": true,') },
    expect: { rule: 'unknown-field', file: FEEDBACK, line: 8, message: /"requried"/ },
  },
  {
    name: 'a date that does not exist',
    edits: { [MEMBERS]: replaceOnce('"joined": "2021-10-05"', '"joined": "2021-02-30"') },
    expect: { rule: 'invalid-date', file: MEMBERS, line: 3, message: /not a calendar date/ },
  },
  {
    name: 'a mentoring status outside its list',
    edits: { [MEMBERS]: replaceOnce('"joined": "2021-09-01" }', '"joined": "2021-09-01", "mentoring": "matched" }') },
    expect: { rule: 'schema', file: MEMBERS, line: 2, message: /use one of (?=.*active)(?=.*waiting)(?=.*none)/ },
  },
  {
    name: 'a guest count of zero',
    edits: { [EXCHANGE]: replaceOnce('    count: 2', '    count: 0') },
    expect: { rule: 'schema', file: EXCHANGE, line: 10, column: 12 },
  },
  {
    name: 'a yearStart of 29 February',
    edits: { [COMMUNITY]: replaceOnce('"yearStart": "09-01"', '"yearStart": "02-29"') },
    expect: { rule: 'schema', file: COMMUNITY, line: 4 },
  },
  // Uniqueness
  {
    name: 'two members with one id',
    edits: { [MEMBERS]: replaceOnce('{ "id": "a08"', '{ "id": "a07"') },
    expect: { rule: 'duplicate-id', file: MEMBERS, line: 9, message: /line 8/ },
  },
  {
    name: "a unit id reused as another unit's old id",
    edits: { [UNITS]: replaceOnce('"formerly": ["modern-languages"]', '"formerly": ["history"]') },
    expect: { rule: 'duplicate-id', file: UNITS, line: 5 },
  },
  {
    name: 'an action id used in two minutes files',
    edits: { [CAFE]: replaceOnce('id: referral-map', 'id: write-induction-guide') },
    expect: { rule: 'duplicate-id', file: CAFE, line: 9, message: /2021-10-12-first-meeting\.md/ },
  },
  {
    name: 'the same attendee twice',
    edits: { [FIRST]: replaceOnce('[a01, a02, a04]', '[a01, a02, a04, a01]') },
    expect: { rule: 'duplicate-id', file: FIRST, line: 7, column: 28 },
  },
  {
    name: 'two sessions with one id in different years',
    edits: {
      'minutes/2022-23/2021-10-12-first-meeting.md':
        '---\ntitle: Copy\ndate: 2021-10-12\ntype: meeting\nformat: online\nattendees: [a01]\nthemes: ' +
        '[induction]\n---\n',
    },
    expect: { rule: 'duplicate-id', file: 'minutes/2022-23/2021-10-12-first-meeting.md', line: 3 },
  },
  {
    name: 'two surveys with one id in a year',
    edits: {
      'surveys/2024-25/copy.json':
        '{"id": "exchange-feedback", "title": "Copy", "kind": "event-feedback", "opened": "2025-02-12", ' +
        '"population": {"count": 4},\n "questions": [{"id": "q", "type": "text", "text": "?"}], "responses": []}\n',
    },
    expect: { rule: 'duplicate-id', file: FEEDBACK, line: 2, column: 9, message: /surveys\/2024-25\/copy\.json:1/ },
  },
  {
    name: 'two responses with one id',
    edits: { [FEEDBACK]: replaceOnce('{"id": "rb"', '{"id": "ra"') },
    expect: { rule: 'duplicate-id', file: FEEDBACK, line: 12, message: /line 11/ },
  },
  // References
  {
    name: 'an attendee not on the roster',
    edits: { [FIRST]: replaceOnce('[a01, a02, a04]', '[a01, a02, a044]') },
    expect: {
      rule: 'unknown-reference',
      file: FIRST,
      line: 7,
      column: 23,
      message: /"a044" is not in data\/members.json.*Did you mean "a04"/,
    },
  },
  {
    name: 'an unknown facilitator',
    edits: { [FIRST]: replaceOnce('facilitators: [coordinators]', 'facilitators: [coordinator]') },
    expect: { rule: 'unknown-reference', file: FIRST, line: 6, column: 16, message: /Did you mean "coordinators"/ },
  },
  {
    name: 'an unknown action owner',
    edits: { [FIRST]: replaceOnce('owner: a01', 'owner: zoe') },
    expect: { rule: 'unknown-reference', file: FIRST, line: 12, column: 12 },
  },
  {
    name: 'an unknown presenter',
    edits: { [EXCHANGE]: replaceOnce('member: a06', 'member: a66') },
    expect: { rule: 'unknown-reference', file: EXCHANGE, line: 12, column: 13 },
  },
  {
    name: 'a member in an unknown unit',
    edits: { [MEMBERS]: replaceOnce('"unit": "chemistry"', '"unit": "chemestry"') },
    expect: { rule: 'unknown-reference', file: MEMBERS, line: 6, message: /Did you mean "chemistry"/ },
  },
  {
    name: 'a guest from an unknown unit',
    edits: { [WORKSHOP]: replaceOnce('unit: chemistry', 'unit: biology') },
    expect: { rule: 'unknown-reference', file: WORKSHOP, line: 8, column: 11 },
  },
  {
    name: 'a guest from a unit that did not exist that year',
    edits: { [WORKSHOP]: replaceOnce('unit: chemistry', 'unit: data-science') },
    expect: { rule: 'unit-not-in-year', file: WORKSHOP, line: 8, column: 11, message: /from 2023-24/ },
  },
  {
    name: 'an unknown theme',
    edits: { [FIRST]: replaceOnce('themes: [induction]', 'themes: [inductions]') },
    expect: { rule: 'unknown-reference', file: FIRST, line: 8, column: 10 },
  },
  {
    name: 'a theme serving an unknown aim',
    edits: { [COMMUNITY]: replaceOnce('"aims": ["share"] }', '"aims": ["sharing"] }') },
    expect: { rule: 'unknown-reference', file: COMMUNITY, line: 12 },
  },
  {
    name: 'a survey population naming no session',
    edits: {
      [FEEDBACK]: replaceOnce('"session": "2025-02-11-learning-exchange"', '"session": "2025-02-12-learning-exchange"'),
    },
    expect: { rule: 'unknown-reference', file: FEEDBACK, line: 6 },
  },
  {
    name: 'askedIf naming no question',
    edits: { [SURVEY]: replaceOnce('"askedIf": {"question": "q1"', '"askedIf": {"question": "q0"') },
    expect: { rule: 'unknown-reference', file: SURVEY, line: 11 },
  },
  {
    name: 'an old unit id',
    edits: {},
    expect: { rule: 'renamed-unit', file: MEMBERS, line: 4, severity: 'warning', message: /write "languages"/ },
  },
  // Dates and membership
  {
    name: 'an attendee who had not yet joined',
    edits: { [MEMBERS]: replaceOnce('"joined": "2021-10-05"', '"joined": "2021-10-13"') },
    expect: { rule: 'not-a-member', file: FIRST, line: 7, column: 18, message: /joined on 13 October 2021/ },
  },
  {
    name: 'an attendee who had left the day before',
    edits: { [MEMBERS]: replaceOnce('"left": "2024-02-15"', '"left": "2022-11-14"') },
    expect: { rule: 'not-a-member', file: CAFE, line: 6, column: 23 },
  },
  {
    name: 'left before joined',
    edits: { [MEMBERS]: replaceOnce('"left": "2024-02-15"', '"left": "2022-08-01"') },
    expect: { rule: 'left-before-joined', file: MEMBERS, line: 8 },
  },
  {
    name: 'a unit closing before it opens',
    edits: { [UNITS]: replaceOnce('"from": "2023-24"', '"from": "2023-24", "until": "2022-23"') },
    expect: { rule: 'unit-years', file: UNITS, line: 7 },
  },
  {
    name: 'a file name that does not start with the date',
    edits: { [FIRST]: replaceOnce('date: 2021-10-12', 'date: 2021-10-13') },
    expect: { rule: 'file-name', file: FIRST, line: 3, message: /2021-10-13-first-meeting\.md/ },
  },
  {
    name: 'minutes in the wrong year folder',
    edits: {
      'minutes/2021-22/2022-11-16-extra.md':
        '---\ntitle: Extra\ndate: 2022-11-16\ntype: meeting\nformat: online\nattendees: [a01]\nthemes: ' +
        '[induction]\n---\n',
    },
    expect: {
      rule: 'file-folder',
      file: 'minutes/2021-22/2022-11-16-extra.md',
      line: 3,
      message: /minutes\/2022-23\//,
    },
  },
  {
    name: 'a survey whose id is not its file name',
    edits: { [FEEDBACK]: replaceOnce('"id": "exchange-feedback"', '"id": "exchange-survey"') },
    expect: { rule: 'file-name', file: FEEDBACK, line: 2 },
  },
  {
    name: 'a survey in the wrong year folder',
    edits: { [FEEDBACK]: replaceOnce('"opened": "2025-02-11"', '"opened": "2024-02-11"') },
    expect: { rule: 'file-folder', file: FEEDBACK, line: 5, message: /surveys\/2023-24\// },
  },
  {
    name: 'a survey closing before it opens',
    edits: { [SURVEY]: replaceOnce('"closed": "2023-06-30"', '"closed": "2023-05-30"') },
    expect: { rule: 'date-order', file: SURVEY, line: 6 },
  },
  {
    name: 'an action due before its session',
    edits: { [FIRST]: replaceOnce('due: 2021-12-01', 'due: 2021-09-01') },
    expect: { rule: 'action-due-date', file: FIRST, line: 13, severity: 'warning' },
  },
  {
    name: "a survey's population session of another year",
    edits: {
      [FEEDBACK]: replaceOnce('"session": "2025-02-11-learning-exchange"', '"session": "2022-11-15-cafe-conversation"'),
    },
    expect: {
      rule: 'population-year',
      file: FEEDBACK,
      line: 6,
      severity: 'warning',
      message: /session "2022-11-15-cafe-conversation" of 2022-23, but the survey opened in 2024-25/,
    },
  },
  {
    name: 'a population session not set yet',
    edits: { [FEEDBACK]: replaceOnce('"session": "2025-02-11-learning-exchange"', '"session": ""') },
    expect: { rule: 'unknown-reference', file: FEEDBACK, line: 6, message: /population session is not set yet/ },
  },
  // Survey answers
  {
    name: 'a single answer that is not an option',
    edits: { [SURVEY]: replaceOnce('{"id": "r3", "answers": {"q1": "no"', '{"id": "r3", "answers": {"q1": "nope"') },
    expect: { rule: 'survey-answer', file: SURVEY, line: 18, column: 36, message: /"nope" is not an option/ },
  },
  {
    name: 'a scale answer off the scale',
    edits: { [FEEDBACK]: replaceOnce('{"useful": 4}', '{"useful": 6}') },
    expect: { rule: 'survey-answer', file: FEEDBACK, line: 12, column: 40, message: /not on the scale/ },
  },
  {
    name: 'a multi answer that is not a list',
    edits: { [SURVEY]: replaceOnce('"q3": ["meetings", "referrals"]', '"q3": "meetings"') },
    expect: { rule: 'survey-answer', file: SURVEY, line: 16, message: /must be a list/ },
  },
  {
    name: 'specify text on an option that takes none',
    edits: {
      [SURVEY]: replaceOnce(
        '"q3": ["meetings", "referrals"]',
        '"q3": ["meetings", {"value": "referrals", "text": "GP"}]',
      ),
    },
    expect: { rule: 'survey-answer', file: SURVEY, line: 16, message: /takes no text/ },
  },
  {
    name: 'a matrix item that does not exist',
    edits: { [SURVEY]: replaceOnce('"q4": {"meetings": 2}', '"q4": {"meetings": 2, "seminars": 3}') },
    expect: { rule: 'survey-answer', file: SURVEY, line: 18, message: /"seminars" is not an item/ },
  },
  {
    name: 'an answer to a question that does not exist',
    edits: { [FEEDBACK]: replaceOnce('{"useful": 3}', '{"useful": 3, "q9": "x"}') },
    expect: { rule: 'unknown-question', file: FEEDBACK, line: 14 },
  },
  {
    name: 'an answer to a question the respondent was not asked',
    edits: {
      [SURVEY]: replaceOnce(
        '{"id": "r3", "answers": {"q1": "no", "q2": "did-not-attend"',
        '{"id": "r3", "answers": {"q1": "no", "q3": ["meetings"], "q2": "did-not-attend"',
      ),
    },
    expect: { rule: 'not-asked', file: SURVEY, line: 18, message: /asked only when q1 is one of yes/ },
  },
  // Confidentiality
  {
    name: 'an email address in the minutes',
    edits: { [EXCHANGE]: (t) => `${t}- Follow up with j.bloggs@student.example.ac.uk after the exams.\n` },
    expect: { rule: 'personal-email', file: EXCHANGE, line: 21, column: 18 },
  },
  {
    name: 'a phone number in an action',
    edits: {
      [FIRST]: replaceOnce('text: Draft a guide for new mentors', 'text: Call the student back on 07700 900123'),
    },
    expect: { rule: 'personal-phone', file: FIRST, line: 11, column: 11 },
  },
  {
    name: 'a student number in a survey answer',
    edits: { [SURVEY]: replaceOnce('"q5": "Very helpful."', '"q5": "My mentee (201912345) found it very helpful."') },
    expect: { rule: 'student-number', file: SURVEY, line: 16 },
  },
  {
    name: 'a name that is no member, team entry or presenter',
    edits: { [EXCHANGE]: (t) => `${t}- Sarah Jones, a second-year, missed three meetings.\n` },
    expect: {
      rule: 'personal-name',
      file: EXCHANGE,
      line: 21,
      column: 3,
      severity: 'warning',
      message: /"S\*\*\* J\*\*\*"/,
    },
  },
  {
    name: 'an identifying key in a survey response',
    edits: { [FEEDBACK]: replaceOnce('{"id": "rc", "answers"', '{"id": "rc", "ipAddress": "192.0.2.7", "answers"') },
    expect: {
      rule: 'response-identifier',
      file: FEEDBACK,
      line: 13,
      column: 18,
      message: /"ipAddress" is not allowed/,
    },
  },
  {
    name: 'a chosen quote that names no written answer',
    edits: {
      [SURVEY]: replaceOnce('"responses": [', '"quotes": [{"response": "r3", "question": "q5"}],\n  "responses": ['),
    },
    expect: { rule: 'quote', file: SURVEY, line: 15, message: /no written answer/ },
  },
  {
    name: 'minutes without a summary',
    edits: { [WORKSHOP]: (t) => t.replace(/## Summary[\s\S]*$/, '## Notes\n\nWe met.\n') },
    expect: { rule: 'session-summary', file: WORKSHOP, line: 11, severity: 'warning' },
  },
  {
    name: 'a planned session that lists attendees',
    edits: { [FIRST]: replaceOnce('format: in-person\n', 'format: in-person\nstatus: planned\n') },
    expect: { rule: 'planned-attendees', file: FIRST, line: 8, severity: 'error' },
  },
  {
    name: 'a session to come written as held with nobody present',
    edits: { [FIRST]: replaceOnce('[a01, a02, a04]', '[]') },
    expect: { rule: 'no-attendees', file: FIRST, line: 7, severity: 'warning' },
  },
  {
    name: 'value-creation evidence from a question the survey does not have',
    edits: { [COMMUNITY]: replaceOnce('"question": "q2" }', '"question": "q9" }') },
    expect: { rule: 'value-creation', file: COMMUNITY, line: 17, severity: 'error' },
  },
  {
    name: 'a written answer coded with a code the codebook lacks',
    edits: {
      [SURVEY]: replaceOnce(
        '  "responses": [',
        '  "codebook": [{ "id": "helpful", "title": "Helpful" }],\n  "codes": [{ "response": "r1", "question": ' +
          '"q5", "codes": ["helpfull"] }],\n  "responses": [',
      ),
    },
    expect: { rule: 'coding', file: SURVEY, line: 16, severity: 'error' },
  },
  {
    name: 'minutes saved with an upper-case ending',
    edits: { [FIRST]: null, 'minutes/2021-22/2021-10-12-first-meeting.MD': (t: string) => t || 'x' },
    expect: { rule: 'file-kind', file: 'minutes/2021-22/2021-10-12-first-meeting.MD', line: 1, severity: 'error' },
  },
  {
    name: 'an escape character pasted into a written answer',
    edits: { [SURVEY]: replaceOnce('"Very helpful."', '"Very helpful.\\u001b[0m"') },
    expect: { rule: 'control-character', file: SURVEY, line: 16, severity: 'error' },
  },
  {
    name: 'a stray file among the minutes',
    edits: { 'minutes/2022-23/agenda.docx': 'binary' },
    expect: { rule: 'unexpected-file', file: 'minutes/2022-23/agenda.docx', line: 1, severity: 'warning' },
  },
];

describe('validation rules: each mistake is reported at its file and line', () => {
  it.each(cases)('$name → $expect.rule at $expect.file:$expect.line', async ({ edits, expect: want }) => {
    const diagnostics = await validate(MULTI_YEAR, edits);
    const found = diagnostics.filter((d) => d.rule === want.rule && d.file === want.file);
    expect(
      found,
      `diagnostics ` +
        `were:\n${diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule} ${d.message}`).join('\n')}`,
    ).not.toHaveLength(0);
    const hit = found.find((d) => d.line === want.line && (want.column === undefined || d.column === want.column));
    expect(hit, `at lines ${found.map((d) => `${d.line}:${d.column}`).join(', ')}`).toBeDefined();
    expect(hit!.severity).toBe(want.severity ?? 'error');
    if (want.message) expect(hit!.message).toMatch(want.message);
  });
});

describe('one bad file does not hide the others', () => {
  it('reports problems in several files in one run', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [UNITS]: '[ { "id": "history", ',
      [FIRST]: replaceOnce('[a01, a02, a04]', '[a01, a02, a40]'),
      [SURVEY]: replaceOnce('{"id": "r3", "answers": {"q1": "no"', '{"id": "r3", "answers": {"q1": "nope"'),
    });
    const files = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
    expect(files).toEqual(new Set([UNITS, FIRST, SURVEY]));
  });

  it('keeps checking the other entries of a list when one entry is broken', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [MEMBERS]: replaceOnce('"joined": "2021-10-05"', '"joined": "5 October 2021"'),
    });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule)).toEqual(['invalid-date']);
  });
});

describe('confidentiality settings', () => {
  it('lets text listed in privacy.allow through', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [EXCHANGE]: (t) => `${t}- Slides from mentoring@northfield.example.\n`,
      [COMMUNITY]: replaceOnce('"team": [', '"privacy": { "allow": ["mentoring@northfield.example"] },\n  "team": ['),
    });
    expect(diagnostics.filter((d) => d.rule === 'personal-email')).toEqual([]);
  });

  it("uses the institution's own student-number pattern", async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [EXCHANGE]: (t) => `${t}- Raised by student u1234567.\n`,
      [COMMUNITY]: replaceOnce('"team": [', '"privacy": { "studentNumber": "\\\\bu\\\\d{7}\\\\b" },\n  "team": ['),
    });
    expect(diagnostics.filter((d) => d.rule === 'student-number').map((d) => [d.file, d.line])).toEqual([
      [EXCHANGE, 21],
    ]);
  });

  it('keeps checking the rest of a survey whose responses carry identifiers', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      [SURVEY]: (t) =>
        t.replace('{"id": "r6", "answers": {"q2": 4}}', '{"id": "r6", "email": "a@b.ac.uk", "answers": {"q2": 9}}'),
    });
    expect(
      diagnostics
        .filter((d) => d.file === SURVEY)
        .map((d) => d.rule)
        .sort(),
    ).toEqual(['response-identifier', 'survey-answer']);
  });
});

describe('the rule catalogue', () => {
  // Every rule's failing fixture is its own examples (tests/rules/examples.test.ts asserts them at file, line
  // and column): adding a rule needs no case here. These cases add realistic repositories, and name real rules.
  it('names only rules of the catalogue in its realistic cases', () => {
    const ids = new Set<string>(RULES.map((r) => r.id));
    expect(cases.length).toBeGreaterThan(0);
    expect(cases.map((c) => c.expect.rule).filter((r) => !ids.has(r))).toEqual([]);
  });
});
