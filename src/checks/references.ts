import { distance } from 'fastest-levenshtein';
import type { SourceRef } from '../diagnostics/collector.js';
import type { DocPath } from '../load/locator.js';
import { FILES } from '../load/repository.js';
import type { AcademicYear } from '../model/dates.js';
import { ID_PATTERN } from '../model/fields.js';
import { everyMinutesFile, everySurveyFile } from '../model/repository.js';
import { didYouMean, listSome, nearestFirst } from '../model/suggest.js';
import type { CheckContext } from './context.js';

/** Ten ids is what a message can hold and a coordinator can scan. */
const LISTED = 10;

/** ` Did you mean "x"?` when an id is close to a known one. */
function suggestion(id: string, known: Iterable<string>): string {
  const guess = didYouMean(id, known);
  return guess === undefined ? '' : ` Did you mean "${guess}"?`;
}

/** ` The themes are: a, b, c.`, nearest the typed id first, so the one meant is at hand. */
function listing(id: string, known: ReadonlyArray<string>, what: string): string {
  if (known.length === 0) return '';
  return ` The ${what} are: ${listSome(nearestFirst(id, known, LISTED), known.length)}.`;
}

/** Case, accents, spacing and leading zeros do not tell two ways of writing a name apart. */
function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b0+(\d)/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Every id used in one file names something defined in another. */
export function checkReferences(ctx: CheckContext): void {
  const { repo, lookup, out } = ctx;
  const brokenMembers = repo.members.brokenIds;
  const brokenUnits = repo.units.brokenIds;

  // A file that could not be read is reported once, not again at every reference into it.
  const membersKnown = repo.members.readable;
  const unitsKnown = repo.units.readable;
  const teamKnown = repo.community !== undefined;

  const byName = new Map<string, string>();
  for (const { data } of repo.members.entries) if (!byName.has(nameKey(data.name))) byName.set(nameKey(data.name), data.id);

  /** `"Member 01" is the name of m01: write m01`, when a name stands where an id belongs. */
  const memberByName = (written: string): string | undefined => {
    const key = nameKey(written);
    if (key === '') return undefined;
    const exact = byName.get(key);
    if (exact !== undefined) return `"${written}" is the name of ${exact}: write ${exact}`;
    let best: { id: string; d: number } | undefined;
    for (const [name, id] of byName) {
      const d = distance(key, name);
      if (d <= Math.max(1, Math.floor(name.length / 5)) && (!best || d < best.d)) best = { id, d };
    }
    if (!best) return undefined;
    const m = lookup.members.get(best.id)!;
    return `"${written}" looks like the name of ${best.id} (${m.name}): write ${best.id}`;
  };

  /** What to say of a value that names nothing, when the file it should be in could not be read. */
  const shapeOnly = (id: string, src: SourceRef, path: DocPath, role: string): void => {
    if (!ID_PATTERN.test(id)) {
      out.error('schema', src, path, `${role} "${id}" must be an id: lower-case letters, digits and hyphens (for example "m01" or "social-policy")`);
    }
  };

  const member = (id: string, src: SourceRef, path: DocPath, role: string): void => {
    if (!membersKnown) return shapeOnly(id, src, path, role);
    if (lookup.members.has(id) || brokenMembers.has(id)) return;
    const named = memberByName(id);
    if (named) {
      out.error('unknown-reference', src, path, `${role} ${named}. Lists of people take the ids of ${FILES.members}.`);
      return;
    }
    out.error('unknown-reference', src, path, `${role} "${id}" is not in ${FILES.members}.${suggestion(id, lookup.members.keys())} Add the member to the roster or correct the id.`);
  };

  const person = (id: string, src: SourceRef, path: DocPath, role: string): void => {
    if (!membersKnown || !teamKnown) return shapeOnly(id, src, path, role);
    if (lookup.team.has(id) || lookup.members.has(id) || brokenMembers.has(id)) return;
    const teamEntry = repo.community!.data.team.find((t) => nameKey(t.name) === nameKey(id));
    const named = teamEntry ? `"${id}" is the name of the team entry ${teamEntry.id}: write ${teamEntry.id}` : memberByName(id);
    if (named) {
      out.error('unknown-reference', src, path, `${role} ${named}.`);
      return;
    }
    const team = [...lookup.team];
    out.error(
      'unknown-reference',
      src,
      path,
      `${role} "${id}" is neither a team entry in ${FILES.community} nor a member in ${FILES.members}.${suggestion(id, [...team, ...lookup.members.keys()])}${listing(id, team, 'team entries')} A new team entry goes in "team" in ${FILES.community}, a new member in ${FILES.members}.`,
    );
  };

  const unit = (id: string, src: SourceRef, path: DocPath, year?: AcademicYear): void => {
    if (!unitsKnown) return shapeOnly(id, src, path, 'unit');
    if (brokenUnits.has(id)) return;
    const resolved = lookup.unit(id);
    if (!resolved) {
      const byUnitName = [...lookup.units.values()].find((u) => nameKey(u.name) === nameKey(id));
      if (byUnitName) {
        out.error('unknown-reference', src, path, `unit "${id}" is the name of ${byUnitName.id}: write ${byUnitName.id}`);
        return;
      }
      const ids = [...lookup.units.keys()];
      out.error('unknown-reference', src, path, `unit "${id}" is not in ${FILES.units}.${suggestion(id, ids)}${listing(id, ids, 'unit ids nearest to it')} A new unit goes in ${FILES.units}.`);
      return;
    }
    if (resolved.id !== id) {
      out.warning('renamed-unit', src, path, `"${id}" is an old id of the unit "${resolved.id}" (${resolved.name}): write "${resolved.id}" instead`);
    }
    if (year && !lookup.unitExistsIn(resolved, year)) {
      const span = `${resolved.from ? `from ${resolved.from}` : ''}${resolved.from && resolved.until ? ' ' : ''}${resolved.until ? `until ${resolved.until}` : ''}`;
      out.error('unit-not-in-year', src, path, `unit "${resolved.id}" (${resolved.name}) existed only ${span}, not in ${year}`);
    }
  };

  for (const { index, data } of repo.members.entries) unit(data.unit, repo.members, [index, 'unit']);

  const community = repo.community;
  const aims = [...lookup.aims];
  community?.data.themes.forEach((t, i) =>
    t.aims.forEach((aim, j) => {
      if (!lookup.aims.has(aim)) {
        out.error('unknown-reference', community, ['themes', i, 'aims', j], `aim "${aim}" is not one of the aims listed in this file.${suggestion(aim, aims)}${listing(aim, aims, 'aims')}`);
      }
    }),
  );

  const themes = community?.data.themes ?? [];
  const themeIds = themes.map((t) => t.id);
  for (const s of everyMinutesFile(repo)) {
    const d = s.data;
    const year = lookup.yearStart && d.date ? lookup.yearOf(d.date) : undefined;
    d.attendees?.forEach((id, i) => member(id, s, ['attendees', i], 'attendee'));
    d.facilitators?.forEach((id, i) => person(id, s, ['facilitators', i], 'facilitator'));
    d.presenters?.forEach((p, i) => p.member !== undefined && member(p.member, s, ['presenters', i, 'member'], 'presenter'));
    d.guests?.forEach((g, i) => g.unit !== undefined && unit(g.unit, s, ['guests', i, 'unit'], year));
    d.actions?.forEach((a, i) => a.owner !== undefined && person(a.owner, s, ['actions', i, 'owner'], 'action owner'));
    if (!community) continue;
    d.themes?.forEach((t, i) => {
      if (lookup.themes.has(t)) return;
      const byTitle = themes.find((th) => nameKey(th.title) === nameKey(t));
      if (byTitle) {
        out.error('unknown-reference', s, ['themes', i], `theme "${t}" is the title of the theme ${byTitle.id}: write ${byTitle.id}`);
        return;
      }
      out.error(
        'unknown-reference',
        s,
        ['themes', i],
        `theme "${t}" is not in the themes of ${FILES.community}.${suggestion(t, themeIds)}${listing(t, themeIds, 'themes')} A new theme goes in "themes" in ${FILES.community}, with the aims it serves.`,
      );
    });
  }

  for (const s of everySurveyFile(repo)) {
    const pop = s.data.population;
    if (!pop || !('rule' in pop) || pop.rule !== 'session') continue;
    if (pop.session.trim() === '') {
      out.error('unknown-reference', s, ['population', 'session'], 'the population session is not set yet: write the id of the session whose people the survey asked (its minutes file\'s name without ".md"), or give the population as { "count": N }');
      continue;
    }
    const session = lookup.sessions.get(pop.session);
    if (!session) {
      if (!repo.brokenSessionIds.has(pop.session)) {
        out.error(
          'unknown-reference',
          s,
          ['population', 'session'],
          `session "${pop.session}" has no minutes file: use a minutes file's name without ".md".${suggestion(pop.session, lookup.sessions.keys())}`,
        );
      }
      continue;
    }
    // A survey copied from last year keeps last year's session: its response rate would be against the wrong people.
    if (lookup.yearStart && s.data.opened) {
      const surveyYear = lookup.yearOf(s.data.opened);
      const sessionYear = lookup.yearOf(session.data.date);
      if (surveyYear !== sessionYear) {
        out.warning(
          'population-year',
          s,
          ['population', 'session'],
          `the population is the session "${pop.session}" of ${sessionYear}, but the survey opened in ${surveyYear}: name this year's session (a survey copied from last year keeps last year's), or give the population as { "count": N }`,
        );
      }
    }
  }

  const outputs = repo.outputs;
  outputs?.entries.forEach(({ index, data }) =>
    data.authors?.forEach((a, j) => {
      if (a.member !== undefined) member(a.member, outputs, [index, 'authors', j, 'member'], 'author');
      if (a.team !== undefined && teamKnown && !lookup.team.has(a.team)) {
        const team = [...lookup.team];
        out.error('unknown-reference', outputs, [index, 'authors', j, 'team'], `team "${a.team}" is not in the team of ${FILES.community}.${suggestion(a.team, team)}${listing(a.team, team, 'team entries')}`);
      }
    }),
  );
}
