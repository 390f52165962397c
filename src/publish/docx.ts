import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Heading, List, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import { toString as plainText } from 'mdast-util-to-string';
import { schemeOf } from '../format/links.js';
import type { Cover } from './site.js';

/** A chart drawn as a PNG for Word, which reads no SVG without a fallback: its pixels and its size as displayed. */
export interface ChartImage {
  png: Uint8Array;
  /** CSS pixels, as on the site. */
  width: number;
  height: number;
}

/** The width of an A4 page's text at Word's default margins, in CSS pixels: wider charts are scaled to fit. */
const TEXT_WIDTH = 600;
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

interface Style {
  bold?: boolean;
  italics?: boolean;
  code?: boolean;
}

/** Inline Markdown as Word runs: bold, italics, code, and links only to the web or e-mail. */
function runs(nodes: readonly PhrasingContent[], style: Style = {}): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push(
          new TextRun({
            text: node.value,
            bold: style.bold,
            italics: style.italics,
            ...(style.code ? { font: 'Consolas' } : {}),
          }),
        );
        break;
      case 'strong':
        out.push(...runs(node.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(node.children, { ...style, italics: true }));
        break;
      case 'inlineCode':
        out.push(new TextRun({ text: node.value, font: 'Consolas', bold: style.bold, italics: style.italics }));
        break;
      case 'break':
        out.push(new TextRun({ text: '', break: 1 }));
        break;
      case 'link': {
        const scheme = schemeOf(node.url);
        const text = runs(node.children, style);
        if (scheme === 'http' || scheme === 'https' || scheme === 'mailto')
          out.push(
            new ExternalHyperlink({
              link: node.url,
              children: [new TextRun({ text: plainText(node), style: 'Hyperlink', bold: style.bold })],
            }),
          );
        // A link within the site (another report, a heading) is its text in a document of its own.
        else out.push(...text);
        break;
      }
      default:
        // Images are blocks of their own (see `blocks`); anything else prints as its text.
        if (node.type !== 'image') out.push(new TextRun({ text: plainText(node), ...style }));
    }
  }
  return out;
}

type Block = Paragraph | Table;

function table(node: MdTable): Table {
  const rows = node.children.map(
    (row, r) =>
      new TableRow({
        tableHeader: r === 0,
        cantSplit: true,
        children: row.children.map(
          (cell, c) =>
            new TableCell({
              children: [
                new Paragraph({
                  children: runs(cell.children, { bold: r === 0 || c === 0 }),
                  alignment: node.align?.[c] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                }),
              ],
            }),
        ),
      }),
  );
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** A block of Markdown as Word paragraphs and tables; a list's items at their depth. */
function blocks(node: RootContent, charts: ReadonlyMap<string, ChartImage>, depth = 0): Block[] {
  switch (node.type) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[Math.min(node.depth, 6) - 1], children: runs(node.children) })];
    case 'paragraph': {
      const images = node.children.filter((c) => c.type === 'image');
      if (images.length === 1 && node.children.every((c) => c.type === 'image' || plainText(c).trim() === '')) {
        const image = images[0]!;
        const chart = charts.get(image.url);
        if (!chart) return [new Paragraph({ children: [new TextRun({ text: image.alt ?? '', italics: true })] })];
        const scale = Math.min(1, TEXT_WIDTH / chart.width);
        return [
          new Paragraph({
            keepNext: false,
            children: [
              new ImageRun({
                type: 'png',
                data: chart.png,
                transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
                altText: { name: image.url, title: image.alt?.split(':')[0] ?? 'Chart', description: image.alt ?? '' },
              }),
            ],
          }),
        ];
      }
      return [new Paragraph({ children: runs(node.children) })];
    }
    case 'list':
      return listBlocks(node, charts, depth);
    case 'table':
      return [table(node), new Paragraph({ children: [] })];
    case 'blockquote':
      return node.children.flatMap((c) =>
        c.type === 'paragraph'
          ? [new Paragraph({ indent: { left: 567 }, children: runs(c.children, { italics: true }) })]
          : blocks(c, charts, depth),
      );
    case 'code':
      return node.value
        .split('\n')
        .map((line) => new Paragraph({ children: [new TextRun({ text: line, font: 'Consolas' })] }));
    default:
      // Raw HTML, definitions and rules carry nothing a reader of the document needs.
      return [];
  }
}

function listBlocks(list: List, charts: ReadonlyMap<string, ChartImage>, depth: number): Block[] {
  const out: Block[] = [];
  for (const item of list.children) {
    item.children.forEach((child, i) => {
      if (i === 0 && child.type === 'paragraph')
        out.push(
          new Paragraph({
            children: runs(child.children),
            ...(list.ordered
              ? { numbering: { reference: 'ordered', level: Math.min(depth, 8) } }
              : { bullet: { level: Math.min(depth, 8) } }),
          }),
        );
      else if (child.type === 'list') out.push(...listBlocks(child, charts, depth + 1));
      else out.push(...blocks(child, charts, depth + 1));
    });
  }
  return out;
}

const isNote = (node: RootContent) =>
  node.type === 'paragraph' &&
  Array.isArray((node.data as { hProperties?: { className?: unknown } } | undefined)?.hProperties?.className) &&
  (node.data as { hProperties: { className: string[] } }).hProperties.className.includes('note');

/**
 * A report as a Word document, for a committee that works in Word: a cover page, the contents (Word fills in
 * the page numbers when it updates the field), headings as Word's headings, tables as Word tables with their
 * header row repeated, and the charts as images with their alt text. `tree` is the report as published.
 */
export async function reportDocx(tree: Root, cover: Cover, charts: ReadonlyMap<string, ChartImage>): Promise<Buffer> {
  // The report's own title is the cover's; the note on how it is made is for the repository's readers.
  const content = tree.children.filter((n, i) => !(i === 0 && n.type === 'heading' && (n as Heading).depth === 1));
  const body = content.filter((n) => !isNote(n)).flatMap((n) => blocks(n, charts));
  const line = (label: string, value: string | undefined) =>
    value ? [new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })] : [];
  const coverPage = [
    new Paragraph({ children: [new TextRun({ text: cover.community, size: 28, color: '59636E' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
    new Paragraph({ children: [new TextRun({ text: `Academic year ${cover.year}`, size: 28, color: '59636E' })] }),
    ...line('Prepared by', cover.authors),
    ...line('Institution', cover.institution),
    ...line('Approved', cover.approved),
    ...line('Figures as of', `${cover.asOf}, the latest record`),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '2-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const doc = new Document({
    title: cover.title,
    creator: cover.authors ?? cover.community,
    description: `${cover.title}, ${cover.community}, ${cover.institution}`,
    features: { updateFields: true },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `Annual report ${cover.year} · page `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: [...coverPage, ...body],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
