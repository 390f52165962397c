import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../src/rules/support/phones.js';
import { MULTI_YEAR, replaceOnce, validate } from '../helpers/repo.js';

/** Real-looking numbers, and the numbers minutes and answers are full of that are not phones. */
const PHONES: Array<[text: string, found: string[]]> = [
  ['Call her on 020 7955 1234 after the meeting.', ['020 7955 1234']],
  ['Her mobile is 07700 900123.', ['07700 900123']],
  ['Office (0161) 496 0000, ext. 12', ['(0161) 496 0000, ext. 12']],
  ['Freephone 0800 123 4567', ['0800 123 4567']],
  ['International: +44 20 7955 1234', ['+44 20 7955 1234']],
  ['He gave 415-555-0132 as his number', ['415-555-0132']],
  ['Reach the mentor at (212) 555-0199 or 212.555.0199', ['(212) 555-0199', '212.555.0199']],
  ['US office +1 212 555 0199', ['+1 212 555 0199']],
  ['Berlin: +49 30 901820', ['+49 30 901820']],
  ['Paris +33 1 42 68 53 00', ['+33 1 42 68 53 00']],
  ['Mumbai +91 98765 43210', ['+91 98765 43210']],
];
const NOT_PHONES = [
  'The session on 2024-10-15 ran from 10:00-12:00.',
  'Membership grew in 2024-2025 and again in 2025-26.',
  'The budget was £1,250.00, or $1,250,000 over ten years.',
  'See minutes/2024-25/2025-02-25-resource-development.md and action intro-sessions-departments.',
  'Member m01 and m23; response r12; question q7-1.',
  '12 of 18 members (66.7%) attended; 1-3 years of experience.',
  'Between 2019 and 2024, 20231234 was a student number, not a phone.',
  'Scores 1 2 3 4 5 6 7 8 9 10.',
  'ISBN 978-3-16-148410-0.',
  'Room 32L 1.04, Zoom meeting 812 3456 7890.',
];

describe('phone numbers of every country, and nothing else', () => {
  it.each(PHONES)('finds the number in %j', (text, found) => {
    expect(findPhoneNumbers(text, 'GB').map((p) => p.text)).toEqual(found);
  });

  it.each(NOT_PHONES)('finds no number in %j', (text) => {
    expect(findPhoneNumbers(text, 'GB')).toEqual([]);
  });

  it("finds the national numbers of the institution's own country", () => {
    expect(findPhoneNumbers('Ruf an: 030 901820', 'DE').map((p) => p.text)).toEqual(['030 901820']);
    expect(findPhoneNumbers('Appelez le 01 42 68 53 00', 'FR').map((p) => p.text)).toEqual(['01 42 68 53 00']);
  });

  it('reports a phone number at its line in minutes and in a free-text answer', async () => {
    const MINUTES = 'minutes/2024-25/2025-02-11-learning-exchange.md';
    const SURVEY = 'surveys/2022-23/annual-survey.json';
    const diagnostics = await validate(MULTI_YEAR, {
      [MINUTES]: (t) => `${t}- The mentee asked to be called on 415-555-0132.\n`,
      [SURVEY]: replaceOnce('"q5": "Very helpful."', '"q5": "Very helpful, ring me on 020 7946 0321."'),
    });
    const phones = diagnostics.filter((d) => d.rule === 'personal-phone').map((d) => [d.file, d.line, d.column]);
    expect(phones).toEqual([
      [MINUTES, 21, 36],
      [SURVEY, 16, expect.any(Number)],
    ]);
  });

  it('takes the region from privacy.phoneRegion, and rejects a region it does not know at its line', async () => {
    const diagnostics = await validate(MULTI_YEAR, {
      'data/community.json': replaceOnce('"team": [', '"privacy": { "phoneRegion": "XX" },\n  "team": ['),
    });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.rule])).toEqual([
      ['data/community.json', 14, 'schema'],
    ]);
    expect(diagnostics.find((d) => d.rule === 'schema')!.message).toMatch(
      /"XX" is not a country code the phone check knows/,
    );
  });
});
