import type { RootContent } from 'mdast';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { chartOf } from '../charts/define.js';
import participationChart from '../charts/participation.js';
import { paragraph, strong, table } from '../../format/markdown.js';
import type { Page } from '../page.js';
import { percent, plural } from '../../format/numbers.js';
import { defineSection } from '../section.js';
import { BUILT_IN_ROLES } from '../../model/vocabulary.js';

function participationSection(ctx: ReportContext, year: YearMetrics, page: Page): RootContent[] {
  const m = year.members;
  return [
    paragraph(
      'This academic year the community had ',
      strong(`${plural(m.total, 'member')}`),
      ', of whom ',
      strong(`${m.attendedAny} (${percent(m.attendedAny, m.total)}) attended`),
      ' at least one session and ',
      strong(`${m.attendedAtLeast3} (${percent(m.attendedAtLeast3, m.total)})`),
      ' attended at least three.',
    ),
    ...page.embed(chartOf(participationChart, { year })),
    table(
      [{ header: 'Members' }, { header: 'Count', align: 'right' }, { header: 'Share of members', align: 'right' }],
      [
        ['Members this year', String(m.total), '100%'],
        ['Attended at least one session', String(m.attendedAny), percent(m.attendedAny, m.total)],
        ['Attended at least three sessions', String(m.attendedAtLeast3), percent(m.attendedAtLeast3, m.total)],
        ...ctx.words.roles
          .filter((r) => BUILT_IN_ROLES.some((b) => b.id === r.id) || (m.roles[r.id] ?? 0) > 0)
          .map((r) => [r.title, String(m.roles[r.id] ?? 0), percent(m.roles[r.id] ?? 0, m.total)]),
        ['Joined the community this year', String(m.new), percent(m.new, m.total)],
        ['Members of the year before who stayed', String(m.retained), percent(m.retained, m.total)],
        ['Members of the year before who left', String(m.left), '–'],
      ],
    ),
  ];
}

export default defineSection({
  id: 'participation',
  title: 'Participation and engagement',
  render: ({ ctx, year, page }) => participationSection(ctx, year, page),
});
