/**
 * The schemes a published link may have: the web and e-mail. Anything else (javascript:, data:, file:) could run or
 * reach the reader's machine.
 */
const SAFE_SCHEME = /^(?:https?|mailto):/i;

/**
 * A URL's scheme, as a browser reads it: control characters and spaces before it are skipped, tabs and line breaks in
 * it dropped.
 */
export function schemeOf(url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a browser strips them before it reads the scheme.
  const cleaned = url.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * A link a member may be given: a web or e-mail address, or a relative address inside the repository (an anchor
 * included).
 */
export function isSafeLink(url: string): boolean {
  const scheme = schemeOf(url);
  if (scheme !== undefined) return SAFE_SCHEME.test(`${scheme}:`);
  // `//host/…` is another server, reached by the page's own scheme.
  return !/^[\s\\/]*[\\/][\\/]/.test(url);
}
