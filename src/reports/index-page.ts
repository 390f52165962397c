import type { RootContent } from 'mdast';
import { REPORTS, generatedNote, relativeLink, type ReportContext } from './context.js';
import { HEADLINES } from './headline.js';
import { heading, link, list, paragraph, root, table, toMarkdown } from '../format/markdown.js';
import { notHeld, scheduleTable } from './schedule.js';
import { decimal } from '../format/numbers.js';

/** `reports/README.md`: the latest year's headline figures and a link to every report. */
export function indexPage(ctx: ReportContext): string {
  const years = ctx.metrics.years;
  const latest = years[years.length - 1];
  const self = REPORTS.index;
  const to = (path: string) => relativeLink(self, path);
  const children: RootContent[] = [heading(1, `${ctx.community.name}: reports`), generatedNote(self)];
  if (latest) {
    children.push(
      heading(2, `Headline figures, ${latest.year}`),
      table(
        [{ header: 'Figure' }, { header: latest.year, align: 'right' }],
        HEADLINES.map((h) => {
          const v = h.value(latest);
          return [h.label, v === undefined ? '–' : h.kind === 'percent' ? `${decimal(v)}%` : String(v)];
        }),
      ),
    );
  }
  const upcoming = notHeld(ctx.metrics.calendar, 'planned');
  if (upcoming.length > 0) {
    children.push(
      heading(2, 'Upcoming sessions'),
      paragraph('Sessions the minutes record as planned. ', link(to(REPORTS.calendar), 'Subscribe to the calendar'), ' to have them in your own calendar app.'),
      scheduleTable(upcoming, self),
    );
  }
  children.push(
    heading(2, 'Reports'),
    list([
      ...[...years].reverse().map((y) => [link(to(REPORTS.annual(y.year)), `Annual report ${y.year}`)]),
      [link(to(REPORTS.yearOverYear), 'Year over year')],
      [link(to(REPORTS.engagement), 'Department engagement by year')],
      [link(to(REPORTS.metrics), 'All metrics as JSON'), ' (for dashboards and other communities)'],
      ...(ctx.metrics.calendar.length > 0 ? [[link(to(REPORTS.calendar), 'Calendar of sessions'), ' (iCalendar, for calendar apps)']] : []),
    ]),
  );
  return toMarkdown(root(children));
}
