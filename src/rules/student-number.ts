import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';
import { findPhoneNumbers } from './support/phones.js';
import { reportPersonalData } from './support/privacy.js';

export default defineRule({
  id: 'student-number',
  severity: 'error',
  summary: 'something shaped like a student number (`privacy.studentNumber`) in minutes or a free-text answer',
  stage: 'records',
  check: (ctx) =>
    reportPersonalData(ctx, 'student-number', (text, config) => {
      // Digits that are part of a phone number are the phone rule's.
      const phones = findPhoneNumbers(text, config.phoneRegion);
      return [...text.matchAll(config.studentNumber)]
        .filter((m) => !phones.some((p) => m.index >= p.index && m.index < p.index + p.text.length))
        .map((m) => ({ index: m.index, text: m[0] }));
    }),
  examples: [
    { title: 'an answer with a year in it', files: change(SURVEY, '"comments": "A good start."', '"comments": "A good start to 2024."'), expect: [] },
    {
      title: "a mentee's student number in an answer",
      files: change(SURVEY, '"comments": "A good start."', '"comments": "My mentee (201912345) found it a good start."'),
      expect: [
        'surveys/2024-25/feedback.json:15:98 what looks like a student number ("*******45"): remove it (change privacy.studentNumber in data/community.json if your institution\'s numbers look different)',
      ],
    },
  ],
});
