import { compareStrings } from '../format/compare.js';
import { LineIndex } from '../model/line-index.js';

/** A repository file as text, by its root-relative path. */
export type Files = ReadonlyMap<string, string>;

export interface ForgetPlan {
  pseudonym: string;
  /** New text of each file that changes, and how many times the name was replaced in it. */
  changes: Map<string, { text: string; replaced: number }>;
  /** Lines that mention part of the name (a first name, a surname), for a person to check. */
  partial: Array<{ file: string; line: number; column: number; word: string }>;
}

export function pseudonymFor(memberId: string): string {
  return `Former member ${memberId}`;
}

/**
 * Replaces a member's name by a pseudonym in every file, ids and figures unchanged. Only
 * the exact full name is replaced; parts of it are listed, since "Sam" may be someone else.
 */
export function planForget(files: Files, name: string, memberId: string): ForgetPlan {
  const pseudonym = pseudonymFor(memberId);
  const changes = new Map<string, { text: string; replaced: number }>();
  const partial: ForgetPlan['partial'] = [];
  const forms = [...new Set([name, JSON.stringify(name).slice(1, -1)])];
  const words = name.split(/\s+/).filter((w) => w.length >= 3);
  const wordPattern =
    words.length > 0 ? new RegExp(`(?<![\\p{L}])(${words.map(escapeRegExp).join('|')})(?![\\p{L}])`, 'gu') : undefined;

  for (const [file, text] of [...files].sort(([a], [b]) => compareStrings(a, b))) {
    let replaced = 0;
    let next = text;
    for (const form of forms) {
      const parts = next.split(form);
      replaced += parts.length - 1;
      next = parts.join(pseudonym);
    }
    if (replaced > 0) changes.set(file, { text: next, replaced });
    if (wordPattern) {
      const lines = new LineIndex(next);
      for (const m of next.matchAll(wordPattern)) partial.push({ file, ...lines.position(m.index), word: m[0] });
    }
  }
  return { pseudonym, changes, partial };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
