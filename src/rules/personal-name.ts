import { defineRule } from './define.js';
import { EXAMPLE_COMMUNITY, MINUTES } from './examples/community.js';
import { candidateLines, findUnknownNames, privacyOf, reportPersonalData } from './support/privacy.js';

export default defineRule({
  id: 'personal-name',
  severity: 'warning',
  summary: "a person's name, found by the compromise NLP library, that is no member, team entry, presenter or author (a warning: names need judgement)",
  stage: 'records',
  async check(ctx) {
    const { config, texts } = privacyOf(ctx);
    const candidates = new Map(texts.map((t) => [t.text, candidateLines(t.text, config)]));
    // The NLP library takes a third of a second to load: only when some line may name someone.
    if (![...candidates.values()].some((c) => c.length > 0)) return;
    const nlp = (await import('compromise')).default;
    reportPersonalData(ctx, 'personal-name', (text) => findUnknownNames(nlp, candidates.get(text) ?? [], config));
  },
  examples: [
    { title: "a member's name", files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- Member Two showed the new referral form.\n` }, expect: [] },
    {
      title: 'the names of bodies, not people',
      files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- The Student Wellbeing Service and the Inclusive Education Team joined.\n` },
      expect: [],
    },
    {
      title: 'a name beside the name of a body',
      files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- The Student Wellbeing Service referred Sarah Jones.\n` },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:20:42 what looks like a person\'s name ("S*** J***"): it is no member, team entry or presenter. If it is a student, describe them without a name; if it is a public figure, add the name to privacy.allow in data/community.json',
      ],
    },
    {
      title: 'a name that is no member',
      files: { [MINUTES]: `${EXAMPLE_COMMUNITY[MINUTES]}- Sarah Jones, a second-year, missed three meetings.\n` },
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:20:3 what looks like a person\'s name ("S*** J***"): it is no member, team entry or presenter. If it is a student, describe them without a name; if it is a public figure, add the name to privacy.allow in data/community.json',
      ],
    },
  ],
});
