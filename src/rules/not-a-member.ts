import { formatDate } from '../model/dates.js';
import { everyMinutesFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';

export default defineRule({
  id: 'not-a-member',
  severity: 'error',
  summary: "an attendee who was not a member on the session's date",
  stage: 'records',
  check({ repo, lookup, report }) {
    for (const s of everyMinutesFile(repo)) {
      const date = s.data.date;
      if (date === undefined) continue;
      s.data.attendees?.forEach((id, i) => {
        const m = lookup.members.get(id);
        if (!m || lookup.isMemberOn(m, date)) return;
        const why =
          m.joined > date
            ? `joined on ${formatDate(m.joined)}, after this session (${formatDate(date)})`
            : `left on ${formatDate(m.left!)}, before this session (${formatDate(date)})`;
        const index = repo.members.entries.find((e) => e.data.id === id)!.index;
        report(
          s,
          ['attendees', i],
          `attendee "${id}" was not a member on the day: they ${why}. Correct the roster dates, or record them as ` +
            `a guest.`,
          {
            cause: {
              source: repo.members,
              path: [index, m.joined > date ? 'joined' : 'left'],
              message: `the roster's date for ${id}`,
            },
          },
        );
      });
    }
  },
  examples: [
    { title: 'attendees who were members that day', files: {}, expect: [] },
    {
      title: 'an attendee who joined after the session',
      files: {
        ...change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m03]'),
        ...change('data/members.json', '"joined": "2024-01-10"', '"joined": "2024-11-01"'),
      },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:7:18 attendee "m03" was not a member on the day: they joined on 1 ' +
          'November 2024, after this session (15 October 2024). Correct the roster dates, or record them as a guest.',
      ],
    },
  ],
});
