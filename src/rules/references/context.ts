import { didYouMean } from '../../model/suggest.js';
import { FILES } from '../../load/documents.js';
import { ID_PATTERN } from '../../model/fields.js';
import type { DocPath, SourceRef } from '../../model/positions.js';
import type { RuleContext } from '../define.js';
import { expectedIds, listing, nameKey, suggestion } from '../support/suggest.js';

/** How one kind of reference is checked: it reports what names nothing, with the resolvers every kind shares. */
export type ReferenceCheck = (ctx: References) => void;

/** A rule's context, with what the kinds of reference share: whether a file could be read, and who a name or id is. */
export interface References extends RuleContext {
  /** A file that could not be read is reported once, not again at every reference into it. */
  membersKnown: boolean;
  unitsKnown: boolean;
  teamKnown: boolean;
  /** When the file a value should name could not be read, its shape is all there is to check. */
  shapeOnly(id: string, src: SourceRef, path: DocPath, role: string): void;
  /** A member's id, or a name where one belongs. */
  member(id: string, src: SourceRef, path: DocPath, role: string): void;
  /** A team entry's or a member's id (facilitators, action owners). */
  person(id: string, src: SourceRef, path: DocPath, role: string): void;
}

export function references(rule: RuleContext): References {
  const { repo, lookup, report } = rule;
  const brokenMembers = repo.members.brokenIds;
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
    const near = didYouMean(key, byName.keys(), 'name');
    if (near === undefined) return undefined;
    const id = byName.get(near)!;
    return { text: `"${written}" looks like the name of ${id} (${lookup.members.get(id)!.name}): write ${id}`, id };
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
        `${FILES.members}.${suggestion(id, [...team, ...lookup.members.keys()])}` +
        `${listing(id, team, 'team entries')} A new team entry goes in "team" in ${FILES.community}, a new member ` +
        `in ${FILES.members}.`,
      { expected: expectedIds(id, [...team, ...lookup.members.keys()]) },
    );
  };

  return { ...rule, membersKnown, unitsKnown, teamKnown, shapeOnly, member, person };
}
