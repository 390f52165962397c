import type { RootContent } from 'mdast';
import type { Chart } from './charts/style.js';

export type ChartListener = (chart: Chart) => void;
import { relativeLink } from './context.js';
import { image, paragraph } from '../format/markdown.js';

/** A report being written: its path, and the charts it embeds, which the build renders beside it. */
export class Page {
  readonly charts: Chart[] = [];

  constructor(
    readonly path: string,
    /** Told of each chart as the page embeds it, so that it can be drawn while the page is still being written. */
    private readonly onChart?: ChartListener,
  ) {}

  /** The chart as an image with its alt text; nothing when there is nothing to draw. */
  embed(chart: Chart | undefined): RootContent[] {
    if (!chart) return [];
    this.charts.push(chart);
    this.onChart?.(chart);
    return [paragraph(image(relativeLink(this.path, chart.path), chart.alt))];
  }
}

export interface RenderedPage {
  markdown: string;
  charts: Chart[];
}
