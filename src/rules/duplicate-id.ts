import type { DocPath, SourceRef } from '../model/positions.js';
import { everyMinutesFile } from '../model/repository.js';
import { defineRule, type RuleContext } from './define.js';
import { change, MINUTES, SURVEY } from './examples/community.js';

/** Remembers where each id was first written and reports every later use of it. */
class IdRegistry {
  private readonly first = new Map<string, { source: SourceRef; path: DocPath }>();

  constructor(
    private readonly ctx: RuleContext,
    private readonly what: string,
    private readonly fix = 'ids must be unique',
  ) {}

  add(id: string, source: SourceRef, path: DocPath): void {
    const earlier = this.first.get(id);
    if (!earlier) {
      this.first.set(id, { source, path });
      return;
    }
    const line = earlier.source.locator?.at(earlier.path).line ?? 1;
    const place = earlier.source.file === source.file ? `line ${line}` : `${earlier.source.file}:${line}`;
    this.ctx.report(source, path, `the ${this.what} id "${id}" is already used at ${place}: ${this.fix}`, {
      cause: { ...earlier, message: `the ${this.what} id "${id}" is first used here` },
    });
  }
}

export default defineRule({
  id: 'duplicate-id',
  severity: 'error',
  summary:
    'members, units (old ids included), sessions, action ids across the repository, survey ids within a year, ' +
    'response, question, option, item and codebook ids within a survey, attendees within a session',
  stage: 'records',
  check(ctx) {
    const { repo } = ctx;
    const community = repo.community;
    if (community) {
      for (const [list, what] of [
        ['aims', 'aim'],
        ['themes', 'theme'],
        ['team', 'team'],
      ] as const) {
        const ids = new IdRegistry(ctx, what);
        community.data[list].forEach((e, i) => void ids.add(e.id, community, [list, i, 'id']));
      }
    }
    const members = new IdRegistry(ctx, 'member');
    for (const { index, data } of repo.members.entries) members.add(data.id, repo.members, [index, 'id']);
    const units = new IdRegistry(ctx, 'unit');
    for (const { index, data } of repo.units.entries) units.add(data.id, repo.units, [index, 'id']);
    for (const { index, data } of repo.units.entries)
      data.formerly?.forEach((old, j) => void units.add(old, repo.units, [index, 'formerly', j]));

    const sessions = new IdRegistry(ctx, 'session');
    const actions = new IdRegistry(
      ctx,
      'action',
      'action ids are unique across all minutes. An action copied from earlier minutes needs an id of its own, or ' +
        'remove it: it is followed up where it was first recorded',
    );
    for (const s of everyMinutesFile(repo)) {
      sessions.add(s.id, s, ['date']);
      s.data.actions?.forEach((a, i) => void actions.add(a.id, s, ['actions', i, 'id']));
      const attendees = new Set<string>();
      s.data.attendees?.forEach((a, i) => {
        if (attendees.has(a))
          ctx.report(s, ['attendees', i], `"${a}" is listed twice in attendees: list each member once`);
        attendees.add(a);
      });
    }

    const surveysByYear = new Map<string, IdRegistry>();
    for (const s of repo.surveys) {
      const key = s.folder ?? '';
      if (!surveysByYear.has(key)) surveysByYear.set(key, new IdRegistry(ctx, 'survey'));
      surveysByYear.get(key)!.add(s.data.id, s, ['id']);
      const questions = new IdRegistry(ctx, 'question');
      s.data.questions.forEach((q, i) => {
        questions.add(q.id, s, ['questions', i, 'id']);
        const values = new IdRegistry(ctx, `option of question ${q.id}`);
        if (q.type === 'single' || q.type === 'multi')
          q.options.forEach((o, j) => void values.add(o.value, s, ['questions', i, 'options', j, 'value']));
        if (q.type === 'scale' || q.type === 'matrix') {
          q.scale.forEach((p, j) => void values.add(String(p.value), s, ['questions', i, 'scale', j, 'value']));
          q.notApplicable?.forEach(
            (p, j) => void values.add(p.value, s, ['questions', i, 'notApplicable', j, 'value']),
          );
        }
        if (q.type === 'matrix') {
          const items = new IdRegistry(ctx, `item of question ${q.id}`);
          q.items.forEach((it, j) => void items.add(it.id, s, ['questions', i, 'items', j, 'id']));
        }
      });
      const responses = new IdRegistry(ctx, 'response');
      s.data.responses.forEach((r, i) => void responses.add(r.id, s, ['responses', i, 'id']));
      const codes = new IdRegistry(ctx, 'codebook');
      s.data.codebook?.forEach((c, i) => void codes.add(c.id, s, ['codebook', i, 'id']));
    }
    if (repo.outputs) {
      const outputs = new IdRegistry(ctx, 'output');
      for (const { index, data } of repo.outputs.entries) outputs.add(data.id, repo.outputs, [index, 'id']);
    }
  },
  examples: [
    { title: 'every id once', files: {}, expect: [] },
    {
      title: 'two members with one id',
      files: change('data/members.json', '{ "id": "m02"', '{ "id": "m01"'),
      expect: ['data/members.json:3:11 the member id "m01" is already used at line 2: ids must be unique'],
    },
    {
      title: 'an attendee listed twice',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m02, m01]'),
      expect: ['minutes/2024-25/2024-10-15-welcome.md:7:23 "m01" is listed twice in attendees: list each member once'],
    },
    {
      title: 'two responses with one id',
      files: change(SURVEY, '{ "id": "r2"', '{ "id": "r1"'),
      expect: [
        'surveys/2024-25/feedback.json:22:13 the response id "r1" is already used at line 21: ids must be unique',
      ],
    },
    {
      title: 'two themes of a codebook with one id',
      files: change(
        SURVEY,
        '  "responses": [',
        '  "codebook": [{ "id": "pace", "title": "Pace" }, { "id": "pace", "title": "Timing" }],\n  "responses": [',
      ),
      expect: [
        'surveys/2024-25/feedback.json:20:59 the codebook id "pace" is already used at line 20: ids must be unique',
      ],
    },
  ],
});
