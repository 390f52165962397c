import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/** Written as phone numbers are: a `+` or a trunk `0`, then ten to thirteen digits in all. */
const PHONE_SHAPED = /(?<![\p{L}\p{N}])(?:\+|\(?0)[\d\s().-]{8,18}\d(?![\p{L}\p{N}])/gu;

/**
 * Phone numbers in a text, by the rules of libphonenumber (Google's numbering plans):
 * numbers written in international form (`+49 30 901820`) of every country; numbers in
 * the national form of the institution's region (`020 7955 1234` in GB); and numbers in
 * the North American form (`415-555-0132`), the other form survey exports are full of.
 * A number must be valid for its plan, so dates, years, ranges (`2024-2025`), money and
 * ids are not numbers. A number that is only possible (a reserved range such as the
 * UK's 07700 900xxx) counts when it is written as a phone number is: with a `+` or a
 * trunk `0`.
 */
export function findPhoneNumbers(text: string, region: string): Array<{ index: number; text: string }> {
  // A date written as a record's dates are (a meeting return's period) is a date.
  if (ISO_DATE.test(text)) return [];
  // Most texts have no seven digits in a run at all: told by one search, before anything is copied.
  if (!SEVEN_DIGITS.test(text) || !/\d{3}/.test(text.replace(/[\s().-]/g, ''))) return [];
  // A phone number is seven digits or more, in a run that only separators interrupt, and on one line: only such lines
  // go to the numbering plans, the costly part (a page of minutes has a handful, if any).
  if (text.includes('\n')) {
    const out: Array<{ index: number; text: string }> = [];
    let offset = 0;
    for (const line of text.split('\n')) {
      if (SEVEN_DIGITS.test(line))
        for (const f of numbersInLine(line, region)) out.push({ index: offset + f.index, text: f.text });
      offset += line.length + 1;
    }
    return out;
  }
  return SEVEN_DIGITS.test(text) ? numbersInLine(text, region) : [];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Seven digits that only spaces, brackets, dots, hyphens or slashes part. */
const SEVEN_DIGITS = /\d(?:[\s()./-]*\d){6}/;

function numbersInLine(text: string, region: string): Array<{ index: number; text: string }> {
  const spans: Array<{ index: number; end: number }> = [];
  const add = (start: number, end: number) => {
    if (spans.some((s) => start < s.end && end > s.index)) return;
    const written = text.slice(start, end);
    // "1 2 3 4 5 6 7" is a list of numbers, not a phone number (which has at most one one-digit group after the first).
    if (
      written
        .split(/\D+/)
        .filter(Boolean)
        .slice(1)
        .filter((g) => g.length < 2).length > 1
    )
      return;
    spans.push({ index: start, end });
  };
  const home = region as CountryCode;
  for (const country of new Set<CountryCode>([home, 'US'])) {
    for (const n of findPhoneNumbersInText(text, { defaultCountry: country })) add(n.startsAt, n.endsAt);
  }
  for (const m of text.matchAll(PHONE_SHAPED)) {
    if (parsePhoneNumberFromString(m[0], home)?.isPossible()) add(m.index, m.index + m[0].length);
  }
  return spans.sort((a, b) => a.index - b.index).map((s) => ({ index: s.index, text: text.slice(s.index, s.end) }));
}
