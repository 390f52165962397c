import type { RootContent } from 'mdast';
import type { YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { SESSION_TYPE_LABELS } from '../../model/labels.js';
import { SESSION_TYPES, type SessionType } from '../../model/session.js';
import { list, paragraph, strong } from '../../format/markdown.js';
import { percent, plural } from '../../format/numbers.js';
import { defineSection } from '../section.js';
import { evidenceOf, outcomesOf } from '../value-evidence.js';
import { counted } from '../../model/vocabulary.js';

/** "4 meetings and 1 learning exchange". */
export function sessionTypesPhrase(year: YearMetrics): string {
  const counts = new Map<SessionType, number>();
  for (const s of year.sessions) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  const parts = SESSION_TYPES.filter((t) => counts.has(t)).map((t) => {
    const n = counts.get(t)!;
    const { one, many } = SESSION_TYPE_LABELS[t];
    return `${n} ${n === 1 ? one : many}`;
  });
  return parts.length <= 1
    ? (parts[0] ?? 'no sessions')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function executiveSummary(ctx: ReportContext, year: YearMetrics): RootContent[] {
  const m = year.members;
  const d = year.departments;
  const { department, service } = ctx.words;
  const items = [
    [
      strong(plural(m.total, 'member')),
      ` from ${counted(d.engaged.length, department)} and ${counted(year.services.engaged.length, service)}.`,
    ],
    [
      strong(`${m.attendedAny} (${percent(m.attendedAny, m.total)})`),
      ' attended at least one session; ',
      strong(`${m.attendedAtLeast3} (${percent(m.attendedAtLeast3, m.total)})`),
      ' attended at least three.',
    ],
    [
      strong(`${d.engaged.length} of ${counted(d.total, department)} (${percent(d.engaged.length, d.total)})`),
      ` engaged; ${d.unengaged.length} (${percent(d.unengaged.length, d.total)}) not yet.`,
    ],
    [strong(plural(year.sessions.length, 'session')), `: ${sessionTypesPhrase(year)}.`],
  ];
  for (const s of Object.values(year.surveys)) {
    const rate = s.population ? ` of ${s.population} (${percent(s.responses, s.population)})` : '';
    items.push([strong(s.title), `: ${plural(s.responses, 'response')}${rate}.`]);
  }
  const presentations = (year.records.outputs ?? []).filter((o) => o.type === 'presentation').length;
  if (presentations > 0) items.push([strong(plural(presentations, 'presentation')), ' given by members and the team.']);
  // The outcomes first, as a committee reads them: the community's own value-creation evidence.
  const outcomes = outcomesOf(evidenceOf(ctx.community.valueCreation, ctx.privacy), year);
  return [
    ...(outcomes.length > 0
      ? [
          paragraph('What the year achieved, by the evidence the community maps to its value:'),
          list(outcomes.map((o) => [strong(o.figure), ` ${o.label}.`])),
        ]
      : []),
    paragraph(
      `This report covers the academic year ${year.year} (${year.firstDay} to ${year.lastDay}) of the ` +
        `${ctx.community.name} at the ${ctx.community.institution}. Every figure is computed from the records in ` +
        `this repository.`,
    ),
    list(items),
  ];
}

export default defineSection({
  id: 'summary',
  title: 'Executive summary',
  render: ({ ctx, year }) => executiveSummary(ctx, year),
});
