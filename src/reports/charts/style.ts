import type { TopLevelSpec } from 'vega-lite';

/** Colours, sizes and the chart type: what chart specs need, without loading Vega. */

/** Colour-blind-safe colours (Okabe–Ito), for categories that are not ordered. */
export const CATEGORY = {
  blue: '#0072B2',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  vermillion: '#D55E00',
  grey: '#BBBBBB',
  dark: '#444444',
} as const;

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

/** Fits a GitHub README column. */
export const CHART_WIDTH = 560;
export interface Chart {
  /** Root-relative path of the SVG file. */
  path: string;
  /** What the chart shows, in words: the image's alt text. */
  alt: string;
  spec: TopLevelSpec;
}
