import { slug } from 'github-slugger';

/**
 * A file name for a title, as GitHub slugs headings, kept to what an id allows: "Café: Welcome back!" →
 * "cafe-welcome-back".
 */
export function slugHint(title: string, fallback = 'session'): string {
  const ascii = slug(title.normalize('NFKD').replace(/\p{M}/gu, ''))
    .replace(/[^a-z0-9-]+/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return ascii || fallback;
}
