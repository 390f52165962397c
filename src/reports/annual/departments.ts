import type { RootContent } from 'mdast';
import { compareStrings } from '../../format/compare.js';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, relativeLink, unitName } from '../context.js';
import { heading, link, list, paragraph, strong, table } from '../../format/markdown.js';
import { percent, plural } from '../../format/numbers.js';
import { namedUnits } from '../disclosure.js';
import { capital, counted } from '../../model/vocabulary.js';
import { defineSection } from '../section.js';

/** Departments unengaged for this many years in a row are flagged for outreach. */
export const OUTREACH_STREAK = 2;

function outreachFlags(year: YearMetrics): Array<[string, number]> {
  return Object.entries(year.departments.unengagedStreak).filter(([, n]) => n >= OUTREACH_STREAK);
}

function departmentsSection(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const { department, service } = ctx.words;
  const d = year.departments;
  const s = year.services;
  const names = (ids: readonly string[]) => ids.map((id) => unitName(ctx, id)).sort(compareStrings);
  // Units too small to name (privacy.listSmallUnits: false) are counted, not named.
  const shown = (ids: readonly string[], e: typeof d | typeof s) => {
    const { named, unnamed } = namedUnits(ids, e, ctx.privacy);
    return [
      ...names(named),
      ...(unnamed > 0
        ? [`${unnamed} more, each with fewer than ${plural(ctx.privacy.minGroupSize, 'member')}, not named`]
        : []),
    ];
  };
  const self = REPORTS.annual(year.year);
  const out: RootContent[] = [
    list([
      [
        strong(`${d.engaged.length} of ${counted(d.total, department)} (${percent(d.engaged.length, d.total)})`),
        ' took part: at least one of their members attended a session.',
      ],
      [
        strong(`${counted(d.unengaged.length, department)} (${percent(d.unengaged.length, d.total)})`),
        d.unengaged.length === 1
          ? ' has not yet engaged: an opportunity for expansion.'
          : ' have not yet engaged: an opportunity for expansion.',
      ],
      [
        strong(`${s.engaged.length} of ${counted(s.total, service)}`),
        ' took part',
        s.engaged.length > 0 ? ` (${shown(s.engaged, s).join(', ')}).` : '.',
      ],
    ]),
    heading(3, `Engaged ${department.many} (${d.engaged.length})`),
    d.engaged.length > 0
      ? list(
          shown(d.engaged, d).map((n) => [n]),
          true,
        )
      : paragraph('None this year.'),
    heading(3, `${capital(department.many)} not yet engaged (${d.unengaged.length})`),
    d.unengaged.length > 0
      ? list(
          shown(d.unengaged, d).map((n) => [n]),
          true,
        )
      : paragraph(`None: every ${department.one} took part.`),
  ];
  if (d.newlyEngaged !== undefined && d.lapsed !== undefined) {
    out.push(
      heading(3, 'Changes since last year'),
      list([
        [strong('Newly engaged:'), ` ${d.newlyEngaged.length > 0 ? shown(d.newlyEngaged, d).join('; ') : 'none'}`],
        [
          strong('Lapsed (engaged last year, not this year):'),
          ` ${d.lapsed.length > 0 ? shown(d.lapsed, d).join('; ') : 'none'}`,
        ],
      ]),
    );
  } else {
    out.push(paragraph('This is the first year of records, so there is no comparison with the year before.'));
  }
  const flagged = outreachFlags(year);
  if (flagged.length > 0) {
    out.push(
      heading(3, 'Flagged for outreach'),
      paragraph(`${capital(department.many)} unengaged for ${OUTREACH_STREAK} or more years in a row:`),
      table(
        [{ header: capital(department.one) }, { header: 'Years unengaged in a row', align: 'right' }],
        flagged.map(([id, n]) => [unitName(ctx, id), String(n)]),
      ),
    );
  }
  out.push(
    heading(3, capital(service.many)),
    table(
      [{ header: capital(service.one) }, { header: 'Engaged' }],
      [
        ...namedUnits(s.engaged, s, ctx.privacy).named.map((id) => [unitName(ctx, id), 'yes']),
        ...namedUnits(s.unengaged, s, ctx.privacy).named.map((id) => [unitName(ctx, id), 'not yet']),
      ],
    ),
    paragraph(
      `Engagement across all years, ${department.one} by ${department.one}: `,
      link(relativeLink(self, REPORTS.engagement), `${department.one} engagement`),
      '.',
    ),
  );
  return out;
}

export default defineSection({
  id: 'departments',
  title: (ctx) => `${capital(ctx.words.department.one)} engagement`,
  render: ({ ctx, year }) => departmentsSection(ctx, year),
});
