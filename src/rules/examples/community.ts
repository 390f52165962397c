/**
 * The example community every rule's examples are told against: a small, valid
 * repository of invented records. An example gives the files that differ from it.
 */
export const MINUTES = 'minutes/2024-25/2024-10-15-welcome.md';
export const SURVEY = 'surveys/2024-25/feedback.json';
export const MEETINGS = 'meetings/2024-25/autumn.json';
export const PATHWAYS = 'data/pathways.json';

export const EXAMPLE_COMMUNITY: Readonly<Record<string, string>> = {
  'data/community.json': `{
  "name": "Example Mentoring Network",
  "institution": "Example University",
  "yearStart": "08-01",
  "aims": [{ "id": "share", "title": "Share practice between mentors" }],
  "themes": [
    { "id": "induction", "title": "Inducting new mentors", "aims": ["share"] },
    { "id": "wellbeing", "title": "Student wellbeing", "aims": ["share"] }
  ],
  "team": [{ "id": "coordinators", "name": "Mentoring coordinators" }]
}
`,
  'data/units.json': `[
  { "id": "history", "name": "Department of History", "kind": "department" },
  { "id": "physics", "name": "Department of Physics", "kind": "department" },
  { "id": "languages", "name": "School of Languages", "kind": "department", "formerly": ["modern-languages"] },
  { "id": "library", "name": "Library", "kind": "service" }
]
`,
  'data/members.json': `[
  { "id": "m01", "name": "Member One", "unit": "history", "role": "academic", "joined": "2023-09-01" },
  { "id": "m02", "name": "Member Two", "unit": "physics", "role": "academic", "joined": "2023-09-01" },
  { "id": "m03", "name": "Member Three", "unit": "languages", "role": "professional", "joined": "2024-01-10",
    "left": "2025-06-30" }
]
`,
  [MINUTES]: `---
title: Welcome
date: 2024-10-15
type: meeting
format: hybrid
facilitators: [coordinators]
attendees: [m01, m02]
themes: [induction]
actions:
  - id: share-slides
    text: Share the slides with members
    owner: coordinators
    due: 2024-10-31
    status: open
---

## Summary

- Mentors introduced themselves and their departments.
`,
  [SURVEY]: `{
  "id": "feedback",
  "title": "Welcome session feedback",
  "kind": "event-feedback",
  "opened": "2024-10-15",
  "closed": "2024-10-31",
  "population": { "rule": "session", "session": "2024-10-15-welcome" },
  "questions": [
    { "id": "useful", "type": "scale", "text": "How useful was the session?",
      "scale": [{ "value": 1, "label": "Not useful" }, { "value": 2 }, { "value": 3 }, { "value": 4 },
                { "value": 5, "label": "Very useful" }] },
    { "id": "again", "type": "single", "text": "Will you come again?",
      "options": [{ "value": "yes", "label": "Yes" }, { "value": "no", "label": "No" }] },
    { "id": "topics", "type": "multi", "text": "Which topics should come next?",
      "askedIf": { "question": "again", "in": ["yes"] },
      "options": [{ "value": "wellbeing", "label": "Wellbeing" },
                  { "value": "other", "label": "Other", "specify": true }] },
    { "id": "comments", "type": "text", "text": "Anything else?" }
  ],
  "responses": [
    { "id": "r1", "answers": { "useful": 5, "again": "yes", "topics": ["wellbeing"], "comments": "A good start." } },
    { "id": "r2", "answers": { "useful": 4, "again": "no" } }
  ]
}
`,
  [PATHWAYS]: `{
  "pathways": [
    { "id": "ukat-recognition", "title": "UKAT Professional Recognition",
      "stages": ["registered", "submitted", "recognised"] }
  ],
  "progress": [
    { "member": "m01", "pathway": "ukat-recognition",
      "stages": { "registered": "2024-11-20", "submitted": "2025-03-14" } },
    { "member": "m02", "pathway": "ukat-recognition",
      "stages": { "registered": "2024-11-20" }, "withdrawn": "2025-02-01" }
  ]
}
`,
  [MEETINGS]: `{
  "id": "autumn",
  "period": { "from": "2024-08-01", "to": "2024-12-31" },
  "source": "Mentoring meetings log",
  "units": [
    { "unit": "history", "mentors": 6, "mentorsReporting": 5, "mentees": 120, "menteesMet": 84,
      "meetings": { "one-to-one": 130, "group": 6 }, "modes": { "in-person": 90, "online": 46 },
      "referrals": { "library": 4 }, "topics": { "wellbeing": 21 } }
  ]
}
`,
};

/**
 * The example community's file at `path`, with `from` replaced by `to` (exactly once: an example that no longer matches
 * fails loudly).
 */
export function change(path: string, from: string, to: string): Record<string, string> {
  const text = EXAMPLE_COMMUNITY[path];
  if (text === undefined || text.split(from).length !== 2)
    throw new Error(`example: "${from}" is not in ${path} exactly once`);
  return { [path]: text.replace(from, to) };
}
