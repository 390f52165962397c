import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { findPhoneNumbers } from './support/phones.js';
import { reportPersonalData } from './support/privacy.js';

export default defineRule({
  id: 'personal-phone',
  severity: 'error',
  summary:
    'a phone number in minutes or a free-text answer: international numbers of every country, national ones of ' +
    '`privacy.phoneRegion` and of North America',
  personalData: true,
  stage: 'records',
  check: (ctx) =>
    reportPersonalData(ctx, 'personal-phone', (text, config) => findPhoneNumbers(text, config.phoneRegion)),
  examples: [
    {
      title: 'dates, years and ranges are not phone numbers',
      files: change(MINUTES, 'text: Share the slides with members', 'text: Share the 2024-2025 slides by 2024-10-31'),
      expect: [],
    },
    {
      title: 'a phone number in an action',
      files: change(MINUTES, 'text: Share the slides with members', 'text: Call the student back on 07700 900123'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:11:11 what looks like a phone number ("***** ****23"): remove it, ' +
          'or add it to privacy.allow in data/community.json if it is a public number',
      ],
    },
  ],
});
