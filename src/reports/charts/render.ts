import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useFontMetrics } from './text-metrics.js';

useFontMetrics();

/** Colour-blind-safe colours (Okabe–Ito), for categories that are not ordered. */
export const CATEGORY = { blue: '#0072B2', orange: '#E69F00', sky: '#56B4E9', green: '#009E73', vermillion: '#D55E00', grey: '#BBBBBB', dark: '#444444' } as const;

/** A diverging palette for ordered ratings, readable with the common colour-vision deficiencies (ColorBrewer PuOr). */
export function divergingColours(points: number): string[] {
  const palettes: Record<number, string[]> = {
    2: ['#e66101', '#5e3c99'],
    3: ['#e66101', '#dddddd', '#5e3c99'],
    4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
    5: ['#e66101', '#fdb863', '#dddddd', '#b2abd2', '#5e3c99'],
    6: ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'],
    7: ['#b35806', '#f1a340', '#fee0b6', '#dddddd', '#d8daeb', '#998ec3', '#542788'],
  };
  return palettes[points] ?? Array.from({ length: points }, (_, i) => (i < points / 2 ? '#e66101' : '#5e3c99'));
}

/** Fits a GitHub README column; fonts from the reader's system, nothing fetched. */
export const CHART_WIDTH = 560;
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

const CONFIG = {
  background: 'white',
  font: FONT,
  padding: 8,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 360, titleFontWeight: 'normal' as const, labelColor: '#333', titleColor: '#333' },
  axisY: { labelExpr: "split(datum.label, '\\n')" },
  legend: { labelFontSize: 11, titleFontSize: 11, labelLimit: 240, orient: 'bottom' as const, direction: 'horizontal' as const },
  title: { fontSize: 13, anchor: 'start' as const, color: '#222', subtitleColor: '#555', subtitleFontSize: 11 },
};

export interface Chart {
  /** Root-relative path of the SVG file. */
  path: string;
  /** What the chart shows, in words: the image's alt text. */
  alt: string;
  spec: TopLevelSpec;
}

/**
 * Lets Vega lay the chart out and draw it, headless: no canvas, no DOM, no fonts loaded,
 * so the same spec gives the same bytes on every machine.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const full = { ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(full).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return `${svg}\n`;
}
