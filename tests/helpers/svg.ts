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
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, trimValues: false });
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
        ? children.map((c) => ((c as Record<string, unknown>)['#text'] !== undefined ? String((c as Record<string, unknown>)['#text']) : '')).join('')
        : '';
      nodes.push({ tag, attrs, text });
      if (Array.isArray(children)) walk(children);
    }
  };
  walk(tree);
  const root = nodes.find((n) => n.tag === 'svg');
  if (!root) throw new Error('not an SVG');
  const decode = (s: string) => s.replace(/&#xA;/g, '\n').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'");
  return {
    width: Number(root.attrs['width']),
    height: Number(root.attrs['height']),
    marks: (role) => nodes.filter((n) => n.attrs['aria-roledescription'] === role).map((n) => decode(n.attrs['aria-label'] ?? '')),
    texts: nodes.filter((n) => (n.tag === 'text' || n.tag === 'tspan') && n.text.trim() !== '').map((n) => decode(n.text)),
    raw: svg,
  };
}
