import { readFile } from 'node:fs/promises';

export type Decoded = { ok: true; text: string } | { ok: false; problem: 'encoding' | 'empty' | 'repeated-bom' };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a file strictly as UTF-8 (a Word or Excel export in another encoding must not pass as garbage). */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: 'encoding' };
  }
  // The decoder drops one byte-order mark; a second is left in the text, where a parser would take it for a space.
  if (text.startsWith('\uFEFF')) return { ok: false, problem: 'repeated-bom' };
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  return { ok: true, text };
}

export async function readTextFile(path: string): Promise<Decoded> {
  return decodeUtf8(await readFile(path));
}
