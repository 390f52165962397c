/** A name found in a text: where it starts, how long it is there, and whose it is. */
export interface NameFound {
  index: number;
  length: number;
  id: string;
}

const WORD = /[\p{L}\p{N}'’-]+/gu;
const NON_ASCII = /[\u0080-\uffff]/;

const normal = (word: string) => word.normalize('NFC').toLowerCase().replace(/’/g, "'");

/**
 * Finds known people's full names in text, whole words only, case aside, in time linear in the
 * text: names are indexed by their first word, so each word of the text is looked up once, not
 * compared with every name.
 */
export class NameFinder {
  private readonly byFirstWord = new Map<string, Array<{ words: string[]; id: string }>>();

  constructor(people: Iterable<{ id: string; name: string }>) {
    for (const { id, name } of people) {
      const words = (name.match(WORD) ?? []).map(normal);
      // A single word ("Sam") is too common to tell from ordinary text; a full name is what identifies.
      if (words.length < 2) continue;
      const list = this.byFirstWord.get(words[0]!) ?? [];
      list.push({ words, id });
      this.byFirstWord.set(words[0]!, list);
    }
    const firsts = [...this.byFirstWord.keys()].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    this.anyFirstWord = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${firsts.join('|')})(?![\\p{L}\\p{N}'’-])`, 'iu');
  }

  /** Some first word of a name, case aside: text in ASCII without one holds no name, and is not split into words. */
  private readonly anyFirstWord: RegExp;

  get empty(): boolean {
    return this.byFirstWord.size === 0;
  }

  find(text: string): NameFound[] {
    if (this.empty) return [];
    // Text in ASCII, most of it, needs no Unicode normalisation: its words are only lower-cased.
    const ascii = !NON_ASCII.test(text);
    if (ascii && !this.anyFirstWord.test(text)) return [];
    const norm = ascii ? (w: string) => w.toLowerCase() : normal;
    const words = [...text.matchAll(WORD)].map((m) => ({
      word: norm(m[0]),
      index: m.index,
      end: m.index + m[0].length,
    }));
    const out: NameFound[] = [];
    for (let i = 0; i < words.length; i++) {
      const candidates = this.byFirstWord.get(words[i]!.word);
      if (!candidates) continue;
      // The longest name that matches here: "Sam Lee Jones" before "Sam Lee".
      let best: { words: string[]; id: string } | undefined;
      for (const c of candidates) {
        if (best && c.words.length <= best.words.length) continue;
        if (
          c.words.every(
            (w, k) =>
              words[i + k]?.word === w &&
              (k === 0 || /^[ \t]+$/.test(text.slice(words[i + k - 1]!.end, words[i + k]!.index))),
          )
        )
          best = c;
      }
      if (!best) continue;
      const last = words[i + best.words.length - 1]!;
      out.push({ index: words[i]!.index, length: last.end - words[i]!.index, id: best.id });
      i += best.words.length - 1;
    }
    return out;
  }
}

/**
 * A name with each word cut to its first letter (`J*** S***`): enough to find it, not to repeat it where it is kept.
 */
export const maskName = (text: string): string => text.replace(/(\p{L})[\p{L}'’-]*/gu, '$1***');
