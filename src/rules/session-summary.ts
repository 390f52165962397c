import { everyMinutesFile } from '../model/repository.js';
import { statusOf } from '../model/session.js';
import { defineRule } from './define.js';
import { EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** The text under a `## Summary` heading, up to the next heading of level 1 or 2; undefined when there is none. */
function summaryText(body: string): string | undefined {
  let inSummary = false;
  let found = false;
  let text = '';
  for (const line of body.split(/\r?\n/)) {
    const h = HEADING.exec(line);
    if (h && h[1]!.length <= 2) {
      inSummary = h[1]!.length === 2 && h[2]!.trim().toLowerCase() === 'summary';
      found ||= inSummary;
      continue;
    }
    if (inSummary) text += `${line}\n`;
  }
  return found ? text : undefined;
}

export default defineRule({
  id: 'session-summary',
  severity: 'warning',
  summary:
    "a minutes file with no `## Summary` section, or an empty one: the annual report prints each session's " +
    'summary points',
  stage: 'records',
  check({ repo, report }) {
    for (const s of everyMinutesFile(repo)) {
      // A session still to come, or one that never took place, has nothing to summarise.
      if (statusOf(s.data) !== 'held') continue;
      const text = summaryText(s.body);
      const at = { line: s.bodyLine, column: 1 };
      if (text === undefined)
        report.at(
          s.file,
          at,
          'the minutes have no "## Summary" section: add one, with a point for each topic, for the annual report',
        );
      else if (text.trim() === '')
        report.at(
          s.file,
          at,
          'the "## Summary" section is empty: add a point for each topic discussed, for the annual report',
        );
    }
  },
  examples: [
    { title: 'a summary with its points', files: {}, expect: [] },
    {
      title: 'a planned session without a summary yet',
      files: {
        [MINUTES]: EXAMPLE_COMMUNITY[MINUTES]!.replace('attendees: [m01, m02]\n', 'status: planned\n').replace(
          '## Summary\n\n- Mentors introduced themselves and their departments.\n',
          '',
        ),
      },
      expect: [],
    },
    {
      title: 'a summary saved with Windows line endings',
      files: { [MINUTES]: EXAMPLE_COMMUNITY[MINUTES]!.replace(/\n/g, '\r\n') },
      expect: [],
    },
    {
      title: 'notes without a summary',
      files: {
        [MINUTES]: EXAMPLE_COMMUNITY[MINUTES]!.replace(
          '## Summary\n\n- Mentors introduced themselves and their departments.\n',
          '## Notes\n\nWe met.\n',
        ),
      },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:16:1 the minutes have no "## Summary" section: add one, with a ' +
          'point for each topic, for the annual report',
      ],
    },
  ],
});
