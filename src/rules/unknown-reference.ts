import { distance } from 'fastest-levenshtein';
import { FILES } from '../load/documents.js';
import { ID_PATTERN } from '../model/fields.js';
import type { DocPath, SourceRef } from '../model/positions.js';
import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import type { Question } from '../model/survey.js';
import { defineRule } from './define.js';
import { change, MINUTES, SURVEY } from './examples/community.js';
import { expectedIds, listing, nameKey, suggestion } from './support/suggest.js';
import { unitReferences } from './support/units.js';

export default defineRule({
  id: 'unknown-reference',
  severity: 'error',
  summary:
    "an attendee, facilitator, action owner, presenter, member's unit, guest unit, theme, theme's aim, survey " +
    'population session or `askedIf` question that names nothing',
  stage: 'records',
  check({ repo, lookup, report }) {
    const brokenMembers = repo.members.brokenIds;
    const brokenUnits = repo.units.brokenIds;
    // A file that could not be read is reported once, not again at every reference into it.
    const membersKnown = repo.members.readable;
    const unitsKnown = repo.units.readable;
    const teamKnown = repo.community !== undefined;

    const byName = new Map<string, string>();
    for (const { data } of repo.members.entries)
      if (!byName.has(nameKey(data.name))) byName.set(nameKey(data.name), data.id);

    /** `"Member 01" is the name of m01: write m01`, when a name stands where an id belongs. */
    const memberByName = (written: string): { text: string; id: string } | undefined => {
      const key = nameKey(written);
      if (key === '') return undefined;
      const exact = byName.get(key);
      if (exact !== undefined) return { text: `"${written}" is the name of ${exact}: write ${exact}`, id: exact };
      let best: { id: string; d: number } | undefined;
      for (const [name, id] of byName) {
        const d = distance(key, name);
        if (d <= Math.max(1, Math.floor(name.length / 5)) && (!best || d < best.d)) best = { id, d };
      }
      if (!best) return undefined;
      return {
        text: `"${written}" looks like the name of ${best.id} (${lookup.members.get(best.id)!.name}): write ${best.id}`,
        id: best.id,
      };
    };

    /** When the file a value should name could not be read, its shape is all there is to check. */
    const shapeOnly = (id: string, src: SourceRef, path: DocPath, role: string): void => {
      if (!ID_PATTERN.test(id))
        report(
          src,
          path,
          `${role} "${id}" must be an id: lower-case letters, digits and hyphens (for example "m01" or "social-policy")`,
        );
    };

    const member = (id: string, src: SourceRef, path: DocPath, role: string): void => {
      if (!membersKnown) {
        shapeOnly(id, src, path, role);
        return;
      }
      if (lookup.members.has(id) || brokenMembers.has(id)) return;
      const named = memberByName(id);
      if (named) {
        report(src, path, `${role} ${named.text}. Lists of people take the ids of ${FILES.members}.`, {
          expected: [named.id],
        });
        return;
      }
      report(
        src,
        path,
        `${role} "${id}" is not in ${FILES.members}.${suggestion(id, lookup.members.keys())} Add the member to ` +
          `the roster or correct the id.`,
        {
          expected: expectedIds(id, lookup.members.keys()),
        },
      );
    };

    const person = (id: string, src: SourceRef, path: DocPath, role: string): void => {
      if (!membersKnown || !teamKnown) {
        shapeOnly(id, src, path, role);
        return;
      }
      if (lookup.team.has(id) || lookup.members.has(id) || brokenMembers.has(id)) return;
      const teamEntry = repo.community!.data.team.find((t) => nameKey(t.name) === nameKey(id));
      const named = teamEntry
        ? { text: `"${id}" is the name of the team entry ${teamEntry.id}: write ${teamEntry.id}`, id: teamEntry.id }
        : memberByName(id);
      if (named) {
        report(src, path, `${role} ${named.text}.`, { expected: [named.id] });
        return;
      }
      const team = [...lookup.team];
      report(
        src,
        path,
        `${role} "${id}" is neither a team entry in ${FILES.community} nor a member in ` +
          `${FILES.members}.${suggestion(id, [...team, ...lookup.members.keys()])}${listing(id, team, 'team entries')} A new team entry goes in "team" in ${FILES.community}, a new member in ${FILES.members}.`,
        { expected: expectedIds(id, [...team, ...lookup.members.keys()]) },
      );
    };

    if (unitsKnown) {
      for (const ref of unitReferences(repo, lookup)) {
        if (brokenUnits.has(ref.id) || lookup.unit(ref.id)) continue;
        const byUnitName = [...lookup.units.values()].find((u) => nameKey(u.name) === nameKey(ref.id));
        if (byUnitName) {
          report(ref.source, ref.path, `unit "${ref.id}" is the name of ${byUnitName.id}: write ${byUnitName.id}`, {
            expected: [byUnitName.id],
          });
          continue;
        }
        const ids = [...lookup.units.keys()];
        report(
          ref.source,
          ref.path,
          `unit "${ref.id}" is not in ` +
            `${FILES.units}.${suggestion(ref.id, ids)}${listing(ref.id, ids, 'unit ids nearest to it')} A new ` +
            `unit goes in ${FILES.units}.`,
          { expected: expectedIds(ref.id, ids) },
        );
      }
    } else {
      for (const ref of unitReferences(repo, lookup)) shapeOnly(ref.id, ref.source, ref.path, 'unit');
    }

    const community = repo.community;
    const aims = [...lookup.aims];
    community?.data.themes.forEach((t, i) => {
      t.aims.forEach((aim, j) => {
        if (!lookup.aims.has(aim))
          report(
            community,
            ['themes', i, 'aims', j],
            `aim "${aim}" is not one of the aims listed in this ` +
              `file.${suggestion(aim, aims)}${listing(aim, aims, 'aims')}`,
            {
              expected: expectedIds(aim, aims),
            },
          );
      });
    });

    const themes = community?.data.themes ?? [];
    const themeIds = themes.map((t) => t.id);
    for (const s of everyMinutesFile(repo)) {
      const d = s.data;
      d.attendees?.forEach((id, i) => void member(id, s, ['attendees', i], 'attendee'));
      d.facilitators?.forEach((id, i) => void person(id, s, ['facilitators', i], 'facilitator'));
      d.presenters?.forEach(
        (p, i) => void (p.member !== undefined && member(p.member, s, ['presenters', i, 'member'], 'presenter')),
      );
      d.actions?.forEach(
        (a, i) => void (a.owner !== undefined && person(a.owner, s, ['actions', i, 'owner'], 'action owner')),
      );
      if (!community) continue;
      d.themes?.forEach((t, i) => {
        if (lookup.themes.has(t)) return;
        const byTitle = themes.find((th) => nameKey(th.title) === nameKey(t));
        if (byTitle) {
          report(s, ['themes', i], `theme "${t}" is the title of the theme ${byTitle.id}: write ${byTitle.id}`, {
            expected: [byTitle.id],
          });
          return;
        }
        report(
          s,
          ['themes', i],
          `theme "${t}" is not in the themes of ` +
            `${FILES.community}.${suggestion(t, themeIds)}${listing(t, themeIds, 'themes')} A new theme goes in ` +
            `"themes" in ${FILES.community}, with the aims it serves.`,
          {
            expected: expectedIds(t, themeIds),
          },
        );
      });
    }

    for (const s of everySurveyFile(repo)) {
      const pop = s.data.population;
      if (pop && 'rule' in pop && pop.rule === 'session') {
        if (pop.session.trim() === '') {
          report(
            s,
            ['population', 'session'],
            'the population session is not set yet: write the id of the session whose people the survey asked ' +
              '(its minutes file\'s name without ".md"), or give the population as { "count": N }',
          );
        } else if (!lookup.sessions.has(pop.session) && !repo.brokenSessionIds.has(pop.session)) {
          report(
            s,
            ['population', 'session'],
            `session "${pop.session}" has no minutes file: use a minutes file's name without ` +
              `".md".${suggestion(pop.session, lookup.sessions.keys())}`,
            { expected: expectedIds(pop.session, lookup.sessions.keys()) },
          );
        }
      }
    }

    for (const survey of repo.surveys) {
      const questions = new Map<string, Question>();
      for (const q of survey.data.questions) if (!questions.has(q.id)) questions.set(q.id, q);
      survey.data.questions.forEach((q, i) => {
        if (!q.askedIf) return;
        const target = questions.get(q.askedIf.question);
        const at = ['questions', i, 'askedIf'];
        if (!target || target.id === q.id) {
          report(
            survey,
            [...at, 'question'],
            `askedIf refers to question "${q.askedIf.question}", which is not another question of this survey`,
            {
              expected: expectedIds(
                q.askedIf.question,
                [...questions.keys()].filter((id) => id !== q.id),
              ),
            },
          );
          return;
        }
        const allowed = answerValues(target);
        q.askedIf.in.forEach((v, j) => {
          if (allowed && !allowed.includes(String(v)))
            report(
              survey,
              [...at, 'in', j],
              `"${String(v)}" is not an answer of question ${target.id}: use one of ${allowed.join(', ')}`,
              { expected: allowed },
            );
        });
      });
    }

    const outputs = repo.outputs;
    outputs?.entries.forEach(({ index, data }) => {
      data.authors?.forEach((a, j) => {
        if (a.member !== undefined) member(a.member, outputs, [index, 'authors', j, 'member'], 'author');
        if (a.team !== undefined && teamKnown && !lookup.team.has(a.team)) {
          const team = [...lookup.team];
          report(
            outputs,
            [index, 'authors', j, 'team'],
            `team "${a.team}" is not in the team of ` +
              `${FILES.community}.${suggestion(a.team, team)}${listing(a.team, team, 'team entries')}`,
            { expected: expectedIds(a.team, team) },
          );
        }
      });
    });
  },
  examples: [
    {
      title: 'ids that name members, the team and themes',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m02, m03]'),
      expect: [],
    },
    {
      title: 'an attendee not on the roster',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [m01, m20]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:7:18 attendee "m20" is not in data/members.json. Did you mean ' +
          '"m01"? Add the member to the roster or correct the id.',
      ],
    },
    {
      title: 'a name where the id belongs',
      files: change(MINUTES, 'attendees: [m01, m02]', 'attendees: [Member One, m02]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:7:13 attendee "Member One" is the name of m01: write m01. Lists of ' +
          'people take the ids of data/members.json.',
      ],
    },
    {
      title: 'a misspelt theme',
      files: change(MINUTES, 'themes: [induction]', 'themes: [inductions]'),
      expect: [
        'minutes/2024-25/2024-10-15-welcome.md:8:10 theme "inductions" is not in the themes of ' +
          'data/community.json. Did you mean "induction"? The themes are: induction, wellbeing. A new theme goes ' +
          'in "themes" in data/community.json, with the aims it serves.',
      ],
    },
    {
      title: 'askedIf naming no question',
      files: change(SURVEY, '"askedIf": { "question": "again"', '"askedIf": { "question": "agian"'),
      expect: [
        'surveys/2024-25/feedback.json:11:107 askedIf refers to question "agian", which is not another question ' +
          'of this survey',
      ],
    },
  ],
});

function answerValues(q: Question): string[] | undefined {
  if (q.type === 'single' || q.type === 'multi') return q.options.map((o) => o.value);
  if (q.type === 'scale')
    return [...q.scale.map((p) => String(p.value)), ...(q.notApplicable ?? []).map((n) => n.value)];
  return undefined;
}
