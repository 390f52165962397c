import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, MINUTES, SURVEY } from './examples/community.js';
import { slugHint } from '../format/slug.js';

export default defineRule({
  id: 'file-name',
  severity: 'error',
  summary: 'a minutes file not named `<date>-<slug>.md`; a survey not named by its id',
  stage: 'records',
  check({ repo, report }) {
    for (const s of everyMinutesFile(repo)) {
      const date = s.data.date;
      if (date === undefined) continue;
      if (!s.id.startsWith(`${date}-`) || s.id.length === date.length + 1) {
        const hint = `${date}-${slugHint(s.data.title ?? '')}`;
        report(
          s,
          ['date'],
          `the file name must start with the session date and a short name, for example "${hint}.md" (it is ` +
            `"${s.id}.md")`,
          { expected: [`${hint}.md`] },
        );
      }
    }
    for (const s of everySurveyFile(repo)) {
      if (s.data.id !== undefined && s.data.id !== s.name)
        report(
          s,
          ['id'],
          `the survey id "${s.data.id}" must match its file name "${s.name}.json": rename the file or change the id`,
          { expected: [s.name] },
        );
    }
  },
  examples: [
    { title: 'named by its date and title', files: {}, expect: [] },
    {
      title: 'a date that is not the file name’s',
      files: change(MINUTES, 'date: 2024-10-15', 'date: 2024-10-16'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:3:7 the file name must start with the session date and a short ' +
          'name, for example "2024-10-16-welcome.md" (it is "2024-10-15-welcome.md")',
      ],
    },
    {
      title: 'a survey id that is not its file name',
      files: change(SURVEY, '"id": "feedback"', '"id": "welcome-feedback"'),
      expect: [
        'surveys/2024-25/feedback.json:2:9 the survey id "welcome-feedback" must match its file name ' +
          '"feedback.json": rename the file or change the id',
      ],
    },
  ],
});
