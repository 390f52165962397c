import type { ListItem, Root } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { remark } from 'remark';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { sessionSummary } from '../../src/reports/summary-points.js';

/** The points of a body's `## Summary` as a Markdown parser reads them, layout aside: what the report must show. */
function pointsAsRead(markdown: string, from: 'minutes' | 'report'): unknown[] {
  const tree = remark().parse(markdown) as Root;
  const points: ListItem[] = [];
  let inSummary = from === 'report';
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      inSummary = node.depth === 2 && plainText(node).trim().toLowerCase() === 'summary';
      continue;
    }
    if (!inSummary) continue;
    if (node.type === 'list') points.push(...node.children);
    else if (node.type === 'paragraph') points.push({ type: 'listItem', spread: false, children: [node] });
  }
  for (const p of points)
    visit(p, (n) => {
      delete n.position;
      if ('spread' in n) n.spread = false;
      if (n.type === 'listItem') delete n.checked;
      if (n.type === 'list') {
        n.ordered = false;
        n.start = null;
      }
    });
  return points;
}

const MINUTES = `Notes taken by the coordinator.

## Summary

- **Student engagement.** The Academic Registry shared the attendance data on 1 August 2025: 28 of 48 mentors
  (58%) asked for clearer guidance.
  - The Student Wellbeing Service agreed a webinar series.
  - See [the guide](https://example.ac.uk/guide) and <https://example.ac.uk/hub>.
- Members discussed _first meetings_ with new mentees. They agreed a checklist.
- <https://example.ac.uk/slides> and the recording were shared with members who could not come to the session today.

## Actions

- Not a point of the summary.
`;

describe('the session summaries and topics of the annual report', () => {
  it("keep each point's words and sub-points, and name each point by its bold lead or first sentence", () => {
    const summary = sessionSummary(MINUTES);
    expect(summary.markdown).toBe(
      [
        '- **Student engagement.** The Academic Registry shared the attendance data on 1 August 2025: 28 of 48 ' +
          'mentors',
        '  (58%) asked for clearer guidance.',
        '  - The Student Wellbeing Service agreed a webinar series.',
        '  - See [the guide](https://example.ac.uk/guide) and <https://example.ac.uk/hub>.',
        '- Members discussed _first meetings_ with new mentees. They agreed a checklist.',
        '- <https://example.ac.uk/slides> and the recording were shared with members who could not come to the ' +
          'session today.',
      ].join('\n'),
    );
    expect(summary.topics).toEqual([
      'Student engagement',
      'Members discussed first meetings with new mentees',
      // A bare address says nothing of the topic; a long first sentence is cut at a dozen words.
      'and the recording were shared with members who could not come to…',
    ]);
  });

  it('read every layout the minutes may use as a Markdown reader does', () => {
    const layouts = [
      '## Summary\n\n* Star bullets\n* and a second **point**\n',
      '## Summary\n\n1. Numbered\n2) mixed markers\n10. ten\n',
      '## Summary\n\n- Loose\n\n- list with blank lines\n',
      '## Summary\n\n- A point\nwith a lazy line\n- next\n',
      '## Summary\n\n- A point with code:\n\n  ```\n  code\n  ```\n',
      '## Summary\n\nA paragraph, not a list.\nOn two lines.\n\n- then a list\n',
      '## Summary\n\n-   Wide marker\n    continued\n',
      '## Summary\n\n- Tab\tinside\n',
      '## Summary\n\n> A quote is not a point\n\n- but this is\n',
      '## Summary\n\n- __Underscored lead:__ text &amp; more\n- ***Both*** marks\n',
      '## Summary\n\n- ![A chart](reports/a.svg) described\n- `code` first. Then more.\n',
      '# Title\n\nNo summary here.\n',
      '## Summary\n\n## Actions\n\n- none\n',
      '## Summary\r\n\r\n- Windows line ends\r\n',
      // A definition (here of a script) is no point of the summary, whatever it points to.
      '## Summary\n\n- Agreed [how](javascript:alert(1)) the network will <javascript:alert(2)> meet\n\n' +
        '[r]: javascript:alert(3)\n',
    ];
    let points = 0;
    for (const body of layouts) {
      const { markdown, topics } = sessionSummary(body);
      expect(pointsAsRead(markdown, 'report'), body).toEqual(pointsAsRead(body, 'minutes'));
      expect(topics.length, body).toBe(pointsAsRead(body, 'minutes').length);
      points += topics.length;
    }
    expect(points).toBeGreaterThan(layouts.length);
    expect(sessionSummary(layouts[0]!).topics).toEqual(['Star bullets', 'and a second point']);
    expect(sessionSummary(layouts[9]!).topics).toEqual(['Underscored lead', 'Both marks']);
    expect(sessionSummary(layouts[10]!).topics).toEqual(['A chart described', 'code first']);
    expect(sessionSummary(layouts[11]!)).toEqual({ markdown: '', topics: [] });
    // A link is read as a link wherever it points (the validator and the site judge where): its words are the topic's.
    expect(sessionSummary(layouts[14]!).topics).toEqual(['Agreed how the network will meet']);
  });

  it('agree with a Markdown reader on summaries made up of every inline mark and list shape', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const words = [
      'word',
      'two words.',
      '**Bold lead.**',
      '*emph*',
      '_em_',
      '`code`',
      '[link](https://a.example/x)',
      '<https://b.example/y>',
      '[https://c.example](https://c.example)',
      '![alt **x**](reports/a.svg)',
      '&amp;',
      'A\\*b',
      '<span>x</span>',
      'Dr. Who? Yes!',
      '3.5 of 4',
      '*',
      '__strong__',
      '***both***',
      'a_b_c',
      '#tag',
      'é',
    ];
    const line = () => Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(words)).join(' ');
    const item = (depth: number): string => {
      let s = `${'  '.repeat(depth)}${depth > 0 ? '- ' : pick(['- ', '* ', '+ ', '1. '])}${line()}`;
      if (rand() < 0.2) s += `\n${'  '.repeat(depth)}  ${line()}`;
      if (depth < 2 && rand() < 0.3) s += `\n${item(depth + 1)}`;
      return s;
    };
    let compared = 0;
    for (let i = 0; i < 120; i++) {
      const points = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => item(0)).join('\n');
      const body = `Intro.\n\n## Summary\n\n${points}\n\n${rand() < 0.3 ? line() : ''}\n`;
      const { markdown, topics } = sessionSummary(body);
      expect(pointsAsRead(markdown, 'report'), body).toEqual(pointsAsRead(body, 'minutes'));
      expect(
        topics.every((t) => !t.includes('**') && !t.includes('](')),
        body,
      ).toBe(true);
      compared += pointsAsRead(body, 'minutes').length;
    }
    expect(compared).toBeGreaterThan(250);
  });
});
