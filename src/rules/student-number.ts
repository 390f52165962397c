import { defineRule } from './define.js';
import { change, MEETINGS, SURVEY } from './examples/community.js';
import { findPhoneNumbers } from './support/phones.js';
import { reportPersonalData } from './support/privacy.js';
import { DEFAULT_STUDENT_NUMBER } from '../model/community.js';

type Matcher = (text: string) => Array<{ index: number; text: string }>;

/** The built-in pattern: bounded repetition, linear in the text with JavaScript's own engine. */
function nativeMatcher(source: string): Matcher {
  const re = new RegExp(source, 'gu');
  return (text) => [...text.matchAll(re)].map((m) => ({ index: m.index, text: m[0] }));
}

/**
 * A community's own pattern runs on RE2's engine, whose time is linear in the text whatever
 * the pattern: a pattern that backtracks could otherwise hang validation for minutes. RE2
 * has no look-arounds or back-references; a pattern with them is told so, at its line.
 */
async function linearMatcher(source: string): Promise<Matcher | string> {
  const { RE2JS } = await import('re2js');
  let re: InstanceType<typeof RE2JS>;
  try {
    re = RE2JS.compile(source);
  } catch {
    return (
      `privacy.studentNumber "${source}" uses what a linear-time matcher cannot run (a look-around such as ` +
      `(?=…) or a back-reference such as \\1): write it without them, for example "\\bu\\d{7}\\b"`
    );
  }
  return (text) => {
    const out: Array<{ index: number; text: string }> = [];
    const m = re.matcher(text);
    while (m.find()) if (m.end() > m.start()) out.push({ index: m.start(), text: m.group() ?? '' });
    return out;
  };
}

export default defineRule({
  id: 'student-number',
  severity: 'error',
  summary:
    'something shaped like a student number (`privacy.studentNumber`) in minutes, a free-text answer or a meeting ' +
    'return',
  personalData: true,
  stage: 'records',
  async check(ctx) {
    const custom = ctx.repo.community?.data.privacy?.studentNumber;
    const find = custom === undefined ? nativeMatcher(DEFAULT_STUDENT_NUMBER) : await linearMatcher(custom);
    if (typeof find === 'string') {
      ctx.report(ctx.repo.community!, ['privacy', 'studentNumber'], find);
      return;
    }
    reportPersonalData(ctx, 'student-number', (text, config) => {
      // Digits that are part of a phone number are the phone rule's.
      const phones = findPhoneNumbers(text, config.phoneRegion);
      return find(text).filter((m) => !phones.some((p) => m.index >= p.index && m.index < p.index + p.text.length));
    });
  },
  examples: [
    {
      title: 'an answer with a year in it',
      files: change(SURVEY, '"comments": "A good start."', '"comments": "A good start to 2024."'),
      expect: [],
    },
    {
      title: "a mentee's student number in an answer",
      files: change(
        SURVEY,
        '"comments": "A good start."',
        '"comments": "My mentee (201912345) found it a good start."',
      ),
      expect: [
        'surveys/2024-25/feedback.json:21:98 what looks like a student number ("*******45"): remove it (change ' +
          "privacy.studentNumber in data/community.json if your institution's numbers look different)",
      ],
    },
    {
      title: "a student's number in a meeting return, where only counts belong",
      files: change(MEETINGS, '"source": "Mentoring meetings log"', '"source": "Mentoring meetings log of 201912345"'),
      expect: [
        'meetings/2024-25/autumn.json:4:13 what looks like a student number ("*******45"): remove it (change ' +
          "privacy.studentNumber in data/community.json if your institution's numbers look different)",
      ],
    },
    {
      title: 'a community pattern that would backtrack for minutes on a long number',
      files: change('data/community.json', '"team": [', '"privacy": { "studentNumber": "(\\\\d+)+x" },\n  "team": ['),
      expect: [],
    },
    {
      title: 'a community pattern with a look-ahead',
      files: change(
        'data/community.json',
        '"team": [',
        '"privacy": { "studentNumber": "u(?=\\\\d{7})" },\n  "team": [',
      ),
      expect: [
        'data/community.json:10:33 privacy.studentNumber "u(?=\\d{7})" uses what a linear-time matcher cannot run ' +
          '(a look-around such as (?=…) or a back-reference such as \\1): write it without them, for example ' +
          '"\\bu\\d{7}\\b"',
      ],
    },
  ],
});
