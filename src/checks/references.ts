import { closest, distance } from 'fastest-levenshtein';
import type { SourceRef } from '../diagnostics/collector.js';
import type { DocPath } from '../load/locator.js';
import type { AcademicYear } from '../model/dates.js';
import { FILES } from '../load/repository.js';
import type { CheckContext } from './context.js';

function suggestion(id: string, known: Iterable<string>): string {
  const list = [...known];
  if (list.length === 0) return '';
  const guess = closest(id, list);
  return distance(id, guess) <= Math.max(2, Math.floor(id.length / 3)) ? ` Did you mean "${guess}"?` : '';
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

  const member = (id: string, src: SourceRef, path: DocPath, role: string): void => {
    if (!membersKnown || lookup.members.has(id) || brokenMembers.has(id)) return;
    out.error('unknown-reference', src, path, `${role} "${id}" is not in ${FILES.members}.${suggestion(id, lookup.members.keys())} Add the member to the roster or correct the id.`);
  };

  const person = (id: string, src: SourceRef, path: DocPath, role: string): void => {
    if (!membersKnown || !teamKnown || lookup.team.has(id) || lookup.members.has(id) || brokenMembers.has(id)) return;
    out.error(
      'unknown-reference',
      src,
      path,
      `${role} "${id}" is neither a team entry in ${FILES.community} nor a member in ${FILES.members}.${suggestion(id, [...lookup.team, ...lookup.members.keys()])}`,
    );
  };

  const unit = (id: string, src: SourceRef, path: DocPath, year?: AcademicYear): void => {
    if (!unitsKnown || brokenUnits.has(id)) return;
    const resolved = lookup.unit(id);
    if (!resolved) {
      out.error('unknown-reference', src, path, `unit "${id}" is not in ${FILES.units}.${suggestion(id, lookup.units.keys())}`);
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
  community?.data.themes.forEach((t, i) =>
    t.aims.forEach((aim, j) => {
      if (!lookup.aims.has(aim)) out.error('unknown-reference', community, ['themes', i, 'aims', j], `aim "${aim}" is not one of the aims listed in this file.${suggestion(aim, lookup.aims)}`);
    }),
  );

  for (const s of repo.sessions) {
    const d = s.data;
    const year = lookup.yearStart ? lookup.yearOf(d.date) : undefined;
    d.attendees.forEach((id, i) => member(id, s, ['attendees', i], 'attendee'));
    d.facilitators?.forEach((id, i) => person(id, s, ['facilitators', i], 'facilitator'));
    d.presenters?.forEach((p, i) => p.member !== undefined && member(p.member, s, ['presenters', i, 'member'], 'presenter'));
    d.guests?.forEach((g, i) => g.unit !== undefined && unit(g.unit, s, ['guests', i, 'unit'], year));
    d.actions?.forEach((a, i) => a.owner !== undefined && person(a.owner, s, ['actions', i, 'owner'], 'action owner'));
    if (community) {
      d.themes.forEach((t, i) => {
        if (!lookup.themes.has(t)) out.error('unknown-reference', s, ['themes', i], `theme "${t}" is not in the themes of ${FILES.community}.${suggestion(t, lookup.themes)}`);
      });
    }
  }

  for (const s of repo.surveys) {
    const pop = s.data.population;
    if ('rule' in pop && pop.rule === 'session' && !lookup.sessions.has(pop.session) && !repo.brokenSessionIds.has(pop.session)) {
      out.error(
        'unknown-reference',
        s,
        ['population', 'session'],
        `session "${pop.session}" has no minutes file: use a minutes file's name without ".md".${suggestion(pop.session, lookup.sessions.keys())}`,
      );
    }
  }

  const outputs = repo.outputs;
  outputs?.entries.forEach(({ index, data }) =>
    data.authors?.forEach((a, j) => {
      if (a.member !== undefined) member(a.member, outputs, [index, 'authors', j, 'member'], 'author');
      if (a.team !== undefined && teamKnown && !lookup.team.has(a.team)) {
        out.error('unknown-reference', outputs, [index, 'authors', j, 'team'], `team "${a.team}" is not in the team of ${FILES.community}.${suggestion(a.team, lookup.team)}`);
      }
    }),
  );
}
