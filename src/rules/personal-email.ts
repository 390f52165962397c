import { defineRule } from './define.js';
import { EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';
import { findEmails, reportPersonalData } from './support/privacy.js';

export default defineRule({
  id: 'personal-email',
  severity: 'error',
  summary: 'an email address in minutes (frontmatter or body) or in a free-text survey answer',
  personalData: true,
  stage: 'records',
  check: (ctx) => reportPersonalData(ctx, 'personal-email', findEmails),
  examples: [
    { title: 'minutes that identify no one', files: {}, expect: [] },
    {
      title: "a mentee's address in the minutes",
      files: {
        [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- Follow up with j.bloggs@student.example.ac.uk after the exams.\n`,
      },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:20:18 an email address ("j***@student.example.ac.uk"): minutes and ' +
          'survey answers must not identify anyone. Remove it, or add it to privacy.allow in data/community.json ' +
          "if it is public on purpose (a team's shared address)",
      ],
    },
  ],
});
