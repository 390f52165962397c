import type { PhrasingContent, Root } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { remark } from 'remark';
import { describe, expect, it } from 'vitest';
import {
  emphasis,
  heading,
  isPlainText,
  link,
  list,
  paragraph,
  root,
  strong,
  table,
  toMarkdown,
} from '../../src/format/markdown.js';

// The reports' serialiser with the escaper applied to every text, as mdast-util-to-markdown does by default.
const everyTextEscaped = remark()
  .data('settings', { bullet: '-', emphasis: '_', strong: '*', listItemIndent: 'one', rule: '-', fences: true })
  .data('toMarkdownExtensions', [gfmTableToMarkdown({ tablePipeAlign: false })]);

/** Every place a report puts text: first in a line, after and before other marks, in a cell, a heading, a link. */
function placesOf(text: string): Root[] {
  const around = (...parts: Array<PhrasingContent | string>) => root([paragraph(...parts)]);
  return [
    around(text),
    around('Before ', text),
    around(text, ' after'),
    around('1', text),
    around(emphasis('an emphasis'), text),
    around(text, emphasis('an emphasis')),
    around(strong(text)),
    around(emphasis(text), '.'),
    around(link('https://example.ac.uk/', text)),
    around(text, link('https://example.ac.uk/', 'a link')),
    around('See ]', text),
    root([heading(2, text)]),
    root([heading(3, 'A ', text)]),
    root([list([[text], ['second']])]),
    root([
      table(
        [{ header: 'Column' }, { header: text }],
        [
          [text, '2'],
          ['3', text],
        ],
      ),
    ]),
  ];
}

describe('text in a report', () => {
  it('is written as the escaper would write it, in every place, whether or not it skips the escaper', () => {
    // Every character the serialiser treats specially, in every position of short texts, with letters, digits and
    // spaces around them.
    const specials = [...'\t\n\r !"#&\'()*+,-./:;<=>?@[\\]^_`{|}~\u007f\u00a0é’—0123456789'];
    const texts = new Set<string>(['Session 12', 'Q3 mean 4', '45%', 'Department 07', '2024-10-15', 'members’ views']);
    for (const c of specials)
      for (const t of [c, `${c}a`, `a${c}`, `a${c}b`, `1${c}`, `12${c} x`, `${c}${c}`, ` ${c}`, `${c} `, ` a${c} `])
        texts.add(t);
    let compared = 0;
    for (const text of texts)
      for (const tree of placesOf(text)) {
        expect(toMarkdown(tree), JSON.stringify(text)).toBe(everyTextEscaped.stringify(tree));
        compared++;
      }
    expect(compared).toBe(texts.size * placesOf('x').length);
    // The three kinds of text were met: plain wherever it stands, plain only within a line, and never plain.
    const kinds = [...texts].map((t) => [isPlainText(t), isPlainText(t, 'a', 'a')]);
    expect(kinds.filter(([start, within]) => start && within).length).toBeGreaterThan(100);
    expect(kinds.filter(([start, within]) => !start && within).length).toBeGreaterThan(20);
    expect(kinds.filter(([, within]) => !within).length).toBeGreaterThan(100);
  });

  it('that would start a list, a heading or a table row, or holds a mark, still goes through the escaper', () => {
    const marked = ['1. First', '2) Second', '- dash', '+ plus', '# hash', '> quote', ':-', 'a *b*', 'x_y', 'a|b'];
    expect(marked.filter((text) => isPlainText(text))).toEqual([]);
    expect(toMarkdown(root([paragraph('1. First')]))).toBe('1\\. First\n');
    expect(toMarkdown(root([paragraph('Cost: 5 | 6')]))).toBe('Cost: 5 | 6\n');
  });
});
