import type { RootContent } from 'mdast';
import type { MeetingCountMetrics, PooledCoverage, YearMetrics } from '../../metrics/types.js';
import type { ReportContext } from '../context.js';
import { themeTitle, unitName } from '../context.js';
import { chartOf } from '../charts/define.js';
import meetingCoverage, { coverageLabel } from '../charts/meeting-coverage.js';
import { emphasis, heading, list, paragraph, strong, table } from '../../format/markdown.js';
import { decimal, intervalText, percent, plural } from '../../format/numbers.js';
import { compareStrings } from '../../format/compare.js';
import { menteeCount, withheldUnits } from '../disclosure.js';
import type { Page } from '../page.js';
import { capital, counted } from '../../model/vocabulary.js';
import { defineSection } from '../section.js';

/** Counts by key, largest first, in words: "Wellbeing Service 3; Nightline 1". */
function tallyRows(tallies: Record<string, number>, name: (id: string) => string): string[][] {
  return Object.entries(tallies)
    .sort(([a, x], [b, y]) => y - x || compareStrings(a, b))
    .map(([id, n]) => [name(id), String(n)]);
}

const coverageText = (met: number, of: number) => (of === 0 ? '–' : `${percent(met, of)} (${intervalText(met, of)})`);

/**
 * What mentors did between the community's sessions, from the year's meeting returns: counts only, never a mentee.
 * Units with fewer mentees than privacy.minGroupSize count in the totals only; counts of mentees are rounded to
 * privacy.roundMentees where the community asks, shares computed from the exact counts.
 */
function meetingsSection(ctx: ReportContext, year: YearMetrics, page: Page): RootContent[] | undefined {
  const m = year.meetings;
  if (!m) return undefined;
  const { mentee, mentor } = ctx.words;
  const shown = (n: number) => menteeCount(n, ctx.privacy);
  const rounded = ctx.privacy.roundMentees
    ? ` Counts of ${mentee.many} are rounded to multiples of ${ctx.privacy.roundMentees}; shares are worked out ` +
      `from the exact counts.`
    : '';
  const oneToOne = m.meetings['one-to-one'] ?? 0;
  const out: RootContent[] = [
    paragraph(
      `From ${plural(m.returns, 'return')} of mentoring meetings, ${m.mentorsReporting} of ` +
        `${counted(m.mentors, mentor)} reported. They met `,
      strong(`${shown(m.menteesMet)} of ${counted(shown(m.mentees), mentee)} allocated`),
      ` at least once: a coverage of ${coverageText(m.menteesMet, m.mentees)}, 95% interval in brackets. ` +
        `They held ${plural(oneToOne, 'one-to-one meeting')}` +
        `${m.perMenteeMet === null ? '' : `, ${decimal(m.perMenteeMet)} for each ${mentee.one} met`}.${rounded}`,
    ),
  ];
  const units = Object.entries(m.units).sort(([a], [b]) => compareStrings(unitName(ctx, a), unitName(ctx, b)));
  const hidden = withheldUnits(m.units, ctx.privacy);
  const visible = units.filter(([id]) => !hidden.has(id));
  const withheld = hidden.size;
  out.push(
    ...page.embed(
      chartOf(meetingCoverage, {
        year,
        mentees: mentee.many,
        rows: visible.map(([id, u]) => {
          const ci = { low: u.coverageLow ?? 0, high: u.coverageHigh ?? 0 };
          return {
            unit: unitName(ctx, id),
            met: u.menteesMet,
            of: u.mentees,
            ...ci,
            label: coverageLabel(u.menteesMet, u.mentees, shown(u.mentees)),
          };
        }),
      }),
    ),
  );
  const row = (name: string, u: MeetingCountMetrics) => [
    name,
    `${u.mentorsReporting} of ${u.mentors}`,
    String(shown(u.mentees)),
    String(shown(u.menteesMet)),
    coverageText(u.menteesMet, u.mentees),
    u.perMenteeMet === null ? '–' : decimal(u.perMenteeMet),
  ];
  out.push(
    table(
      [
        { header: 'Unit' },
        { header: `${capital(mentor.many)} reporting`, align: 'right' },
        { header: `${capital(mentee.many)} allocated`, align: 'right' },
        { header: 'Met at least once', align: 'right' },
        { header: 'Coverage (95% interval)', align: 'right' },
        { header: `One-to-one meetings per ${mentee.one} met`, align: 'right' },
      ],
      [...visible.map(([id, u]) => row(unitName(ctx, id), u)), row('All units', m)],
    ),
  );
  if (withheld > 0)
    out.push(
      paragraph(
        emphasis(
          `${plural(withheld, 'more unit')} ${withheld === 1 ? 'counts' : 'count'} in "All units" only: a unit ` +
            `with fewer than ${plural(ctx.privacy.minGroupSize, mentee.one, mentee.many)} has no figures of its ` +
            `own, and the next smallest is left out with it, so that the totals cannot be used to work them out.`,
        ),
      ),
    );
  out.push(
    heading(3, `Engaged and not yet engaged ${ctx.words.department.many}`),
    paragraph(...comparison(ctx, m.engaged, m.notEngaged)),
  );
  const kinds = [
    ...tallyRows(m.meetings, (id) => `Type: ${id.replace(/-/g, ' ')}`),
    ...tallyRows(m.modes, (id) => `Mode: ${id.replace(/-/g, ' ')}`),
  ];
  if (kinds.length > 0)
    out.push(
      heading(3, 'Meetings by type and mode'),
      table([{ header: 'Meetings' }, { header: 'Count', align: 'right' }], kinds),
    );
  const targets = new Map((ctx.community.referralTargets ?? []).map((t) => [t.id, t.title]));
  if (Object.keys(m.referrals).length > 0) {
    out.push(heading(3, 'Referrals'));
    out.push(
      list(
        tallyRows(m.referrals, (id) => targets.get(id) ?? unitName(ctx, id)).map(([name, n]) => [
          `${name}: ${plural(Number(n), 'referral')}`,
        ]),
      ),
    );
  }
  if (Object.keys(m.topics).length > 0) {
    const topics = new Map((ctx.community.meetingTopics ?? []).map((t) => [t.id, t.title]));
    const themes = tallyRows(Object.fromEntries(Object.entries(m.topics).filter(([id]) => !topics.has(id))), (id) =>
      themeTitle(ctx, id),
    );
    const others = tallyRows(
      Object.fromEntries(Object.entries(m.topics).filter(([id]) => topics.has(id))),
      (id) => topics.get(id)!,
    );
    out.push(heading(3, 'Topics of the meetings'));
    if (themes.length > 0)
      out.push(
        paragraph("On the community's themes:"),
        list(themes.map(([name, n]) => [`${name}: ${plural(Number(n), 'meeting')}`])),
      );
    if (others.length > 0)
      out.push(
        paragraph('On other topics:'),
        list(others.map(([name, n]) => [`${name}: ${plural(Number(n), 'meeting')}`])),
      );
  }
  return out;
}

/** Engaged departments' coverage beside the others', said as what it is: an association, not an effect. */
function comparison(ctx: ReportContext, engaged: PooledCoverage, others: PooledCoverage): string[] {
  const { department, mentee } = ctx.words;
  const small = (g: PooledCoverage) => g.mentees > 0 && g.mentees < ctx.privacy.minGroupSize;
  const say = (g: PooledCoverage, what: string) =>
    g.units === 0
      ? `no ${department.one} ${what} sent a return`
      : small(g)
        ? `the ${what} ${department.many} have fewer than ` +
          `${plural(ctx.privacy.minGroupSize, mentee.one, mentee.many)} between them, too few to show`
        : `${department.many} ${what} met ${coverageText(g.menteesMet, g.mentees)} of their ${mentee.many} ` +
          `(${plural(g.units, department.one, department.many)})`;
  return [
    `${capital(say(engaged, 'engaged with the community'))}; ${say(others, 'not yet engaged')}. This is an ` +
      `association, not an effect: ${department.many} that take part may differ in other ways, and the intervals ` +
      `say how far chance alone could move each share.`,
  ];
}

export default defineSection({
  id: 'meetings',
  title: 'Mentoring between sessions',
  render: ({ ctx, year, page }) => meetingsSection(ctx, year, page),
});
