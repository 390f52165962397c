import { XMLParser } from 'fast-xml-parser';

export interface SvgSummary {
  width: number;
  height: number;
  /** aria-labels of the marks of a role ("bar", "rect", …) in document order. */
  marks: (role: string) => string[];
  /** Every piece of text drawn (axis labels, titles, legends), lines of multi-line labels apart. */
  texts: string[];
  raw: string;
}

/** Parses an SVG as XML (it must be well formed) and collects what a reader would see. */
export function readSvg(svg: string): SvgSummary {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    trimValues: false,
  });
  const tree = parser.parse(svg) as unknown[];
  const nodes: Array<{ tag: string; attrs: Record<string, string>; text: string }> = [];
  const walk = (list: unknown[]): void => {
    for (const node of list) {
      const n = node as Record<string, unknown>;
      const tag = Object.keys(n).find((k) => k !== ':@');
      if (!tag) continue;
      const children = n[tag];
      const attrs = (n[':@'] ?? {}) as Record<string, string>;
      const text = Array.isArray(children)
        ? children
            .map((c) =>
              (c as Record<string, unknown>)['#text'] !== undefined
                ? String((c as Record<string, unknown>)['#text'])
                : '',
            )
            .join('')
        : '';
      nodes.push({ tag, attrs, text });
      if (Array.isArray(children)) walk(children);
    }
  };
  walk(tree);
  const root = nodes.find((n) => n.tag === 'svg');
  if (!root) throw new Error('not an SVG');
  const decode = (s: string) =>
    s
      .replace(/&#xA;/g, '\n')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&apos;/g, "'");
  return {
    width: Number(root.attrs['width']),
    height: Number(root.attrs['height']),
    marks: (role) =>
      nodes.filter((n) => n.attrs['aria-roledescription'] === role).map((n) => decode(n.attrs['aria-label'] ?? '')),
    texts: nodes
      .filter((n) => (n.tag === 'text' || n.tag === 'tspan') && n.text.trim() !== '')
      .map((n) => decode(n.text)),
    raw: svg,
  };
}

/** A piece of drawn text and the box it covers on the page, in SVG pixels. */
export interface TextBox {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Vega writes translate() and rotate() only. */
function parseTransform(attr: string | undefined): Matrix {
  let m = IDENTITY;
  for (const [, op, args] of (attr ?? '').matchAll(/(translate|rotate)\(([^)]*)\)/g)) {
    const [a = 0, b = 0] = args!.split(/[\s,]+/).map(Number);
    if (op === 'translate') m = multiply(m, [1, 0, 0, 1, a, b]);
    else {
      const r = (a * Math.PI) / 180;
      m = multiply(m, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0]);
    }
  }
  return m;
}

/**
 * Where every text of an SVG lands, measured with the same advance widths the renderer
 * lays labels out with, so that a test can say a label is cut or overlaps another.
 * Ascent and descent are taken as 0.75 and 0.25 of the font size, Helvetica's proportions.
 */
export function textBoxes(svg: string, width: (text: string, size: number, bold: boolean) => number): TextBox[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    preserveOrder: true,
    trimValues: false,
  });
  const boxes: TextBox[] = [];
  const place = (m: Matrix, text: string, attrs: Record<string, string>, dy: number) => {
    const size = Number.parseFloat(attrs['font-size'] ?? '11');
    const w = width(text, size, attrs['font-weight'] === 'bold');
    const anchor = attrs['text-anchor'] ?? 'start';
    const x0 = anchor === 'middle' ? -w / 2 : anchor === 'end' ? -w : 0;
    const corners = [
      [x0, dy - 0.75 * size],
      [x0 + w, dy - 0.75 * size],
      [x0, dy + 0.25 * size],
      [x0 + w, dy + 0.25 * size],
    ].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    boxes.push({ text, left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
  };
  const textOf = (children: unknown[]): string =>
    children.map((c) => String((c as Record<string, unknown>)['#text'] ?? '')).join('');
  const walk = (list: unknown[], m: Matrix): void => {
    for (const node of list) {
      const n = node as Record<string, unknown>;
      const tag = Object.keys(n).find((k) => k !== ':@');
      if (!tag) continue;
      const attrs = (n[':@'] ?? {}) as Record<string, string>;
      const children = (n[tag] ?? []) as unknown[];
      const here = multiply(m, parseTransform(attrs['transform']));
      if (tag === 'text') {
        const spans = children.filter((c) => 'tspan' in (c as object));
        if (spans.length === 0) {
          const t = textOf(children).trim();
          if (t) place(here, t, attrs, 0);
        }
        let dy = 0;
        for (const span of spans as Array<Record<string, unknown>>) {
          const spanAttrs = (span[':@'] ?? {}) as Record<string, string>;
          dy += Number(spanAttrs['dy'] ?? 0);
          const t = textOf(span['tspan'] as unknown[]).trim();
          if (t) place(here, t, attrs, dy);
        }
        continue;
      }
      walk(children, here);
    }
  };
  walk(parser.parse(svg) as unknown[], IDENTITY);
  return boxes;
}

/** Pairs of texts whose boxes overlap by more than a pixel each way. */
export function overlaps(boxes: readonly TextBox[]): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0 && y > 0) found.push([a.text, b.text]);
    }
  }
  return found;
}
