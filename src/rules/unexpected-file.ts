import { defineRule } from './define.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'unexpected-file',
  severity: 'warning',
  summary: 'a file under `minutes/` or `surveys/` that is neither',
  stage: 'load',
  check: reportLoadFindings('unexpected-file'),
  examples: [
    { title: 'a README among the minutes', files: { 'minutes/README.md': '# Minutes\n' }, expect: [] },
    {
      title: 'a Word document among the minutes',
      files: { 'minutes/2024-25/agenda.docx': 'binary' },
      expect: [
        'minutes/2024-25/agenda.docx:1:1 only Markdown minutes files (.md) belong under minutes/: this file is ignored',
      ],
    },
  ],
});
