import * as vega from 'vega';
import { compile, version as vegaLiteVersion, type TopLevelSpec } from 'vega-lite';
import { textWidth } from './text-metrics.js';

type TextItem = { fontSize?: number | string; fontWeight?: string | number; limit?: number };

/**
 * Installs the widths in Vega. Vega measures text through one module-wide object, so this
 * is a global change, made when a renderer is created (not on import), and the same each time.
 */
function useFontMetrics(): void {
  // Exported at run time by vega (from vega-scenegraph) but missing from its typings.
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } })
    .textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
    return textWidth(text == null ? '' : String(text).trim(), size, bold);
  };
}

/** The schema of the Vega-Lite installed, not of an older major the specs were once written for. */
export const VEGA_LITE_SCHEMA = `https://vega.github.io/schema/vega-lite/v${vegaLiteVersion.split('.')[0]}.json`;

/** Fonts from the reader's system: nothing is fetched. */
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

const CONFIG = {
  background: 'white',
  font: FONT,
  padding: 8,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    labelLimit: 360,
    titleFontWeight: 'normal' as const,
    labelColor: '#333',
    titleColor: '#333',
  },
  axisY: { labelExpr: "split(datum.label, '\\n')" },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    labelLimit: 240,
    orient: 'bottom' as const,
    direction: 'horizontal' as const,
  },
  title: { fontSize: 13, anchor: 'start' as const, color: '#222', subtitleColor: '#555', subtitleFontSize: 11 },
};

type Values = unknown[];
type SpecNode = unknown;

/** Replaces each inline `data: { values }` with a named source, so specs that differ only in data compare equal. */
function separateData(spec: SpecNode): { shape: SpecNode; data: Values[] } {
  const data: Values[] = [];
  const walk = (node: SpecNode): SpecNode => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, SpecNode> = {};
    for (const [key, value] of Object.entries(node)) {
      const values =
        key === 'data' && value !== null && typeof value === 'object'
          ? (value as { values?: Values }).values
          : undefined;
      if (values !== undefined) {
        out[key] = { name: `chart_values_${data.length}` };
        data.push(values);
      } else out[key] = walk(value);
    }
    return out;
  };
  return { shape: walk(spec), data };
}

const TITLE_PARTS = ['text', 'subtitle'] as const;

/**
 * The chart's title and subtitle become signals set at render time: titles often carry the
 * year's n, and would otherwise make every year's chart of a question a shape of its own.
 */
function separateTitle(spec: TopLevelSpec): { spec: TopLevelSpec; signals: Record<string, unknown> } {
  const title = spec.title;
  if (title === undefined || typeof title !== 'object' || Array.isArray(title)) return { spec, signals: {} };
  const signals: Record<string, unknown> = {};
  const general: Record<string, unknown> = { ...title };
  for (const part of TITLE_PARTS) {
    const value = general[part];
    if (typeof value !== 'string' && !Array.isArray(value)) continue;
    signals[`chart_title_${part}`] = value;
    general[part] = { expr: `chart_title_${part}` };
  }
  const params = [
    ...('params' in spec && Array.isArray(spec.params) ? spec.params : []),
    ...Object.keys(signals).map((name) => ({ name, value: '' })),
  ];
  return { spec: { ...spec, title: general, params } as unknown as TopLevelSpec, signals };
}

/**
 * The spec with Unicode's line and paragraph separators as spaces: Vega-Lite writes labels of
 * a sort order or a domain into Vega expressions, whose parser stops at either. Data values
 * are not expressions and keep them.
 */
function expressionSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/[\u2028\u2029]/g, ' ')) as T;
}

export interface Renderer {
  /** The chart as SVG: the spec with the shared config and schema, laid out and drawn headless. */
  svg(spec: TopLevelSpec): Promise<string>;
}

/**
 * A renderer for one build. Charts of one shape (the same question every year, the same
 * funnel for each year) are compiled and parsed once, more than half the cost of a chart,
 * then fed each chart's data. No canvas, no DOM, no fonts loaded: the same spec gives the
 * same bytes on every machine.
 */
export function createRenderer(): Renderer {
  useFontMetrics();
  const runtimes = new Map<string, vega.Runtime>();
  // One chart at a time, in the order asked, however many are asked for at once.
  let queue: Promise<unknown> = Promise.resolve();
  const draw = async (spec: TopLevelSpec): Promise<string> => {
    const { spec: general, signals } = separateTitle(spec);
    const full = { $schema: VEGA_LITE_SCHEMA, ...general, config: { ...CONFIG, ...(spec.config ?? {}) } };
    const { shape: given, data } = separateData(full);
    const shape = expressionSafe(given);
    const key = JSON.stringify(shape);
    let runtime = runtimes.get(key);
    if (!runtime) {
      runtime = vega.parse(compile(shape as TopLevelSpec).spec);
      runtimes.set(key, runtime);
    }
    const view = new vega.View(runtime, { renderer: 'none' });
    data.forEach((values, i) => void view.data(`chart_values_${i}`, values as object[]));
    for (const [name, value] of Object.entries(signals)) view.signal(name, value);
    const svg = await view.toSVG();
    view.finalize();
    return `${svg}\n`;
  };
  return {
    svg(spec) {
      const result = queue.then(() => draw(spec));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
