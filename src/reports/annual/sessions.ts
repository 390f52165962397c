import type { RootContent } from 'mdast';
import { formatDate } from '../../model/dates.js';
import type { SessionMetrics, YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { REPORTS, relativeLink } from '../context.js';
import { sessionAttendanceChart } from '../charts/session-attendance.js';
import { link, paragraph, table } from '../../format/markdown.js';
import type { Page } from '../page.js';
import { sessionTypesPhrase } from './summary.js';

const TYPE_LABEL: Record<string, string> = {
  meeting: 'Meeting',
  'learning-exchange': 'Learning exchange',
  webinar: 'Webinar',
  workshop: 'Workshop',
};

const FORMAT_LABEL: Record<string, string> = { 'in-person': 'In person', hybrid: 'Hybrid', online: 'Online' };

function sessionLink(ctx: ReportContext, from: string, s: SessionMetrics) {
  const file = ctx.lookup.sessions.get(s.id)?.file ?? `minutes/${s.id}.md`;
  return link(relativeLink(from, file), s.title);
}

export function sessionsSection(ctx: ReportContext, year: YearMetrics, page: Page): RootContent[] {
  const from = REPORTS.annual(year.year);
  const hasTerms = year.sessions.some((s) => s.term !== undefined);
  const columns = [
    { header: 'Date' },
    ...(hasTerms ? [{ header: 'Term' }] : []),
    { header: 'Session' },
    { header: 'Type' },
    { header: 'Format' },
    { header: 'Members', align: 'right' as const },
    { header: 'Headcount', align: 'right' as const },
    { header: 'Departments present', align: 'right' as const },
  ];
  const rows = year.sessions.map((s) => [
    formatDate(s.date),
    ...(hasTerms ? [s.term ?? ''] : []),
    sessionLink(ctx, from, s),
    TYPE_LABEL[s.type] ?? s.type,
    FORMAT_LABEL[s.format] ?? s.format,
    String(s.memberAttendees),
    String(s.headcount),
    String(s.departmentsPresent),
  ]);
  if (year.sessions.length === 0) return [paragraph('No sessions were recorded this year.')];
  return [
    paragraph(
      `This year the community held ${sessionTypesPhrase(year)}. Members counts the members present; headcount adds guests from other units and institutions; departments present counts distinct departments among members and guests.`,
    ),
    ...page.embed(sessionAttendanceChart(year, `reports/${year.year}/session-attendance.svg`)),
    table(columns, rows),
  ];
}
