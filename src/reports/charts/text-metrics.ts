/**
 * Text widths for laying out labels without a canvas. Vega's fallback guesses 0.8 em a
 * character, half again too wide for a sans-serif, which truncates labels early. These
 * are Helvetica's published advance widths (Arial shares them), in thousandths of an em:
 * the fonts of the charts' system font stack on most machines. No font is loaded, so
 * layout is the same on every machine.
 */
const WIDTHS: Record<string, number> = {
  ' ': 278,
  '!': 278,
  '"': 355,
  '#': 556,
  $: 556,
  '%': 889,
  '&': 667,
  "'": 191,
  '(': 333,
  ')': 333,
  '*': 389,
  '+': 584,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  ':': 278,
  ';': 278,
  '<': 584,
  '=': 584,
  '>': 584,
  '?': 556,
  '@': 1015,
  '[': 278,
  ']': 278,
  _: 556,
  '|': 260,
  '–': 556,
  '—': 1000,
  '…': 1000,
  '’': 222,
  '“': 333,
  '”': 333,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
};
const DIGIT = 556;
const OTHER = 584;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += WIDTHS[ch] ?? (ch >= '0' && ch <= '9' ? DIGIT : OTHER);
  return (units / 1000) * fontSize * (bold ? 1.07 : 1);
}

/** Height of a band that fits labels of this many lines at 11px. */
export function bandStep(labels: readonly string[]): number {
  const lines = Math.max(1, ...labels.map((l) => l.split('\n').length));
  return 10 + 13 * lines;
}

/** Breaks a label into lines of at most `width` characters, at spaces, for multi-line axis labels and titles. */
export function wrap(text: string, width = 30): string[] {
  const lines: string[] = [];
  let line = '';
  // Only ordinary spaces break a line: words joined by a no-break space (`(n = 12)`) wrap as a unit.
  for (const word of text.split(/[ \t\n]+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
