import { defineRule } from './define.js';
import { EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'file-kind',
  severity: 'error',
  summary:
    'a record that cannot be read as one: a symbolic link, a folder, pipe or device where a file belongs, a file ' +
    'that cannot be opened or is over the size limit, a name that is not UTF-8, or a minutes or survey file whose ' +
    'ending is not in lower case',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('file-kind'),
  examples: [
    { title: 'minutes named in lower case', files: {}, expect: [] },
    {
      title: 'minutes saved as .MD',
      files: { [MINUTES]: null, 'minutes/2024-25/2024-10-15-welcome.MD': EXAMPLE_COMMUNITY[MINUTES]! },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.MD:1:1 minutes files end in ".md", in lower case and nothing after ' +
          'it, or they are not read: rename it 2024-10-15-welcome.md',
      ],
    },
  ],
});
