import type { Image, Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { MULTI_YEAR, SAMPLE } from '../helpers/repo.js';
import { readSvg } from '../helpers/svg.js';

async function build(root: string): Promise<Map<string, string>> {
  return renderReports((await validateRepository(root)).lookup);
}

describe('charts of the 2024-25 data', () => {
  let files: Map<string, string>;
  const svg = (path: string) => {
    const content = files.get(path);
    if (content === undefined)
      throw new Error(`no chart ${path}; charts: ${[...files.keys()].filter((k) => k.endsWith('.svg')).join(', ')}`);
    return readSvg(content);
  };
  beforeAll(async () => {
    files = await build(SAMPLE);
  });

  it('are embedded in the reports with alt text, and every embedded chart is built', () => {
    let embedded = 0;
    for (const [path, text] of files) {
      if (!path.endsWith('.md')) continue;
      const tree = remark().use(remarkGfm).parse(text) as Root;
      visit(tree, 'image', (img: Image) => {
        const target = new URL(img.url, `file:///${path}`).pathname.slice(1);
        expect(files.has(target), `${path} embeds ${target}`).toBe(true);
        expect(img.alt?.length ?? 0).toBeGreaterThan(30);
        embedded++;
      });
    }
    expect(embedded).toBeGreaterThanOrEqual(9);
  });

  it('render on GitHub: no scripts, no external resources, a white background, a README-column width', () => {
    const charts = [...files].filter(([p]) => p.endsWith('.svg'));
    expect(charts.length).toBeGreaterThanOrEqual(9);
    for (const [path, content] of charts) {
      const s = readSvg(content);
      expect(content, path).not.toMatch(/<script|<foreignObject|@import|@font-face|url\(|href="http/i);
      expect(content, path).toMatch(/^<svg[^>]*><rect width="\d+" height="\d+" fill="white"\/>/);
      expect(s.width, path).toBeLessThanOrEqual(700);
    }
  });

  it('participation: one bar per stage with the figures', () => {
    expect(svg('reports/2024-25/participation.svg').marks('bar')).toEqual([
      'Members: 20',
      'Attended at least one session: 18 of 20 members (90%)',
      'Attended at least three sessions: 11 of 20 members (55%)',
    ]);
  });

  it('session attendance: members and guests per session, in date order', () => {
    const s = svg('reports/2024-25/session-attendance.svg');
    expect(s.marks('bar')).toEqual([
      '15 Oct 2024: 12 members',
      '19 Nov 2024: 11 members',
      '21 Jan 2025: 14 members',
      '25 Feb 2025: 8 members',
      '7 May 2025: 12 members',
      '7 May 2025: 15 guests',
    ]);
    expect(s.texts).toEqual(expect.arrayContaining(['15 Oct 2024', '7 May 2025', '27']));
  });

  it('a matrix question: diverging bars per item with n in its label, notApplicable apart', () => {
    const s = svg('reports/2024-25/member-evaluation-q3.svg');
    const bars = s.marks('bar');
    const engagement = bars.filter((b) => b.startsWith('Student engagement strategies discussions:'));
    expect(engagement).toEqual([
      'Student engagement strategies discussions: 1 of 8 rated 4 (12.5%)',
      'Student engagement strategies discussions: 7 of 8 rated 5 Very useful (87.5%)',
      "Student engagement strategies discussions: 0 answered Didn't attend",
    ]);
    // Non-zero rating segments (3 + 2 + 2 + 3) plus one notApplicable bar per item (4).
    expect(bars).toHaveLength(14);
    // "(n = 7)" is joined by no-break spaces, so that it never wraps between its parts.
    const labels = s.texts.join(' ');
    for (const n of ['(n\u00a0=\u00a07)', '(n\u00a0=\u00a06)', '(n\u00a0=\u00a08)']) expect(labels).toContain(n);
    expect(s.texts).toContain("Didn't attend");
  });

  it('a scale question: one bar, centred on the neutral point', () => {
    const s = svg('reports/2024-25/member-evaluation-q4.svg');
    expect(s.marks('bar')).toEqual([
      'All answers: 4 of 8 rated 4 (50%)',
      'All answers: 4 of 8 rated 5 Significant benefit (50%)',
    ]);
    expect(s.texts).toContain('Centred on the middle rating (3)');
  });

  it('an even scale has no neutral point', () => {
    expect(svg('reports/2024-25/member-evaluation-q11.svg').texts).toContain('Centred between the two middle ratings');
  });

  it('a multi question: one bar per option, share of the n who answered', () => {
    const s = svg('reports/2024-25/member-evaluation-q7-1.svg');
    const bars = s.marks('bar');
    expect(bars).toHaveLength(7);
    expect(bars).toContain('Student engagement strategies: 5 of 7 (71.4%)');
    expect(s.texts).toContain('71.4% (5)');
  });
});

describe('charts across years (multi-year fixture)', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await build(MULTI_YEAR);
  });

  it('the heat map has a cell per department and year, streaks marked', () => {
    const s = readSvg(files.get('reports/engagement-heatmap.svg')!);
    const cells = s.marks('rect mark');
    expect(cells).toHaveLength(6 * 4);
    expect(cells).toContain('Department of Classics, 2023-24: did not exist');
    expect(cells).toContain('Department of Chemistry, 2023-24: unengaged, 3 years in a row');
    expect(cells).toContain('Department of History, 2024-25: unengaged, 2 years in a row');
    expect(cells).toContain('Department of Data Science, 2024-25: engaged');
  });

  it('the year-over-year chart shows each year', () => {
    const s = readSvg(files.get('reports/year-over-year.svg')!);
    for (const y of ['2021-22', '2022-23', '2023-24', '2024-25']) expect(s.texts).toContain(y);
    expect(s.texts).toEqual(expect.arrayContaining(['Members', 'Departments engaged', 'Survey response rate']));
  });

  it('draws nothing of a survey below privacy.minResponses', () => {
    expect([...files.keys()].filter((k) => k.startsWith('reports/2024-25/annual-survey'))).toEqual([]);
    expect(files.has('reports/2022-23/annual-survey-q2.svg')).toBe(true);
  });
});
