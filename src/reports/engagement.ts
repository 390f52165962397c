import type { RootContent } from 'mdast';
import { compareStrings } from '../format/compare.js';
import type { Unit } from '../model/unit.js';
import { NOTHING_YET, REPORTS, generatedNote, type ReportContext } from './context.js';
import { OUTREACH_STREAK } from './annual/departments.js';
import { chartOf } from './charts/define.js';
import engagementHeatmap from './charts/engagement-heatmap.js';
import { namedUnits, shownAttendance } from './disclosure.js';
import { heading, paragraph, root, table, toMarkdown } from '../format/markdown.js';
import { type ChartListener, Page, type RenderedPage } from './page.js';
import { plural } from '../format/numbers.js';
import { capital } from '../model/vocabulary.js';

/** `reports/engagement.md`: every department and service by year: engaged (with member attendances) or not. */
export function engagementReport(ctx: ReportContext, onChart?: ChartListener): RenderedPage {
  const years = ctx.metrics.years;
  const self = REPORTS.engagement;
  const page = new Page(self, onChart);
  const unitsOf = (kind: Unit['kind']) =>
    ctx.metrics.units.filter((u) => u.kind === kind).sort((a, b) => compareStrings(a.name, b.name));
  const departments = unitsOf('department');
  const { department, service } = ctx.words;
  const latest = years[years.length - 1];
  const grid = (kind: Unit['kind']) => {
    const units = kind === 'department' ? departments : unitsOf(kind);
    return table(
      [
        { header: capital(kind === 'department' ? department.one : service.one) },
        ...years.map((y) => ({ header: y.year, align: 'center' as const })),
        ...(kind === 'department' ? [{ header: 'Flag' }] : []),
      ],
      // A unit the reports may not name in some year (privacy.listSmallUnits: false) has no row.
      units
        .filter((u) =>
          years.every(
            (y) => namedUnits([u.id], kind === 'department' ? y.departments : y.services, ctx.privacy).unnamed === 0,
          ),
        )
        .map((u) => {
          const cells = years.map((y) => {
            const e = kind === 'department' ? y.departments : y.services;
            if (e.engaged.includes(u.id)) {
              const n = shownAttendance(e, u.id, ctx.privacy);
              return n === undefined ? '✓' : `✓ ${n}`;
            }
            if (e.unengaged.includes(u.id)) return '✗';
            return 'n/a';
          });
          const streak = latest?.departments.unengagedStreak[u.id];
          const flag =
            kind === 'department' && streak !== undefined && streak >= OUTREACH_STREAK
              ? `unengaged ${plural(streak, 'year')} in a row: outreach`
              : '';
          return [u.name, ...cells, ...(kind === 'department' ? [flag] : [])];
        }),
    );
  };
  if (years.length === 0)
    return {
      markdown: toMarkdown(
        root([heading(1, `${ctx.community.name}: ${department.one} engagement`), generatedNote(self), NOTHING_YET]),
      ),
      charts: [],
    };
  const children: RootContent[] = [
    heading(1, `${ctx.community.name}: ${department.one} engagement`),
    generatedNote(self),
    paragraph(
      `✓ n: engaged, with n member attendances that year (one per member per session); the number is left out for ` +
        `units with fewer than ${plural(ctx.privacy.minGroupSize, 'member')}, the smallest group published, where it ` +
        `would describe individual members. ✗: unengaged, no member of the unit attended a session. n/a: the unit ` +
        `did not exist that ` +
        'year.' +
        (ctx.privacy.listSmallUnits
          ? ''
          : ` Units with fewer than ${plural(ctx.privacy.minGroupSize, 'member')} in some year are not listed.`) +
        ' Guests do not make a unit engaged.',
    ),
    heading(2, capital(department.many)),
    ...page.embed(
      chartOf(engagementHeatmap, {
        years,
        // A unit the reports may not name in some year (privacy.listSmallUnits: false) is left off the map.
        departments: departments.filter((u) =>
          years.every((y) => namedUnits([u.id], y.departments, ctx.privacy).unnamed === 0),
        ),
        flagAt: OUTREACH_STREAK,
        word: department,
      }),
    ),
    grid('department'),
    heading(2, capital(service.many)),
    grid('service'),
  ];
  return { markdown: toMarkdown(root(children)), charts: page.charts };
}
