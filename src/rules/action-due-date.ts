import { everyMinutesFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';

export default defineRule({
  id: 'action-due-date',
  severity: 'warning',
  summary: 'an action due before the session that recorded it (often an action copied from earlier minutes)',
  stage: 'records',
  check({ repo, report }) {
    for (const s of everyMinutesFile(repo)) {
      const date = s.data.date;
      s.data.actions?.forEach((a, i) => {
        if (date !== undefined && a.due !== undefined && a.due < date) {
          report(
            s,
            ['actions', i, 'due'],
            `action "${a.id}" is due (${a.due}) before the session that recorded it (${date}): correct the due ` +
              `date (an action copied from earlier minutes needs a new id and date, or remove it)`,
          );
        }
      });
    }
  },
  examples: [
    { title: 'due after the session', files: {}, expect: [] },
    {
      title: 'due before the session',
      files: change(MINUTES, 'due: 2024-10-31', 'due: 2024-09-30'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:13:10 action "share-slides" is due (2024-09-30) before the session ' +
          'that recorded it (2024-10-15): correct the due date (an action copied from earlier minutes needs a new ' +
          'id and date, or remove it)',
      ],
    },
  ],
});
