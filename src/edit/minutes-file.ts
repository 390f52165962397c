import { Document, isCollection, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { slugHint } from '../format/slug.js';
import { academicYearOf } from '../model/dates.js';

/** Where a session's minutes go: its academic year's folder, named by its date and a slug of its title. */
export function minutesPath(date: string, title: string, yearStart: string): string {
  return `minutes/${academicYearOf(date, yearStart)}/${date}-${slugHint(title)}.md`;
}

/** A field of the frontmatter, in the order written, with a comment after its value where it helps the coordinator. */
export interface FrontmatterField {
  key: string;
  value: unknown;
  comment?: string;
}

export interface MinutesText {
  text: string;
  /** The frontmatter field each line (1-based, of the whole file) was written from. */
  fieldOfLine: ReadonlyMap<number, string>;
  /** The line the body starts on. */
  bodyLine: number;
}

/**
 * A minutes file as a coordinator would write it by hand: the frontmatter written by the YAML
 * library (plain scalars where they read back the same, quoted otherwise; lists of ids on one
 * line, lists of entries as blocks; nothing folded), then the body. Which line holds which
 * field is read back from the written YAML, never counted by hand.
 */
export function minutesText(fields: readonly FrontmatterField[], body: string): MinutesText {
  const doc = new Document(Object.fromEntries(fields.map((f) => [f.key, f.value])));
  const map = doc.contents as YAMLMap;
  for (const pair of map.items as Pair[]) {
    const value = pair.value;
    // `attendees: [m01, m02]`, as the hand-written minutes list ids.
    if (isSeq(value) && value.items.every((i) => isScalar(i))) value.flow = true;
    const comment = fields.find((f) => isScalar(pair.key) && f.key === pair.key.value)?.comment;
    if (comment !== undefined && (isScalar(value) || isCollection(value))) value.comment = ` ${comment}`;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const text = `---\n${yaml}---\n\n${body}`;
  // Read back: the line each top-level key starts on, the frontmatter starting on line 2.
  const counter = new LineCounter();
  const parsed = parseDocument(yaml, { lineCounter: counter });
  const starts = ((parsed.contents as YAMLMap | null)?.items ?? []).map((p) => ({
    key: String((p.key as { value: unknown }).value),
    line: counter.linePos((p.key as { range: [number, number, number] }).range[0]).line + 1,
  }));
  const yamlLines = yaml.split('\n').length - 1;
  const fieldOfLine = new Map<number, string>();
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.line : yamlLines + 2;
    for (let line = s.line; line < end; line++) fieldOfLine.set(line, s.key);
  });
  return { text, fieldOfLine, bodyLine: yamlLines + 4 };
}
