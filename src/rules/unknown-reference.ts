import { defineRule } from './define.js';
import { change, MEETINGS, MINUTES, PATHWAYS, SURVEY } from './examples/community.js';
import { authors } from './references/authors.js';
import { type ReferenceCheck, references } from './references/context.js';
import { actionOwners, attendees, facilitators, presenters } from './references/people.js';
import { askedIf, populationSession } from './references/surveys.js';
import { sessionThemes, themeAims } from './references/themes.js';
import { units } from './references/units.js';
import { meetingReturns } from './references/meetings.js';
import { pathwayProgress } from './references/pathways.js';

/** Every kind of reference, one function each in references/; to check a new kind, add it here. */
const KINDS: readonly ReferenceCheck[] = [
  attendees,
  facilitators,
  presenters,
  actionOwners,
  units,
  themeAims,
  sessionThemes,
  populationSession,
  askedIf,
  authors,
  meetingReturns,
  pathwayProgress,
];

export default defineRule({
  id: 'unknown-reference',
  severity: 'error',
  summary:
    "an attendee, facilitator, action owner, presenter, member's unit, guest unit, theme, theme's aim, survey " +
    'population session, `askedIf` question, output author, meeting return unit, referral or topic, or pathway ' +
    'progress member, pathway or stage that names nothing',
  stage: 'records',
  check(ctx) {
    const shared = references(ctx);
    for (const kind of KINDS) kind(shared);
  },
  examples: [
    {
      title: 'ids that name members, the team and themes',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m02, m03]'),
      expect: [],
    },
    {
      title: 'an attendee not on the roster',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m20]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:7:18 attendee "m20" is not in data/members.json. Did you mean ' +
          '"m01"? Add the member to the roster or correct the id.',
      ],
    },
    {
      title: 'a name where the id belongs',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [Member One, m02]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:7:13 attendee "Member One" is the name of m01: write m01. Lists of ' +
          'people take the ids of data/members.json.',
      ],
    },
    {
      title: 'a misspelt theme',
      files: change(MINUTES, 'themes: [induction]', 'themes: [inductions]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:8:10 theme "inductions" is not in the themes of ' +
          'data/community.json. Did you mean "induction"? The themes are: induction, wellbeing. A new theme goes ' +
          'in "themes" in data/community.json, with the aims it serves.',
      ],
    },
    {
      title: 'askedIf naming no question',
      files: change(SURVEY, '"askedIf": { "question": "again"', '"askedIf": { "question": "agian"'),
      expect: [
        'surveys/2024-25/feedback.json:15:32 askedIf refers to question "agian", which is not another question ' +
          'of this survey',
      ],
    },
    {
      title: 'progress of a member not on the roster, along an unknown pathway, and at an unknown stage',
      files: change(
        PATHWAYS,
        '{ "member": "m01", "pathway": "ukat-recognition",\n      "stages": { "registered": "2024-11-20", ' +
          '"submitted": "2025-03-14" } },\n    { "member": "m02", "pathway": "ukat-recognition",',
        '{ "member": "m09", "pathway": "ukat-recognition",\n      "stages": { "registered": "2024-11-20", ' +
          '"submited": "2025-03-14" } },\n    { "member": "m02", "pathway": "ukat",',
      ),
      expect: [
        'data/pathways.json:7:17 member "m09" is not in data/members.json. Did you mean "m01"? Add the member to ' +
          'the roster or correct the id.',
        'data/pathways.json:8:47 stage "submited" is not a stage of ukat-recognition. Did you mean "submitted"? ' +
          'Its stages, in order, are: registered, submitted, recognised.',
        'data/pathways.json:9:35 pathway "ukat" is not one of "pathways" in data/pathways.json. The pathways are: ' +
          'ukat-recognition.',
      ],
    },
    {
      title: "a meeting return's unknown unit, referral and topic",
      files: change(
        MEETINGS,
        '{ "unit": "history", "mentors": 6, "mentorsReporting": 5, "mentees": 120, "menteesMet": 84,\n' +
          '      "meetings": { "one-to-one": 130, "group": 6 }, "modes": { "in-person": 90, "online": 46 },\n' +
          '      "referrals": { "library": 4 }, "topics": { "wellbeing": 21 } }',
        '{ "unit": "histroy", "mentees": 120, "menteesMet": 84,\n' +
          '      "referrals": { "librery": 4 }, "topics": { "money": 21 } }',
      ),
      expect: [
        'meetings/2024-25/autumn.json:6:15 unit "histroy" is not in data/units.json. Did you mean "history"? The ' +
          'unit ids nearest to it are: history, library, physics, languages. A new unit goes in data/units.json.',
        'meetings/2024-25/autumn.json:7:22 referrals to "librery": it is neither a service of data/units.json nor ' +
          'a referral target of data/community.json. Did you mean "library"? A service outside the roster goes in ' +
          '"referralTargets" in data/community.json: [{ "id": "librery", "title": "…" }].',
        'meetings/2024-25/autumn.json:7:50 topic "money" is neither a theme nor a meeting topic of ' +
          'data/community.json. The themes and topics are: induction, wellbeing. A topic that is not a theme goes ' +
          'in "meetingTopics" in data/community.json: [{ "id": "money", "title": "…" }].',
      ],
    },
  ],
});
