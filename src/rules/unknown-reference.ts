import { defineRule } from './define.js';
import { change, MINUTES, SURVEY } from './examples/community.js';
import { authors } from './references/authors.js';
import { type ReferenceCheck, references } from './references/context.js';
import { actionOwners, attendees, facilitators, presenters } from './references/people.js';
import { askedIf, populationSession } from './references/surveys.js';
import { sessionThemes, themeAims } from './references/themes.js';
import { units } from './references/units.js';

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
];

export default defineRule({
  id: 'unknown-reference',
  severity: 'error',
  summary:
    "an attendee, facilitator, action owner, presenter, member's unit, guest unit, theme, theme's aim, survey " +
    'population session, `askedIf` question or output author that names nothing',
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
  ],
});
