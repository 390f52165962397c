import type { RootContent } from 'mdast';
import { formatDate } from '../../model/dates.js';
import type { SessionMetrics, YearMetrics } from '../../metrics/types.js';
import { REPORTS, relativeLink } from '../context.js';
import { chartOf } from '../charts/define.js';
import sessionAttendanceChart from '../charts/session-attendance.js';
import { link, paragraph, table } from '../../format/markdown.js';
import type { Page } from '../page.js';
import { SESSION_FORMAT_LABELS, SESSION_TYPE_LABELS } from '../../model/labels.js';
import { sessionTypesPhrase } from './summary.js';
import { defineSection } from '../section.js';
import { capital, type Words } from '../../model/vocabulary.js';

function sessionLink(year: YearMetrics, from: string, s: SessionMetrics) {
  return link(relativeLink(from, year.records.sessions[s.id]!.file), s.title);
}

function sessionsSection(year: YearMetrics, page: Page, words: Words): RootContent[] {
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
    { header: `${capital(words.department.many)} present`, align: 'right' as const },
  ];
  const rows = year.sessions.map((s) => [
    formatDate(s.date),
    ...(hasTerms ? [s.term ?? ''] : []),
    sessionLink(year, from, s),
    SESSION_TYPE_LABELS[s.type].title,
    SESSION_FORMAT_LABELS[s.format],
    String(s.memberAttendees),
    String(s.headcount),
    String(s.departmentsPresent),
  ]);
  if (year.sessions.length === 0) return [paragraph('No sessions were recorded this year.')];
  return [
    paragraph(
      `This year the community held ${sessionTypesPhrase(year)}. Members counts the members present; headcount ` +
        `adds guests from other units and institutions; ${words.department.many} present counts distinct ` +
        `${words.department.many} among members and guests.`,
    ),
    ...page.embed(chartOf(sessionAttendanceChart, { year })),
    table(columns, rows),
  ];
}

export default defineSection({
  id: 'sessions',
  title: 'Activities and sessions',
  render: ({ ctx, year, page }) => sessionsSection(year, page, ctx.words),
});
