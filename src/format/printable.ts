/**
 * Characters a terminal or a CI log would act on instead of showing: line breaks (a new line
 * could start with `::`, a GitHub workflow command), C0 and C1 controls (ESC and CSI start
 * terminal sequences), Unicode's line and paragraph separators, bidirectional overrides (which
 * reorder what is shown) and the byte-order mark.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: they are what is escaped.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Text to print on one line of a terminal or a log: every such character shown as an escape (`\n`, `\u001B`). */
export function printable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}
