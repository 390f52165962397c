import { defineRule } from './define.js';
import { change, EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';
import { LineIndex } from '../model/line-index.js';
import { maskName, NameFinder } from '../model/names.js';
import { START, type DocPath, type Position } from '../model/positions.js';
import { everyMinutesFile } from '../model/repository.js';
import type { RuleContext } from './define.js';
import { candidateLines, findUnknownNames, privacyOf, reportPersonalData } from './support/privacy.js';

/** Where each published text of minutes appears, for the message. */
const PUBLISHED_IN = {
  title: "the session's title (the reports, the calendar and metrics.json)",
  action: "the session's actions (the annual report)",
  summary: "the session's summary (the annual report)",
  narrative: 'the report this document writes',
} as const;

/**
 * The names of members and the team in what the reports publish of minutes: their titles,
 * summaries and actions. They may be written in the records (they are not unknown people),
 * but not where every reader sees them.
 */
function publishedNames(ctx: RuleContext): void {
  const finder = ctx.shared(
    'name-finder',
    () =>
      new NameFinder([
        ...ctx.repo.members.entries.flatMap((e) =>
          typeof e.data.name === 'string' && typeof e.data.id === 'string'
            ? [{ id: e.data.id, name: e.data.name }]
            : [],
        ),
        ...(ctx.repo.community?.data.team ?? []).map((t) => ({ id: t.id, name: t.name })),
      ]),
  );
  if (finder.empty) return;
  const tell = (file: string, at: Position, found: string, where: keyof typeof PUBLISHED_IN) => {
    const personal = {
      kind: 'member-name' as const,
      what: "a member's name",
      fix:
        `it would be published in ${PUBLISHED_IN[where]}. Write "a member", or their role, instead: the ` +
        `published reports never name members`,
    };
    ctx.report.at(file, at, `${personal.what} ("${maskName(found)}"): ${personal.fix}`, { personal });
  };
  const body = (file: string, text: string, bodyLine: number, where: keyof typeof PUBLISHED_IN) => {
    const lines = new LineIndex(text);
    for (const f of finder.find(text)) {
      const p = lines.position(f.index);
      tell(file, { line: p.line + bodyLine - 1, column: p.column }, text.slice(f.index, f.index + f.length), where);
    }
  };
  for (const n of ctx.repo.narratives) body(n.file, n.body, n.bodyLine, 'narrative');
  for (const s of everyMinutesFile(ctx.repo)) {
    const value = (path: DocPath, text: string | undefined, where: keyof typeof PUBLISHED_IN) => {
      const [first] = text === undefined ? [] : finder.find(text);
      if (first)
        tell(
          s.file,
          s.locator ? s.locator.at(path) : START,
          text!.slice(first.index, first.index + first.length),
          where,
        );
    };
    value(['title'], s.data.title, 'title');
    s.data.actions?.forEach((a, i) => void value(['actions', i, 'text'], a?.text, 'action'));
    body(s.file, s.body, s.bodyLine, 'summary');
  }
}

export default defineRule({
  id: 'personal-name',
  severity: 'warning',
  summary:
    "a person's name, found by the compromise NLP library, that is no member, team entry, presenter or author (a " +
    'warning: names need judgement)',
  personalData: true,
  stage: 'records',
  async check(ctx) {
    publishedNames(ctx);
    const { config, texts } = privacyOf(ctx);
    const candidates = new Map(texts.map((t) => [t.text, candidateLines(t.text, config)]));
    // The NLP library takes a third of a second to load: only when some line may name someone.
    if (![...candidates.values()].some((c) => c.length > 0)) return;
    const nlp = (await import('compromise')).default;
    reportPersonalData(ctx, 'personal-name', (text) => findUnknownNames(nlp, candidates.get(text) ?? [], config));
  },
  examples: [
    {
      title: "a member's name in a summary, which the annual report publishes",
      files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- Member Two showed the new referral form.\n` },
      expect: [
        `minutes/2024-25/2024-10-15-welcome.md:20:3 a member's name ("M*** T***"): it would be published in the ` +
          `session's summary (the annual report). Write "a member", or their role, instead: the published reports ` +
          `never name members`,
      ],
    },
    {
      title: "a member's name in a session's title",
      files: change(MINUTES, 'title: Welcome', 'title: Welcome with Member One'),
      expect: [
        `minutes/2024-25/2024-10-15-welcome.md:2:8 a member's name ("M*** O***"): it would be published in the ` +
          `session's title (the reports, the calendar and metrics.json). Write "a member", or their role, ` +
          `instead: the published reports never name members`,
      ],
    },
    {
      title: "a member's name in an action",
      files: change(MINUTES, 'text: Share the slides with members', 'text: Member Two shares the slides'),
      expect: [
        `minutes/2024-25/2024-10-15-welcome.md:11:11 a member's name ("M*** T***"): it would be published in the ` +
          `session's actions (the annual report). Write "a member", or their role, instead: the published reports ` +
          `never name members`,
      ],
    },
    {
      title: 'the names of bodies, not people',
      files: {
        [MINUTES]:
          `${EXAMPLE_COMMUNITY[MINUTES]}- The Student Wellbeing Service and the Inclusive Education Team ` +
          `joined.\n`,
      },
      expect: [],
    },
    {
      title: 'a name beside the name of a body',
      files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- The Student Wellbeing Service referred Sarah Jones.\n` },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:20:42 what looks like a person\'s name ("S*** J***"): it is no ' +
          'member, team entry or presenter. If it is a student, describe them without a name; if it is a public ' +
          'figure, add the name to privacy.allow in data/community.json',
      ],
    },
    {
      title: 'a name that is no member',
      files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- Sarah Jones, a second-year, missed three meetings.\n` },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:20:3 what looks like a person\'s name ("S*** J***"): it is no ' +
          'member, team entry or presenter. If it is a student, describe them without a name; if it is a public ' +
          'figure, add the name to privacy.allow in data/community.json',
      ],
    },
  ],
});
