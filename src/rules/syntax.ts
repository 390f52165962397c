import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'syntax',
  severity: 'error',
  summary: 'a JSON or YAML file that does not parse (reported at the first error)',
  stage: 'load',
  fixed: true,
  check: reportLoadFindings('syntax'),
  examples: [
    { title: 'a list closed', files: {}, expect: [] },
    { title: 'a bracket left open in the frontmatter', files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m02'), expect: ['?'] },
    { title: 'a comma after the last entry in JSON', files: change('data/units.json', '"kind": "service" }\n]', '"kind": "service" },\n]'), expect: ['?'] },
  ],
});
