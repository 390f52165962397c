import type { RootContent } from 'mdast';
import { NOTHING_YET, REPORTS, generatedNote, relativeLink, type ReportContext } from './context.js';
import { headlines } from './headline.js';
import { capital } from '../model/vocabulary.js';
import { heading, link, list, paragraph, root, strong, table, toMarkdown } from '../format/markdown.js';
import type { Root } from 'mdast';
import { remark } from 'remark';
import { timeLabel } from '../model/labels.js';
import { notHeld, scheduleTable } from './schedule.js';
import { decimal } from '../format/numbers.js';

/**
 * What the community says of itself in data/community.json: its description, whom to contact, who may join, when it
 * meets.
 */
function about(ctx: ReportContext): RootContent[] {
  const c = ctx.community;
  const description = c.description ? (remark().parse(c.description) as Root).children : [];
  const facts = [
    ...(c.institution ? [[strong('Institution:'), ` ${c.institution}`]] : []),
    ...(c.joining ? [[strong('Who may join:'), ` ${c.joining}`]] : []),
    ...(c.sessionTime
      ? [[strong('Sessions usually:'), ` ${timeLabel(c.sessionTime)}${c.timeZone ? ` (${c.timeZone} time)` : ''}`]]
      : []),
    ...(c.contact ? [[strong('Contact:'), ` ${c.contact}`]] : []),
  ];
  return [...description, ...(facts.length > 1 ? [list(facts)] : [])];
}

/** `reports/README.md`: the latest year's headline figures and a link to every report. */
export function indexPage(ctx: ReportContext): string {
  const years = ctx.metrics.years;
  const latest = years[years.length - 1];
  const self = REPORTS.index;
  const to = (path: string) => relativeLink(self, path);
  const children: RootContent[] = [heading(1, `${ctx.community.name}: reports`), generatedNote(self), ...about(ctx)];
  if (!latest) children.push(NOTHING_YET);
  if (latest) {
    children.push(
      heading(2, `Headline figures, ${latest.year}`),
      table(
        [{ header: 'Figure' }, { header: latest.year, align: 'right' }],
        headlines(ctx.words).map((h) => {
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
      paragraph(
        'Sessions the minutes record as planned. ',
        link(to(REPORTS.calendar), 'Subscribe to the calendar'),
        ' to have them in your own calendar app.',
      ),
      scheduleTable(upcoming, self),
    );
  }
  children.push(
    heading(2, 'Reports'),
    list([
      ...[...years].reverse().map((y) => [link(to(REPORTS.annual(y.year)), `Annual report ${y.year}`)]),
      [link(to(REPORTS.yearOverYear), 'Year over year')],
      [link(to(REPORTS.engagement), `${capital(ctx.words.department.one)} engagement by year`)],
      [link(to(REPORTS.metrics), 'All metrics as JSON'), ' (for dashboards and other communities)'],
      ...(ctx.metrics.calendar.length > 0
        ? [[link(to(REPORTS.calendar), 'Calendar of sessions'), ' (iCalendar, for calendar apps)']]
        : []),
    ]),
  );
  return toMarkdown(root(children));
}
