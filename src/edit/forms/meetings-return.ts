import { compareStrings } from '../../format/compare.js';
import { isIsoDate } from '../../model/dates.js';
import type { MeetingReturn } from '../../model/meeting.js';
import { capital, wordsOf } from '../../model/vocabulary.js';
import { choiceId, fieldOf, fieldProblems } from './body.js';
import { choice, choicesOr, defineForm, type Field, freeId } from './form.js';

/** The counts a coordinator types, by field id, and what each is in the return. */
const COUNTS = [
  ['mentors', 'mentors'],
  ['mentorsReporting', 'mentorsReporting'],
  ['mentees', 'mentees'],
  ['menteesMet', 'menteesMet'],
] as const;

/** `service: count` lines: referrals by service, or meetings by topic. */
function tallyLines(
  text: string | undefined,
  known: ReadonlyArray<{ id: string; title: string }>,
  what: string,
  error: (message: string) => void,
): Record<string, number> | undefined {
  if (text === undefined) return undefined;
  const out = new Map<string, number>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s*[-*]\s*/, '').trim();
    if (line === '') continue;
    const m = /^(.+?)\s*[:=]\s*(\d+)$/.exec(line);
    if (!m) {
      error(`"${line}": write one ${what} a line, then a colon and the count, such as "${known[0]?.title ?? what}: 3"`);
      continue;
    }
    const name = m[1]!.trim();
    const id = known.find(
      (k) => k.id === name || k.title.toLowerCase() === name.toLowerCase() || `${k.title} (${k.id})` === name,
    )?.id;
    if (id === undefined) {
      error(`"${name}" is no ${what} of the records: the ${what}s are ${known.map((k) => k.title).join(', ')}`);
      continue;
    }
    out.set(id, (out.get(id) ?? 0) + Number(m[2]));
  }
  return out.size === 0 ? undefined : Object.fromEntries([...out].sort(([a], [b]) => compareStrings(a, b)));
}

export default defineForm({
  name: 'meetings-return',
  title: 'Mentoring meetings return',
  description: "A unit's counts of mentoring meetings for a term: a pull request adds the return",
  issueTitle: 'Mentoring meetings return',
  content(lookup) {
    const community = lookup.repo.community?.data;
    const { mentee, mentor, department } = wordsOf(community);
    const units = [...lookup.units.values()]
      .filter((u) => u.until === undefined)
      .sort((a, b) => compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.id, b.id))
      .map((u) => choice(u.name, u.id));
    const services = [...lookup.units.values()].filter((u) => u.kind === 'service').map((u) => u.name);
    const targets = [...services, ...(community?.referralTargets ?? []).map((t) => t.title)];
    const topics = [...(community?.themes ?? []), ...(community?.meetingTopics ?? [])].map((t) => t.title);
    const count = (id: string, label: string, description: string, required: boolean) => ({
      kind: 'input' as const,
      id,
      label,
      description: `${description} A whole number.`,
      required,
    });
    return {
      intro:
        `Counts of the mentoring meetings of one ${department.one} or unit over a term: how many ` +
        `${mentor.many} and ${mentee.many}, how many met, how often. A pull request adds the return to ` +
        'meetings/ within a few minutes, or a comment here says what to correct (edit this issue to correct it).' +
        `\n\n**Counts only.** Write no ${mentee.one}'s name, email address or number anywhere in this form: the ` +
        'issue is kept by GitHub, and the return holds how many, never who.',
      fields: <Field[]>[
        choicesOr(
          {
            id: 'unit',
            label: 'Unit',
            description: `The ${department.one} or unit the counts are of.`,
            multiple: false,
            options: units,
            required: true,
          },
          {
            kind: 'input',
            description: 'data/units.json lists no units yet: add the unit there first, then write its id.',
          },
        ),
        {
          kind: 'input',
          id: 'from',
          label: 'From',
          description: 'The first day the counts cover, YYYY-MM-DD.',
          placeholder: 'YYYY-MM-DD',
          required: true,
        },
        {
          kind: 'input',
          id: 'to',
          label: 'To',
          description: 'The last day, YYYY-MM-DD, in the same academic year.',
          placeholder: 'YYYY-MM-DD',
          required: true,
        },
        count('mentors', `${capital(mentor.many)}`, `${capital(mentor.many)} allocated in the unit.`, true),
        count(
          'mentorsReporting',
          `${capital(mentor.many)} reporting`,
          `Those of them whose meetings these counts include.`,
          true,
        ),
        count('mentees', `${capital(mentee.many)} allocated`, `${capital(mentee.many)} allocated to them.`, true),
        count(
          'menteesMet',
          `${capital(mentee.many)} met`,
          `Distinct ${mentee.many} met at least once in the period (each counted once).`,
          true,
        ),
        count('one-to-one', 'One-to-one meetings', 'Meetings with one person.', false),
        count('group', 'Group meetings', 'Meetings with several.', false),
        count('in-person', 'In person', 'Meetings held in person.', false),
        count('online', 'Online', 'Meetings held online or by phone.', false),
        {
          kind: 'textarea',
          id: 'referrals',
          label: 'Referrals',
          description:
            `Referrals to services, one a line with its count: ${targets.slice(0, 3).join(', ') || 'a service'}` +
            `${targets.length > 3 ? ', …' : ''}. Leave empty if none.`,
          ...(targets[0] ? { placeholder: `${targets[0]}: 3` } : {}),
          required: false,
        },
        {
          kind: 'textarea',
          id: 'topics',
          label: 'Topics',
          description:
            `Meetings by topic, one a line with its count: the community's themes or meeting topics ` +
            `(${topics.slice(0, 3).join(', ') || 'a theme'}${topics.length > 3 ? ', …' : ''}). Leave empty if none.`,
          ...(topics[0] ? { placeholder: `${topics[0]}: 12` } : {}),
          required: false,
        },
      ],
    };
  },

  async toRecord({ answers, lookup, read }, content) {
    const { problems, error } = fieldProblems(answers, content);
    const community = lookup.repo.community?.data;
    const unitField = fieldOf(content, 'unit');
    const unitAnswer = answers.get('unit')?.trim();
    const unitOptions = unitField.kind === 'dropdown' ? unitField.options : [];
    const unitId =
      unitAnswer === undefined ? undefined : choiceId(unitAnswer, unitOptions, new Set(lookup.units.keys()));
    if (unitAnswer === undefined) error('unit', 'choose the unit the counts are of');
    else if (unitId === undefined)
      error('unit', `"${unitAnswer}" is not a unit of data/units.json: choose from the list`);

    const dates: Record<'from' | 'to', string | undefined> = { from: undefined, to: undefined };
    for (const f of ['from', 'to'] as const) {
      const v = answers.get(f)?.trim();
      if (v === undefined) error(f, 'write the day, YYYY-MM-DD');
      else if (!isIsoDate(v)) error(f, `"${v}" is not a date: write it as YYYY-MM-DD, for example 2024-12-31`);
      else dates[f] = v;
    }
    if (dates.from && dates.to && dates.from > dates.to) error('to', 'the last day comes before the first');
    if (dates.from && dates.to && lookup.yearStart && lookup.yearOf(dates.from) !== lookup.yearOf(dates.to))
      error('to', 'the period runs into the next academic year: send one return for each year');

    const number = (id: string): number | undefined => {
      const v = answers.get(id)?.trim();
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v)) {
        error(id, `"${v}" is not a whole number: write the count alone, such as 12`);
        return undefined;
      }
      return Number(v);
    };
    const counts = Object.fromEntries(COUNTS.map(([field, key]) => [key, number(field)]));
    const meetings = Object.fromEntries(
      (['one-to-one', 'group'] as const).flatMap((k) => (number(k) === undefined ? [] : [[k, number(k)!]])),
    );
    const modes = Object.fromEntries(
      (['in-person', 'online'] as const).flatMap((k) => (number(k) === undefined ? [] : [[k, number(k)!]])),
    );
    const services = [...lookup.units.values()]
      .filter((u) => u.kind === 'service')
      .map((u) => ({ id: u.id, title: u.name }));
    const referrals = tallyLines(
      answers.get('referrals'),
      [...services, ...(community?.referralTargets ?? [])],
      'service',
      (m) => error('referrals', m),
    );
    const topics = tallyLines(
      answers.get('topics'),
      [...(community?.themes ?? []), ...(community?.meetingTopics ?? [])],
      'topic',
      (m) => error('topics', m),
    );
    if (problems.some((p) => p.severity === 'error') || !unitId || !dates.from || !dates.to || !lookup.yearStart)
      return { problems };

    const year = lookup.yearOf(dates.from);
    const taken = new Set<string>();
    for (const m of lookup.repo.meetings) if (m.folder === year) taken.add(m.name);
    let id = freeId(`${unitId}-${dates.from}`, taken);
    while ((await read(`meetings/${year}/${id}.json`)) !== undefined) id = freeId(id, new Set([...taken, id]));
    const entry = {
      unit: unitId,
      ...counts,
      ...(Object.keys(meetings).length > 0 ? { meetings } : {}),
      ...(Object.keys(modes).length > 0 ? { modes } : {}),
      ...(referrals ? { referrals } : {}),
      ...(topics ? { topics } : {}),
    };
    const result: MeetingReturn = {
      id,
      period: { from: dates.from, to: dates.to },
      source: 'Mentoring meetings return (issue form)',
      units: [entry as MeetingReturn['units'][number]],
    };
    const text =
      `{\n  "id": ${JSON.stringify(result.id)},\n  "period": ${JSON.stringify(result.period)},\n` +
      `  "source": ${JSON.stringify(result.source)},\n  "units": [\n    ${JSON.stringify(entry)}\n  ]\n}\n`;
    return {
      record: {
        file: `meetings/${year}/${id}.json`,
        creates: true,
        text,
        // Line 2 is the id, 3 the period, 6 the unit's counts: findings there are the form's.
        lineFields: new Map([
          [3, { field: 'from' }],
          [6, { field: 'unit' }],
        ]),
        title: `Add the mentoring meetings return ${id}`,
        summary:
          `A mentoring meetings return for ${unitId}, ${dates.from} to ${dates.to}: ` +
          `${counts.menteesMet ?? 0} of ${counts.mentees ?? 0} ${wordsOf(community).mentee.many} met.`,
      },
      problems,
    };
  },
});
