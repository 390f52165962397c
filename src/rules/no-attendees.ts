import { everyMinutesFile } from '../model/repository.js';
import { statusOf } from '../model/session.js';
import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';

export default defineRule({
  id: 'no-attendees',
  severity: 'warning',
  summary:
    'a held session with nobody present: most often a session still to come, written before `status: planned` existed',
  stage: 'records',
  check({ repo, report }) {
    for (const s of everyMinutesFile(repo)) {
      if (statusOf(s.data) !== 'held' || s.data.attendees === undefined || s.data.attendees.length > 0) continue;
      report(
        s,
        ['attendees'],
        'no member is recorded as present, so this session counts as held with nobody there: if it is still to ' +
          'come, add "status: planned"; if it did not take place, "status: cancelled"; otherwise list who came',
      );
    }
  },
  examples: [
    { title: 'a held session with its attendees', files: {}, expect: [] },
    {
      title: 'a planned session with nobody listed yet',
      files: change(MINUTES, 'attendees: [m01, m02]\n', 'status: planned\nattendees: []\n'),
      expect: [],
    },
    {
      title: 'a session to come, written as held with nobody present',
      files: change(MINUTES, 'attendees: [m01, m02]\n', 'attendees: []\n'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:7:12 no member is recorded as present, so this session counts as ' +
          'held with nobody there: if it is still to come, add "status: planned"; if it did not take place, ' +
          '"status: cancelled"; otherwise list who came',
      ],
    },
  ],
});
