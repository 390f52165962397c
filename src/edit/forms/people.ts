import { compareStrings } from '../../format/compare.js';
import type { Lookup } from '../../model/lookup.js';
import type { Member } from '../../model/member.js';
import { pseudonymFor } from '../forget.js';
import { ID_PATTERN } from '../../model/fields.js';
import { maskName } from '../../model/names.js';
import { didYouMean } from '../../model/suggest.js';
import { choiceId, idInParens, shownChoice } from './body.js';
import { choice, type Choice } from './form.js';

/**
 * The members a form offers: those who have not left, sorted by name (then id, for two of
 * one name). A member whose name was forgotten is offered no more.
 */
function currentMembers(lookup: Lookup): Member[] {
  return [...lookup.members.values()]
    .filter((m) => m.left === undefined && m.name !== pseudonymFor(m.id))
    .sort(
      (a, b) =>
        compareStrings(a.name.toLowerCase(), b.name.toLowerCase()) ||
        compareStrings(a.name, b.name) ||
        compareStrings(a.id, b.id),
    );
}

export const memberChoices = (lookup: Lookup): Choice[] => currentMembers(lookup).map((m) => choice(m.name, m.id));

/** The team, in the order community.json lists it. */
export const teamChoices = (lookup: Lookup): Choice[] =>
  (lookup.repo.community?.data.team ?? []).map((t) => choice(t.name, t.id));

/** Who an entry of a people field names: one id, or why it names nobody or more than one. */
export type PersonMatch = { id: string } | { problem: string };

/**
 * Someone named in an answer (an attendee, a facilitator, an action's owner, a presenter): an
 * option as the form writes it, `anything (id)`, a bare id, or a name that is exactly one
 * member's or team's (case and spacing aside). Anyone else is a problem that says why, with
 * the nearest entries of the form's list: nothing typed is ever dropped.
 */
export function matchPerson(
  text: string,
  lookup: Lookup,
  options: readonly Choice[],
  withTeam: boolean,
  what: string,
): PersonMatch {
  const ids = new Set([...lookup.members.keys(), ...(withTeam ? lookup.team : [])]);
  const byId = choiceId(text, options, ids);
  if (byId !== undefined) return { id: byId };
  const typed = text.trim();
  const inParens = idInParens(typed);
  if (inParens !== undefined && ID_PATTERN.test(inParens))
    return {
      problem: `${shownChoice(typed)} is not ${what}: the id ${inParens} is no one's. Choose from the form's list`,
    };
  const lower = normalName(typed);
  const named = [
    ...(withTeam
      ? (lookup.repo.community?.data.team ?? []).filter((t) => normalName(t.name) === lower).map((t) => t.id)
      : []),
    ...[...lookup.members.values()].filter((m) => normalName(m.name) === lower).map((m) => m.id),
  ];
  if (named.length === 1) return { id: named[0]! };
  // Messages are kept as issue comments: a name typed is shown masked, and people by their id.
  const shown = `"${maskName(typed)}"`;
  if (named.length > 1)
    return {
      problem:
        `${shown} is the name of ${named.length} people (${named.join(', ')}): choose the one meant from ` +
        `the form's list, as "… (${named[0]})"`,
    };
  const near = didYouMean(
    typed,
    options.map((o) => o.label.replace(/\s*\([^()]*\)$/, '')),
  );
  const meant = near === undefined ? undefined : options.find((o) => o.label === `${near} (${o.id})`);
  return {
    problem:
      `${shown} is not ` +
      what +
      (meant ? `: did you mean the one the form lists as "… (${meant.id})"?` : ": choose from the form's list"),
  };
}

const normalName = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The id `matchPerson` finds, or undefined. */
export function personId(
  text: string,
  lookup: Lookup,
  options: readonly Choice[],
  withTeam: boolean,
): string | undefined {
  const found = matchPerson(text, lookup, options, withTeam, 'known');
  return 'id' in found ? found.id : undefined;
}
