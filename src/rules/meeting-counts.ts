import { defineRule } from './define.js';
import { change, MEETINGS } from './examples/community.js';

export default defineRule({
  id: 'meeting-counts',
  severity: 'error',
  summary: 'a meeting return with more mentors reporting than mentors, or more mentees met than mentees allocated',
  stage: 'records',
  check({ repo, report }) {
    for (const m of repo.meetings)
      m.data.units.forEach((u, i) => {
        if (u.mentors !== undefined && u.mentorsReporting !== undefined && u.mentorsReporting > u.mentors)
          report(
            m,
            ['units', i, 'mentorsReporting'],
            `${u.mentorsReporting} mentors reporting, but ${u.mentors} mentors in "${u.unit}": mentorsReporting ` +
              `counts those of the mentors whose meetings are included, no more than mentors`,
          );
        if (u.mentees !== undefined && u.menteesMet !== undefined && u.menteesMet > u.mentees)
          report(
            m,
            ['units', i, 'menteesMet'],
            `${u.menteesMet} mentees met, but ${u.mentees} allocated in "${u.unit}": menteesMet counts distinct ` +
              `mentees of those allocated, no more than mentees (is one of the two a count of meetings?)`,
          );
      });
  },
  examples: [
    { title: 'counts that agree', files: {}, expect: [] },
    {
      title: 'more mentees met than allocated, more mentors reporting than mentors',
      files: change(MEETINGS, '"mentorsReporting": 5, "mentees": 120', '"mentorsReporting": 7, "mentees": 80'),
      expect: [
        'meetings/2024-25/autumn.json:6:60 7 mentors reporting, but 6 mentors in "history": mentorsReporting ' +
          'counts those of the mentors whose meetings are included, no more than mentors',
        'meetings/2024-25/autumn.json:6:92 84 mentees met, but 80 allocated in "history": menteesMet counts ' +
          'distinct mentees of those allocated, no more than mentees (is one of the two a count of meetings?)',
      ],
    },
  ],
});
