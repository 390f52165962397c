import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface OutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

/** Headings compared as the PDF's outline keeps them: Chromium drops the spaces where a heading wrapped. */
const squeeze = (s: string) => s.replace(/\s+/gu, '');

/**
 * The page on which each heading of `titles` starts in a PDF, read from the bookmarks Chromium writes for its
 * headings (the first bookmark of that title not yet used, in order), so that the contents page can print them.
 * A heading with no bookmark is left out of the map.
 */
export async function headingPages(pdf: Uint8Array, titles: readonly string[]): Promise<Map<string, number>> {
  const doc = await getDocument({ data: pdf, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const flat: Array<{ title: string; page: number }> = [];
    const walk = async (items: readonly OutlineItem[]): Promise<void> => {
      for (const item of items) {
        const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
        const ref = Array.isArray(dest) ? dest[0] : undefined;
        if (ref !== undefined && ref !== null && typeof ref === 'object')
          flat.push({ title: squeeze(item.title), page: (await doc.getPageIndex(ref as never)) + 1 });
        await walk(item.items ?? []);
      }
    };
    await walk(((await doc.getOutline()) ?? []) as OutlineItem[]);
    const pages = new Map<string, number>();
    let from = 0;
    for (const title of titles) {
      const at = flat.findIndex((f, i) => i >= from && f.title === squeeze(title));
      if (at < 0) continue;
      pages.set(title, flat[at]!.page);
      from = at + 1;
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
