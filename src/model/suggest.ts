import { distance } from 'fastest-levenshtein';

/**
 * How far a typo may be from what was meant: for an id or a word, two edits or a third of a
 * long one; for a person's name, one edit or a fifth (two names a few letters apart are often
 * two people).
 */
const TOLERANCE = {
  word: (typed: string) => Math.max(2, Math.floor(typed.length / 3)),
  name: (typed: string) => Math.max(1, Math.floor(typed.length / 5)),
} as const;

/** The known values nearest the typed one first (ties alphabetically), at most `max`. */
export function nearestFirst(typed: string, known: Iterable<string>, max = 10): string[] {
  const t = typed.toLowerCase();
  return [...new Set(known)]
    .map((k) => ({ k, d: distance(t, k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, max)
    .map((x) => x.k);
}

/** The nearest known value when it is close enough to be the one meant: the one "did you mean" of the toolchain. */
export function didYouMean(
  typed: string,
  known: Iterable<string>,
  kind: keyof typeof TOLERANCE = 'word',
): string | undefined {
  const [best] = nearestFirst(typed, known, 1);
  return best !== undefined && distance(typed.toLowerCase(), best.toLowerCase()) <= TOLERANCE[kind](typed)
    ? best
    : undefined;
}

/** `a, b, c and 4 more`: a list a message can hold. */
export function listSome(values: readonly string[], total: number): string {
  const shown = values.join(', ');
  return total > values.length ? `${shown} and ${total - values.length} more` : shown;
}
