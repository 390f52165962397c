import { defineRule } from './define.js';
import { EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';
import { EMAIL, reportPersonalData } from './support/privacy.js';

export default defineRule({
  id: 'personal-email',
  severity: 'error',
  summary: 'an email address in minutes (frontmatter or body) or in a free-text survey answer',
  stage: 'records',
  check: (ctx) => reportPersonalData(ctx, 'personal-email', (text) => [...text.matchAll(EMAIL)].map((m) => ({ index: m.index, text: m[0] }))),
  examples: [
    { title: 'minutes that identify no one', files: {}, expect: [] },
    { title: "a mentee's address in the minutes", files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- Follow up with j.bloggs@student.example.ac.uk after the exams.\n` }, expect: ['?'] },
  ],
});
