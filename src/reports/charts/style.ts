import type { TopLevelSpec } from 'vega-lite';

/** Colours, sizes and the chart type: what chart specs need, without loading Vega. */

/**
 * Colour-blind-safe colours (Okabe–Ito's hues), for categories that are not ordered, each darkened where
 * needed to 3:1 or more against the white background (WCAG 1.4.11, non-text contrast).
 */
export const CATEGORY = {
  blue: '#0072B2',
  orange: '#B86E00',
  sky: '#2B83BA',
  green: '#009E73',
  vermillion: '#D55E00',
  grey: '#8C8C8C',
  dark: '#444444',
} as const;

/**
 * A diverging palette for ordered ratings, orange to purple as ColorBrewer's PuOr (readable with the common
 * colour-vision deficiencies), every fill 3:1 or more against white (WCAG 1.4.11): the light middle tones of
 * PuOr are replaced by darker ones, the neutral middle by a mid grey.
 */
export function divergingColours(points: number): string[] {
  const palettes: Record<number, string[]> = {
    2: ['#c97000', '#6b4fa5'],
    3: ['#c97000', '#8c8c8c', '#6b4fa5'],
    4: ['#9c4a00', '#c97000', '#8a6fb8', '#4b2c85'],
    5: ['#9c4a00', '#c97000', '#8c8c8c', '#8a6fb8', '#4b2c85'],
    6: ['#7a3e00', '#9c4a00', '#c97000', '#8a6fb8', '#6b4fa5', '#3f2378'],
    7: ['#7a3e00', '#9c4a00', '#c97000', '#8c8c8c', '#8a6fb8', '#6b4fa5', '#3f2378'],
  };
  return palettes[points] ?? Array.from({ length: points }, (_, i) => (i < points / 2 ? '#c97000' : '#6b4fa5'));
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

/**
 * A funnel: one bar a stage, top down in the stages' order, each with its figure at its end. The participation
 * funnel and a pathway's are drawn by it.
 */
export function funnelSpec(funnel: {
  title: string;
  description: string;
  width: number;
  axisTitle: string;
  colour: string;
  /** Rows with `stage`, `count`, `text` (a bar's description) and the field written at the bar's end. */
  values: ReadonlyArray<{ stage: string; count: number; text: string }>;
  label: 'count' | 'label';
}): TopLevelSpec {
  return {
    title: { text: funnel.title },
    description: funnel.description,
    width: funnel.width,
    height: { step: 26 },
    data: { values: [...funnel.values] },
    encoding: {
      y: { field: 'stage', type: 'nominal', sort: null, title: null },
      x: {
        field: 'count',
        type: 'quantitative',
        title: funnel.axisTitle,
        axis: { tickMinStep: 1 },
        scale: { domainMin: 0 },
      },
    },
    layer: [
      { mark: { type: 'bar', color: funnel.colour }, encoding: { description: { field: 'text' } } },
      { mark: { type: 'text', align: 'left', dx: 4, color: '#222' }, encoding: { text: { field: funnel.label } } },
    ],
  };
}
