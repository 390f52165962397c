import { everyMinutesFile } from '../model/repository.js';
import { statusOf } from '../model/session.js';
import { defineRule } from './define.js';

/**
 * Without reading the clock (reports are the same whatever the day), a planned session dated before
 * the latest session held has most likely taken place, or not: the minutes still say "upcoming".
 */
/** A planned session's minutes, for the examples. */
const planned = (title: string, date: string) =>
  `---\ntitle: ${title}\ndate: ${date}\ntype: meeting\nformat: online\nstatus: planned\nthemes: [induction]\n---\n`;

export default defineRule({
  id: 'planned-in-the-past',
  severity: 'warning',
  summary: 'a planned session dated before the latest session held: has it taken place?',
  stage: 'records',
  check({ repo, report }) {
    const latestHeld = repo.sessions.reduce<string | undefined>(
      (latest, s) => (latest === undefined || s.data.date > latest ? s.data.date : latest),
      undefined,
    );
    if (latestHeld === undefined) return;
    for (const s of everyMinutesFile(repo)) {
      const date = s.data.date;
      if (statusOf(s.data) !== 'planned' || date === undefined || date >= latestHeld) continue;
      report(
        s,
        ['date'],
        `this session is still planned, but sessions held since (the latest on ${latestHeld}) show its date has ` +
          'passed: if it took place, set "status: held" and list the attendees; if not, set "status: cancelled"',
      );
    }
  },
  examples: [
    {
      title: 'a planned session after the latest one held',
      files: {
        'minutes/2024-25/2024-11-19-next.md': planned('Next', '2024-11-19'),
      },
      expect: [],
    },
    {
      title: 'a planned session dated before one held',
      files: {
        'minutes/2024-25/2024-10-01-start.md': planned('Start', '2024-10-01'),
      },
      expect: [
        'minutes/2024-25/2024-10-01-start.md:3:7 this session is still planned, but sessions held since (the latest ' +
          'on 2024-10-15) show its date has passed: if it took place, set "status: held" and list the attendees; if ' +
          'not, set "status: cancelled"',
      ],
    },
  ],
});
