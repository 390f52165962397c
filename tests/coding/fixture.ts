import { MULTI_YEAR, fixtureWith, type Edits } from '../helpers/repo.js';

/**
 * A feedback survey with written answers, coded by hand: seven responses, two written
 * questions. Worked out by hand:
 * - q-best: r1 [peer, ideas], r2 [peer], r3 [ideas], r4 (written, not coded), r5 [peer], r6 [time]; r7 did not answer.
 * - q-change: r1 [time], r3 [time, ideas], r7 [time].
 * Per question: q-best n 6, coded 5, codes { peer 3, ideas 2, time 1 };
 * q-change n 3, coded 3, codes { peer 0, ideas 1, time 3 }.
 * Per survey, distinct responses: peer 3 (r1 r2 r5), ideas 2 (r1 r3), time 4 (r1 r3 r6 r7). Wrote: all 7.
 * Themes by count: time 4, peer 3, ideas 2.
 */
export const OPEN_FEEDBACK = 'surveys/2024-25/open-feedback.json';

export function openFeedback(opened = '2025-06-10', extra = ''): string {
  return `{
  "id": "open-feedback",
  "title": "What the network gave you",
  "kind": "open-feedback",
  "opened": "${opened}",
  "population": { "count": 10 },
  "questions": [
    { "id": "q-best", "type": "text", "text": "What was the best part of the network this year?" },
    { "id": "q-change", "type": "text", "text": "What would you change?" }
  ],
  "responses": [
    { "id": "r1", "answers": { "q-best": "Meeting other mentors and hearing new ideas.",
      "q-change": "More time for each topic." } },
    { "id": "r2", "answers": { "q-best": "Other mentors." } },
    { "id": "r3", "answers": { "q-best": "A new way to run first meetings.",
      "q-change": "Longer sessions, and the slides before them." } },
    { "id": "r4", "answers": { "q-best": "Everything!" } },
    { "id": "r5", "answers": { "q-best": "The people in the room." } },
    { "id": "r6", "answers": { "q-best": "=Having the time to think." } },
    { "id": "r7", "answers": { "q-change": "Evening sessions would suit me better." } }
  ],
  "quotes": [
    { "response": "r1", "question": "q-best" },
    { "response": "r3", "question": "q-change" },
    { "response": "r4", "question": "q-best" }
  ],
  "codebook": [
    { "id": "peer", "title": "Learning from peers", "description": "Meeting other mentors and what they bring" },
    { "id": "ideas", "title": "New practice", "description": "Ideas and methods taken home" },
    { "id": "time", "title": "Time", "description": "Time to think, and the length and hour of sessions" }
  ],
  "codes": [
    { "response": "r1", "question": "q-best", "codes": ["peer", "ideas"] },
    { "response": "r1", "question": "q-change", "codes": ["time"] },
    { "response": "r2", "question": "q-best", "codes": ["peer"] },
    { "response": "r3", "question": "q-best", "codes": ["ideas"] },
    { "response": "r3", "question": "q-change", "codes": ["time", "ideas"] },
    { "response": "r5", "question": "q-best", "codes": ["peer"] },
    { "response": "r6", "question": "q-best", "codes": ["time"] },
    { "response": "r7", "question": "q-change", "codes": ["time"] }
  ]${extra}
}
`;
}

export const withOpenFeedback = (edits: Edits = {}) =>
  fixtureWith(MULTI_YEAR, { [OPEN_FEEDBACK]: openFeedback(), ...edits });
