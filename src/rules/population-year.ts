import { everySurveyFile } from '../model/repository.js';
import { defineRule } from './define.js';
import { change, SURVEY } from './examples/community.js';

export default defineRule({
  id: 'population-year',
  severity: 'warning',
  summary:
    'a survey whose population session is in another academic year: a survey copied from last year keeps last ' +
    "year's session",
  stage: 'records',
  check({ repo, lookup, report }) {
    if (!lookup.yearStart) return;
    for (const s of everySurveyFile(repo)) {
      const pop = s.data.population;
      if (!pop || !('rule' in pop) || pop.rule !== 'session' || !s.data.opened) continue;
      const session = lookup.sessions.get(pop.session);
      if (!session) continue;
      const surveyYear = lookup.yearOf(s.data.opened);
      const sessionYear = lookup.yearOf(session.data.date);
      if (surveyYear === sessionYear) continue;
      report(
        s,
        ['population', 'session'],
        `the population is the session "${pop.session}" of ${sessionYear}, but the survey opened in ` +
          `${surveyYear}: name this year's session (a survey copied from last year keeps last year's), or give ` +
          `the population as { "count": N }`,
        { cause: { source: session, path: ['date'], message: `the session "${pop.session}" is in ${sessionYear}` } },
      );
    }
  },
  examples: [
    { title: "the session of the survey's year", files: {}, expect: [] },
    {
      title: "next year's survey copied with this year's session",
      files: {
        'surveys/2025-26/feedback.json': change(
          SURVEY,
          '"opened": "2024-10-15",\n  "closed": "2024-10-31",',
          '"opened": "2025-10-14",',
        )[SURVEY]!,
      },
      expect: [
        'surveys/2025-26/feedback.json:6:49 the population is the session "2024-10-15-welcome" of 2024-25, but ' +
          "the survey opened in 2025-26: name this year's session (a survey copied from last year keeps last " +
          'year\'s), or give the population as { "count": N }',
      ],
    },
  ],
});
