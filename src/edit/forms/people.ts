import { compareStrings } from '../../format/compare.js';
import type { Lookup } from '../../model/lookup.js';
import type { Member } from '../../model/member.js';
import { pseudonymFor } from '../forget.js';
import { choiceId } from './body.js';
import { choice, type Choice } from './form.js';

/**
 * The members a form offers: those who have not left, sorted by name (then id, for two of
 * one name). A member whose name was forgotten is offered no more.
 */
function currentMembers(lookup: Lookup): Member[] {
  return [...lookup.members.values()]
    .filter((m) => m.left === undefined && m.name !== pseudonymFor(m.id))
    .sort((a, b) => compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) || compareStrings(a.name, b.name) || compareStrings(a.id, b.id));
}

export const memberChoices = (lookup: Lookup): Choice[] => currentMembers(lookup).map((m) => choice(m.name, m.id));

/** The team, in the order community.json lists it. */
export const teamChoices = (lookup: Lookup): Choice[] => (lookup.repo.community?.data.team ?? []).map((t) => choice(t.name, t.id));

/**
 * Someone named in a free-text answer (an action's owner, a presenter): an option as the
 * form writes it, a bare id, or a team's or member's name as the roster spells it.
 */
export function personId(text: string, lookup: Lookup, options: readonly Choice[], withTeam: boolean): string | undefined {
  const ids = new Set([...lookup.members.keys(), ...(withTeam ? lookup.team : [])]);
  const byId = choiceId(text, options, ids);
  if (byId !== undefined) return byId;
  const lower = text.trim().toLowerCase();
  const team = withTeam ? lookup.repo.community?.data.team.find((m) => m.name.toLowerCase() === lower) : undefined;
  if (team) return team.id;
  const members = [...lookup.members.values()].filter((m) => m.name.toLowerCase() === lower);
  return members.length === 1 ? members[0]!.id : undefined;
}
