import { defineRule } from './define.js';
import { change, MINUTES } from './examples/community.js';
import { reportSchemaFindings } from './support/findings.js';

export default defineRule({
  id: 'schema',
  severity: 'error',
  summary: 'a value has the wrong type or is outside its list',
  stage: 'schema',
  alwaysError: true,
  check: reportSchemaFindings('schema'),
  examples: [
    { title: 'a format from the list', files: {}, expect: [] },
    {
      title: 'a format not in the list',
      files: change(MINUTES, 'format: hybrid', 'format: face-to-face'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:5:9 format: "face-to-face" is not allowed here: use one of online, ' +
          'in-person, hybrid',
      ],
    },
    {
      title: 'a time written with a dot, and one that ends before it starts',
      files: change(MINUTES, 'format: hybrid\n', 'format: hybrid\ntime: 12.00-14.00\n'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:6:7 time: "12.00-14.00" is not a time range: write the start and ' +
          'end in 24-hour time, as in "12:00-14:00" (in quotes)',
      ],
    },
    {
      title: 'a time that ends before it starts',
      files: change(MINUTES, 'format: hybrid\n', 'format: hybrid\ntime: "14:00-12:00"\n'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:6:7 time: "14:00-12:00" ends before it starts: write the start ' +
          'first, as in "12:00-14:00"',
      ],
    },
    {
      title: 'a status not in the list',
      files: change(MINUTES, 'format: hybrid\n', 'format: hybrid\nstatus: postponed\n'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:6:9 status: "postponed" is not allowed here: use one of planned, ' +
          'cancelled, held',
      ],
    },
    {
      title: 'a time zone that is not an IANA name',
      files: change('data/community.json', '"yearStart": "08-01",', '"yearStart": "08-01",\n  "timeZone": "GMT+1",'),
      expect: [
        'data/community.json:5:15 timeZone: "GMT+1" is not a time-zone name: use an IANA name such as ' +
          '"Europe/London", "Europe/Dublin" or "America/New_York"',
      ],
    },
  ],
});
