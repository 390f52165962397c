import type { RootContent } from 'mdast';
import { paragraph } from '../../format/markdown.js';
import { plural } from '../../format/numbers.js';
import { REPORTS } from '../context.js';
import { scheduleTable } from '../schedule.js';
import { defineSection } from '../section.js';

export default defineSection({
  id: 'scheduled',
  title: 'Planned and cancelled sessions',
  render: ({ ctx, year }): RootContent[] | undefined => {
    const entries = ctx.metrics.calendar.filter((e) => e.year === year.year && e.status !== 'held');
    if (entries.length === 0) return undefined;
    const planned = entries.filter((e) => e.status === 'planned').length;
    const cancelled = entries.length - planned;
    const parts = [
      ...(planned > 0 ? [`${plural(planned, 'session')} planned`] : []),
      ...(cancelled > 0 ? [`${plural(cancelled, 'session')} cancelled`] : []),
    ];
    return [
      paragraph(
        `This year also has ${parts.join(' and ')}. They are listed by their status in the minutes, and counted ` +
          `in no figure of this report: a planned session counts once its minutes say it was held.`,
      ),
      scheduleTable(entries, REPORTS.annual(year.year), { status: true }),
    ];
  },
});
