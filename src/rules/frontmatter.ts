import { defineRule } from './define.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'frontmatter',
  severity: 'error',
  summary: 'a minutes file without a closed `---` frontmatter block',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('frontmatter'),
  examples: [
    { title: 'frontmatter between two --- lines', files: {}, expect: [] },
    {
      title: 'notes with no frontmatter',
      files: { 'minutes/2024-25/2024-11-05-notes.md': '# Notes\n\nNo frontmatter here.\n' },
      expect: [
        'minutes/2024-25/2024-11-05-notes.md:1:1 the file must start with a frontmatter block: a line "---", the ' +
          'fields, then another line "---"',
      ],
    },
  ],
});
