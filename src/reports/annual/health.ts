import type { RootContent } from 'mdast';
import { link, paragraph, strong, table } from '../../format/markdown.js';
import { intervalText, percent, plural } from '../../format/numbers.js';
import { formatDate } from '../../model/dates.js';
import { chartOf } from '../charts/define.js';
import communityHealthChart, { TIERS } from '../charts/community-health.js';
import { REPORTS, previousOf, relativeLink } from '../context.js';
import { defineSection } from '../section.js';

export default defineSection({
  id: 'health',
  title: 'Community health',
  render: ({ ctx, year, page }): RootContent[] => {
    const m = year.members;
    const before = previousOf(ctx, year);
    const from = REPORTS.annual(year.year);
    const sessions = year.sessions.length;
    const out: RootContent[] = [
      paragraph(
        sessions === 0
          ? `No session was held this year, so all ${plural(m.total, 'member')} are counted as peripheral.`
          : `Of the ${plural(m.total, 'member')}, the core came to at least half of the year's ` +
              `${plural(sessions, 'session')}, occasional members to at least one but fewer, and peripheral ` +
              `members to none.`,
      ),
      ...page.embed(chartOf(communityHealthChart, { year })),
      table(
        [{ header: 'Members' }, { header: 'Count', align: 'right' }, { header: 'Share of members', align: 'right' }],
        TIERS.map((t) => [`${t.label}: ${t.means}`, String(m[t.key]), percent(m[t.key], m.total)]),
      ),
    ];
    const returning =
      !before || m.returning === undefined
        ? ''
        : before.members.attendedAny === 0
          ? `Nobody took part in ${before.year}, so no one could return from it.`
          : `${plural(m.returning, 'member')} of the ${before.members.attendedAny} who took part in ` +
            `${before.year} came back: an attendance retention of ` +
            `${percent(m.returning, before.members.attendedAny)} (95% Wilson interval ` +
            `${intervalText(m.returning, before.members.attendedAny)}).`;
    out.push(
      !before || m.returning === undefined
        ? paragraph(
            `The records of sessions start this year, so all ${plural(m.firstTime, 'member')} who took part count as ` +
              `coming for the first time, and nobody as returning, whichever year they joined the community.`,
          )
        : paragraph(
            strong(`${plural(m.firstTime, 'member')} came to a session for the first time`),
            ' this year. ',
            returning,
          ),
    );
    const welcoming = year.sessions.filter((s) => s.firstTime > 0);
    if (welcoming.length > 0) {
      out.push(
        paragraph('Sessions that brought newcomers:'),
        table(
          [{ header: 'Date' }, { header: 'Session' }, { header: 'First-time members', align: 'right' }],
          welcoming.map((s) => [
            formatDate(s.date),
            link(relativeLink(from, year.records.sessions[s.id]!.file), s.title),
            String(s.firstTime),
          ]),
        ),
      );
    }
    return out;
  },
});
