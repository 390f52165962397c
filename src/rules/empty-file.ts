import { defineRule } from './define.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'empty-file',
  severity: 'error',
  summary: 'a file that is empty',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('empty-file'),
  examples: [
    { title: 'a file with content', files: {}, expect: [] },
    {
      title: 'an empty minutes file',
      files: { 'minutes/2024-25/2024-11-05-draft.md': '\n' },
      expect: ['minutes/2024-25/2024-11-05-draft.md:1:1 the file is empty: add its content, or delete the file'],
    },
  ],
});
