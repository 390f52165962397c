import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './style.js';

/** A chart's Vega-Lite spec, written without `$schema` and config: the renderer applies both, for every chart alike. */
type ChartSpec = TopLevelSpec;

/** What a chart draws: its spec and its alt text (which states its figures). */
export interface Drawn {
  spec: ChartSpec;
  alt: string;
}

export interface ChartDefinition<I> {
  /** Stable, for tests and the build: "session-attendance". */
  id: string;
  /** Where it is written for an input: the one place it says so (the build's manifest lists what it wrote). */
  path(input: I): string;
  /** Its spec and its alt text (which states its figures); undefined when there is nothing to draw. */
  draw(input: I): Drawn | undefined;
}

/** A chart: one file each; the report section that embeds it is its entry. */
export function defineChart<I>(chart: ChartDefinition<I>): ChartDefinition<I> {
  return chart;
}

/** The chart of one input, ready to embed and render; undefined when there is nothing to draw. */
export function chartOf<I>(definition: ChartDefinition<I>, input: I): Chart | undefined {
  const drawn = definition.draw(input);
  return drawn && { path: definition.path(input), ...drawn };
}
