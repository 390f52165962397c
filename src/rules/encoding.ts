import { defineRule } from './define.js';
import { change, EXAMPLE_COMMUNITY } from './examples/community.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'encoding',
  severity: 'error',
  summary: 'a file that is not UTF-8 text',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('encoding'),
  examples: [
    { title: 'UTF-8 with accents', files: change('data/members.json', 'Member One', 'Zoë One'), expect: [] },
    {
      title: 'a file saved as Latin-1',
      files: {
        'data/members.json': { latin1: EXAMPLE_COMMUNITY['data/members.json']!.replace('Member One', 'Zoë One') },
      },
      expect: [
        'data/members.json:1:1 the file is not UTF-8 text: save it again as UTF-8 (in most editors: "Save as" and ' +
          'choose UTF-8)',
      ],
    },
  ],
});
