import { academicYearOf } from '../model/dates.js';
import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';

export default defineRule({
  id: 'file-folder',
  severity: 'error',
  summary: 'a minutes or survey file outside its academic-year folder',
  stage: 'records',
  check({ repo, report }) {
    const yearStart = repo.community?.data.yearStart;
    if (!yearStart) return;
    for (const s of everyMinutesFile(repo)) {
      if (s.data.date === undefined) continue;
      const year = academicYearOf(s.data.date, yearStart);
      if (s.folder !== year)
        report(
          s,
          ['date'],
          `a session on ${s.data.date} belongs to the academic year ${year}: move the file to minutes/${year}/`,
          { expected: [`minutes/${year}/`] },
        );
    }
    for (const s of everySurveyFile(repo)) {
      if (s.data.opened === undefined) continue;
      const year = academicYearOf(s.data.opened, yearStart);
      if (s.folder !== year)
        report(
          s,
          ['opened'],
          `a survey opened on ${s.data.opened} belongs to the academic year ${year}: move the file to surveys/${year}/`,
          { expected: [`surveys/${year}/`] },
        );
    }
  },
  examples: [
    { title: 'minutes in their year', files: {}, expect: [] },
    {
      title: 'minutes in the year before',
      files: { [MINUTES]: null, 'minutes/2023-24/2024-10-15-welcome.md': EXAMPLE_COMMUNITY[MINUTES]! },
      expect: [
        'minutes/2023-24/2024-10-15-welcome.md:3:7 a session on 2024-10-15 belongs to the academic year 2024-25: ' +
          'move the file to minutes/2024-25/',
      ],
    },
  ],
});
