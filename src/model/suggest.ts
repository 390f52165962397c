import { distance } from 'fastest-levenshtein';

/** How far a typo may be from what was meant: two edits, or a third of a long word. */
function isClose(typed: string, known: string): boolean {
  return distance(typed, known) <= Math.max(2, Math.floor(typed.length / 3));
}

/** The known values nearest the typed one first (ties alphabetically), at most `max`. */
export function nearestFirst(typed: string, known: Iterable<string>, max = 10): string[] {
  const t = typed.toLowerCase();
  return [...new Set(known)]
    .map((k) => ({ k, d: distance(t, k.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, max)
    .map((x) => x.k);
}

/** The nearest known value when it is close enough to be the one meant. */
export function didYouMean(typed: string, known: Iterable<string>): string | undefined {
  const [best] = nearestFirst(typed, known, 1);
  return best !== undefined && isClose(typed.toLowerCase(), best.toLowerCase()) ? best : undefined;
}

/** `a, b, c and 4 more`: a list a message can hold. */
export function listSome(values: readonly string[], total: number): string {
  const shown = values.join(', ');
  return total > values.length ? `${shown} and ${total - values.length} more` : shown;
}
