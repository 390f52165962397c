import type { RootContent } from 'mdast';
import { formatDate } from '../../model/dates.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, relativeLink } from '../context.js';
import { link, paragraph, strong, table } from '../../format/markdown.js';
import { percent, plural } from '../../format/numbers.js';
import { defineSection } from '../section.js';

/** Who owns an action, as a report may say it: team entries by name, members never by name. */
function ownerLabel(ctx: ReportContext, owner: string | undefined): string {
  if (owner === undefined) return '–';
  return ctx.community.team.find((t) => t.id === owner)?.name ?? 'A member';
}

function actionsSection(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const a = year.actions;
  if (a.recorded === 0) return [paragraph("No actions were recorded in this year's minutes.")];
  const from = REPORTS.annual(year.year);
  const pastDue = new Set(a.pastDue);
  const open = year.sessions.flatMap((session) =>
    year.records.sessions[session.id]!.actions.filter((x) => x.status === 'open').map((action) => ({
      action,
      session,
    })),
  );
  const late = a.pastDue.length;
  const out: RootContent[] = [
    paragraph(
      strong(plural(a.recorded, 'action')),
      ` ${a.recorded === 1 ? 'was' : 'were'} recorded: ${a.done} done (${percent(a.done, a.recorded)}), ${a.open} ` +
        `open, ${a.dropped} dropped. `,
      // A year in progress is judged as of its latest record: what falls due later is not late yet.
      ...(year.inProgress
        ? [
            strong(`${plural(late, 'open action')} ${late === 1 ? 'is' : 'are'} past due`),
            ` as of the latest record (${formatDate(year.asOf)}); the year runs until ${formatDate(year.lastDay)}.`,
          ]
        : [
            strong(`${plural(late, 'open action')} ${late === 1 ? 'was' : 'were'} past due`),
            ` at the end of the year (${formatDate(year.lastDay)}).`,
          ]),
    ),
  ];
  if (open.length > 0) {
    out.push(
      table(
        [{ header: 'Open action' }, { header: 'Owner' }, { header: 'Due' }, { header: 'Recorded at' }],
        open.map(({ action, session }) => [
          action.text,
          ownerLabel(ctx, action.owner),
          action.due === undefined ? '–' : `${formatDate(action.due)}${pastDue.has(action.id) ? ' (past due)' : ''}`,
          link(relativeLink(from, year.records.sessions[session.id]!.file), session.title),
        ]),
      ),
    );
  }
  return out;
}

export default defineSection({
  id: 'actions',
  title: 'Actions',
  render: ({ ctx, year }) => actionsSection(ctx, year),
});
