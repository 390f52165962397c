import { describe, expect, it } from 'vitest';
import { parseMarkdownWithFrontmatter } from '../../src/load/frontmatter.js';
import { parseJson } from '../../src/load/json-document.js';
import { decodeUtf8 } from '../../src/load/text-file.js';

describe('frontmatter positions', () => {
  const lf =
    '---\ntitle: Foundation setting\ndate: 2024-10-15\nattendees: [m01, m03, m04]\nguests:\n  - institution: ' +
    'UCL\n    count: 2\n---\n\n## Summary\n';

  it('points at a list entry, a nested value and its key', () => {
    const parsed = parseMarkdownWithFrontmatter(lf);
    if (!parsed.ok) throw new Error('expected to parse');
    expect(parsed.locator.at(['attendees', 2])).toEqual({ line: 4, column: 23 });
    expect(parsed.locator.at(['guests', 0, 'count'])).toEqual({ line: 7, column: 12 });
    expect(parsed.locator.at(['guests', 0, 'count'], 'key')).toEqual({ line: 7, column: 5 });
    expect(parsed.bodyLine).toBe(9);
  });

  it('gives the same lines with Windows line endings', () => {
    const parsed = parseMarkdownWithFrontmatter(lf.replace(/\n/g, '\r\n'));
    if (!parsed.ok) throw new Error('expected to parse');
    expect(parsed.locator.at(['attendees', 2])).toEqual({ line: 4, column: 23 });
    expect(parsed.locator.at(['guests', 0, 'count'])).toEqual({ line: 7, column: 12 });
  });

  it('reads quoted and bare dates alike, as text', () => {
    const bare = parseMarkdownWithFrontmatter('---\ndate: 2024-10-15\n---\n');
    const quoted = parseMarkdownWithFrontmatter('---\ndate: "2024-10-15"\n---\n');
    expect(bare.ok && bare.data).toEqual({ date: '2024-10-15' });
    expect(quoted.ok && quoted.data).toEqual({ date: '2024-10-15' });
  });

  it('keeps positions after a byte-order mark', () => {
    const decoded = decodeUtf8(new TextEncoder().encode('\uFEFF---\ntitle: X\n---\n'));
    if (!decoded.ok) throw new Error('expected to decode');
    const parsed = parseMarkdownWithFrontmatter(decoded.text);
    if (!parsed.ok) throw new Error('expected to parse');
    expect(parsed.locator.at(['title'])).toEqual({ line: 2, column: 8 });
  });

  it('reports a duplicated key as a syntax problem at its line', () => {
    const parsed = parseMarkdownWithFrontmatter('---\ntitle: A\ndate: 2024-10-15\ntitle: B\n---\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ line: 4 });
  });
});

describe('JSON positions', () => {
  it('points at values and keys, and at the enclosing object for a missing field', () => {
    const parsed = parseJson('[\n  { "id": "m01",\n    "unit": "accounting" }\n]');
    if (!parsed.ok) throw new Error('expected to parse');
    expect(parsed.locator.at([0, 'unit'])).toEqual({ line: 3, column: 13 });
    expect(parsed.locator.at([0, 'unit'], 'key')).toEqual({ line: 3, column: 5 });
    expect(parsed.locator.at([0, 'joined'])).toEqual({ line: 2, column: 3 });
  });

  it('finds keys written twice in one object, however they are escaped, and nothing else', () => {
    const text = [
      '{',
      '  "id": "r01",',
      '  "note": "a text with \\"id\\": and { braces } and [ brackets ]",',
      '  "answers": { "q1": "x", "q2": { "q1": "same key, another object" } },',
      '  "list": [ { "id": 1 }, { "id": 2 } ],',
      '  "\\u0069d": "r02"',
      '}',
    ].join('\n');
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error('expected to parse');
    expect(parsed.duplicateKeys).toEqual([{ key: 'id', position: { line: 6, column: 3 } }]);
  });

  it('reports the first syntax error only, at its line', () => {
    const parsed = parseJson('{\n  "a": 1,\n  "b": 2,\n}\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems).toHaveLength(1);
      // At the comma to remove, not at the "}" where the parser noticed.
      expect(parsed.problems[0]).toMatchObject({
        line: 3,
        column: 9,
        message: expect.stringMatching(/comma after the last entry/),
      });
    }
  });

  it('rejects text that is not UTF-8 and files that are empty', () => {
    expect(decodeUtf8(Uint8Array.from([0x7b, 0xff, 0x7d]))).toEqual({ ok: false, problem: 'encoding' });
    expect(decodeUtf8(new TextEncoder().encode('  \n'))).toEqual({ ok: false, problem: 'empty' });
  });
});
