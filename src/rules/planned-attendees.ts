import { everyMinutesFile } from '../model/repository.js';
import { statusOf } from '../model/session.js';
import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';

export default defineRule({
  id: 'planned-attendees',
  severity: 'error',
  summary: 'a planned or cancelled session that lists attendees: nobody has attended it',
  stage: 'records',
  check({ repo, report }) {
    for (const s of everyMinutesFile(repo)) {
      const status = statusOf(s.data);
      if (status === 'held' || !s.data.attendees?.length) continue;
      report(
        s,
        ['attendees'],
        status === 'planned'
          ? 'a planned session has no attendees yet: leave "attendees" empty ([]) until it has taken place, then ' +
              'set "status: held" and list who came'
          : 'a cancelled session has no attendees: empty "attendees" ([]), or set "status: held" if the session ' +
              'did take place',
      );
    }
  },
  examples: [
    {
      title: 'a planned session with nobody listed yet',
      files: change(MINUTES, 'attendees: [m01, m02]\n', 'status: planned\ntime: "12:00-14:00"\nlocation: Room 2.01\n'),
      expect: [],
    },
    {
      title: 'a planned session that lists attendees',
      files: change(MINUTES, 'attendees: [m01, m02]\n', 'status: planned\nattendees: [m01, m02]\n'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:8:12 a planned session has no attendees yet: leave "attendees" ' +
          'empty ([]) until it has taken place, then set "status: held" and list who came',
      ],
    },
    {
      title: 'a cancelled session that lists attendees',
      files: change(MINUTES, 'attendees: [m01, m02]\n', 'status: cancelled\nattendees: [m01]\n'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:8:12 a cancelled session has no attendees: empty "attendees" ([]), ' +
          'or set "status: held" if the session did take place',
      ],
    },
  ],
});
