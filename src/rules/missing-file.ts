import { defineRule } from './define.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'missing-file',
  severity: 'error',
  summary: '`data/community.json`, `units.json` or `members.json` is missing',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('missing-file'),
  examples: [
    { title: 'the three data files', files: {}, expect: [] },
    {
      title: 'no roster',
      files: { 'data/members.json': null },
      expect: [
        'data/members.json:1:1 the file data/members.json is missing: every community repository needs it (see ' +
          '"What is where" in the README)',
      ],
    },
  ],
});
