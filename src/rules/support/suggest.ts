import { didYouMean, listSome, nearestFirst } from '../../model/suggest.js';

/** Ten ids is what a message can hold and a coordinator can scan. */
const LISTED = 10;

/** ` Did you mean "x"?` when an id is close to a known one. */
export function suggestion(id: string, known: Iterable<string>): string {
  const guess = didYouMean(id, known);
  return guess === undefined ? '' : ` Did you mean "${guess}"?`;
}

/** ` The themes are: a, b, c.`, nearest the typed id first, so the one meant is at hand. */
export function listing(id: string, known: ReadonlyArray<string>, what: string): string {
  if (known.length === 0) return '';
  return ` The ${what} are: ${listSome(nearestFirst(id, known, LISTED), known.length)}.`;
}

/** The ids to offer for a mistyped one, nearest first. */
export function expectedIds(id: string, known: Iterable<string>): string[] {
  return nearestFirst(id, known, LISTED);
}

/** Case, accents, spacing and leading zeros do not tell two ways of writing a name apart. */
export function nameKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b0+(\d)/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
