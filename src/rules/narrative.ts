import { defineRule } from './define.js';

const NARRATIVE = 'narrative/2024-25/annual-report.md';

export default defineRule({
  id: 'narrative',
  severity: 'error',
  summary:
    'a narrative document’s directive that names no section or figure, a section placed twice, a figure that is ' +
    'not a number or that disclosure control withholds',
  stage: 'records',
  check({ repo, report, narrativeProblems }) {
    if (!narrativeProblems) return;
    for (const n of repo.narratives)
      for (const p of narrativeProblems(n))
        report.at(n.file, { line: p.line, column: p.column }, p.message, p.expected ? { expected: p.expected } : {});
  },
  examples: [
    {
      title: 'prose with a figure and a section',
      files: { [NARRATIVE]: '# Our year\n\n:figure{of="members.total"} members.\n\n::section{#participation}\n' },
      expect: [],
    },
    {
      title: 'an unknown section',
      files: { [NARRATIVE]: '# Our year\n\n::section{#particpation}\n' },
      expect: [
        'narrative/2024-25/annual-report.md:3:1 "particpation" is not a section of this report. Did you mean ' +
          '"participation"? Its sections are: summary, aims, participation, health, departments, meetings, ' +
          'sessions, scheduled, themes, actions, recognition, outputs, surveys, open-answers, value-creation, ' +
          'session-summaries',
      ],
    },
    {
      title: 'a figure path that is no figure',
      files: { [NARRATIVE]: 'We were :figure{of="members.totl"} members.\n' },
      expect: [
        'narrative/2024-25/annual-report.md:1:9 members.totl is not a figure of 2024-25. Did you mean ' +
          '"members.total"? docs/metrics-fields.md lists every figure',
      ],
    },
    {
      title: 'a path that names a group of figures, not one',
      files: {
        [NARRATIVE]: '# Our year\n\nEngaged: :figure{of="departments.engaged" per="departments.total" as="percent"}.\n',
      },
      expect: [
        'narrative/2024-25/annual-report.md:3:10 departments.engaged is not a number but a group of figures: name ' +
          'one ' +
          'of them, departments.engaged.<…>',
      ],
    },
    {
      title: 'a section placed twice',
      files: { [NARRATIVE]: '::section{#sessions}\n\n::section{#sessions}\n' },
      expect: [
        'narrative/2024-25/annual-report.md:3:1 the section "sessions" is placed twice (first at line 1): keep ' +
          'one ::section{#sessions}',
      ],
    },
  ],
});
