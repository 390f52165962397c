import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRepository } from '../../src/pipeline/index.js';
import { renderReports } from '../../src/reports/build.js';
import { textWidth } from '../../src/reports/charts/text-metrics.js';
import { MULTI_YEAR, fixtureWith, replaceOnce } from '../helpers/repo.js';
import { overlaps, readSvg, textBoxes } from '../helpers/svg.js';

const EXCHANGE = 'minutes/2024-25/2025-02-11-learning-exchange.md';
const FEEDBACK = 'surveys/2024-25/exchange-feedback.json';
const ANNUAL = 'surveys/2024-25/annual-survey.json';
const LONG_TITLE = 'Northfield Peer Mentoring Network Learning Exchange Day: feedback from every participant';

/**
 * The synthetic community as it is, and as the charts find it hardest: two surveys at the
 * same response rate, one with a long title, and a year whose only sessions had no guests.
 */
let variant: string;
const builds: Array<{ name: string; files: Map<string, string> }> = [];
beforeAll(async () => {
  variant = await fixtureWith(MULTI_YEAR, {
    [FEEDBACK]: (t) =>
      replaceOnce(
        '"title": "Learning exchange feedback"',
        `"title": "${LONG_TITLE}"`,
      )(t).replace('{"rule": "session", "session": "2025-02-11-learning-exchange"}', '{"count": 10}'),
    [ANNUAL]: replaceOnce('"population": {"rule": "attended-any"}', '"population": {"count": 6}'),
    [EXCHANGE]: replaceOnce('guests:\n  - unit: history\n  - institution: Another University\n    count: 2\n', ''),
  });
  for (const [name, root] of [
    ['multi-year', MULTI_YEAR],
    ['variant', variant],
  ] as const) {
    builds.push({ name, files: await renderReports((await validateRepository(root)).lookup) });
  }
}, 60_000);
afterAll(() => rm(variant, { recursive: true, force: true }));

const charts = () =>
  builds.flatMap(({ name, files }) =>
    [...files].filter(([path]) => path.endsWith('.svg')).map(([path, svg]) => ({ where: `${name}: ${path}`, svg })),
  );

describe('chart labels are whole, apart and inside the picture', () => {
  it('draws charts to check', () => expect(charts().length).toBeGreaterThanOrEqual(20));

  it('cuts no label short', () => {
    for (const { where, svg } of charts())
      expect(
        readSvg(svg).texts.filter((t) => t.includes('…')),
        where,
      ).toEqual([]);
  });

  it('lets no two labels overlap, measured with the renderer’s own text widths', () => {
    for (const { where, svg } of charts()) expect(overlaps(textBoxes(svg, textWidth)), where).toEqual([]);
  });

  it('keeps every label inside the picture', () => {
    for (const { where, svg } of charts()) {
      const { width, height } = readSvg(svg);
      for (const box of textBoxes(svg, textWidth)) {
        expect(box.left, `${where}: "${box.text}"`).toBeGreaterThanOrEqual(-0.5);
        expect(box.right, `${where}: "${box.text}"`).toBeLessThanOrEqual(width + 0.5);
        expect(box.top, `${where}: "${box.text}"`).toBeGreaterThanOrEqual(-0.5);
        expect(box.bottom, `${where}: "${box.text}"`).toBeLessThanOrEqual(height + 0.5);
      }
    }
  });
});

describe('legends and series', () => {
  const chart = (build: string, path: string) => readSvg(builds.find((b) => b.name === build)!.files.get(path)!);

  it('shows the Guests legend only in a year that had guests', () => {
    expect(chart('multi-year', 'reports/2024-25/session-attendance.svg').texts).toContain('Guests');
    const without = chart('variant', 'reports/2024-25/session-attendance.svg');
    expect(without.texts).toContain('Members');
    expect(without.texts).not.toContain('Guests');
    expect(without.texts.join(' ')).not.toMatch(/guests/i);
  });

  it('keeps two surveys at the same response rate apart: each its own point shape and its own label', () => {
    const yoy = chart('variant', 'reports/year-over-year.svg');
    const points = [...yoy.raw.matchAll(/aria-label="([^"]*)"[^>]*aria-roledescription="point"[^>]*\sd="([^"]+)"/g)]
      .filter((m) => m[1]!.includes('series:'))
      .map((m) => m[2]);
    expect(points).toHaveLength(4); // 2022-23, 2023-24 and 2024-25 of the annual survey, 2024-25 of the feedback
    expect(new Set(points).size).toBe(2);
    const labels = yoy.marks('text mark').filter((l) => l.includes('2024-25') && l.includes('value: 50'));
    expect(labels).toHaveLength(2);
    // The long title is wrapped in the legend, whole.
    expect(yoy.texts).toEqual(
      expect.arrayContaining([
        'Northfield Peer Mentoring Network',
        'Learning Exchange Day: feedback',
        'from every participant',
      ]),
    );
  });
});
