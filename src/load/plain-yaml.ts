import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/**
 * A fast reader for frontmatter that uses none of YAML's rarer features. js-yaml reads a
 * thousand frontmatters four to five times faster than the `yaml` package, which stays the
 * reader of record: it gives the error messages and the positions, and reads anything this
 * one declines. The two must agree on every value, so the scalar types here are the YAML 1.2
 * core schema exactly as `yaml` resolves them (js-yaml's own core also takes `0b101`, `-0x1F`
 * and `_` separators), and a test holds them to the same data.
 */
const core = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', [/^(?:~|[Nn]ull|NULL)?$/], () => null),
    scalar('bool', [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/], (s) => s[0] === 't' || s[0] === 'T'),
    scalar('int', [/^0o[0-7]+$/, /^[-+]?[0-9]+$/, /^0x[0-9a-fA-F]+$/], (s) =>
      s.startsWith('0o')
        ? Number.parseInt(s.slice(2), 8)
        : s.startsWith('0x')
          ? Number.parseInt(s.slice(2), 16)
          : Number.parseInt(s, 10),
    ),
    scalar(
      'float',
      [
        /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
        /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      ],
      (s) =>
        /nan$/i.test(s)
          ? Number.NaN
          : /inf$/i.test(s)
            ? s[0] === '-'
              ? Number.NEGATIVE_INFINITY
              : Number.POSITIVE_INFINITY
            : Number.parseFloat(s),
    ),
  ],
});

/** One type per tag: js-yaml keeps only the last of several types with the same tag. */
function scalar(name: string, tests: RegExp[], construct: (s: string) => unknown): Type {
  return new Type(`tag:yaml.org,2002:${name}`, {
    kind: 'scalar',
    resolve: (s: string | null) => tests.some((t) => t.test(s ?? '')),
    construct: (s: string | null) => construct(s ?? ''),
  });
}

/**
 * Anchors, aliases, tags, merge keys, directives, explicit keys, flow and null keys
 * are read by the `yaml` package alone, which bounds aliases and reports them at their place.
 */
const RARE =
  /(?:^|[\s[{,])[&*!]\S|^%|<<|^[ \t]*\?|^[ \t]*[[{][^\n]*[\]}][ \t]*:|^[ \t-]*(?:(?:~|[Nn]ull|NULL)[ \t]*)?:/m;

export type PlainYaml = { ok: true; value: unknown } | { ok: false };

/**
 * The value of frontmatter without rare features and without errors; otherwise not ok, for `yaml` to read and report.
 */
export function readPlainYaml(text: string): PlainYaml {
  if (RARE.test(text)) return { ok: false };
  try {
    return { ok: true, value: load(text, { schema: core }) };
  } catch {
    return { ok: false };
  }
}
