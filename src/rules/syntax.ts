import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportLoadFindings } from './support/findings.js';

export default defineRule({
  id: 'syntax',
  severity: 'error',
  summary: 'a JSON or YAML file that does not parse (reported at the first error)',
  stage: 'load',
  alwaysError: true,
  check: reportLoadFindings('syntax'),
  examples: [
    { title: 'a list closed', files: {}, expect: [] },
    {
      title: 'a bracket left open in the frontmatter',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m02'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:8:1 YAML syntax error: Flow sequence in block collection must be ' +
          'sufficiently indented and end with a ]. Check the brackets, quotes and indentation here and on the ' +
          'line before',
      ],
    },
    {
      title: 'a comma after the last entry in JSON',
      files: change('data/units.json', '"kind": "service" }\n]', '"kind": "service" },\n]'),
      expect: [
        'data/units.json:5:60 JSON syntax error: a comma after the last entry: remove this comma before the ' +
          'closing "]" (JSON allows no comma after the last entry)',
      ],
    },
  ],
});
