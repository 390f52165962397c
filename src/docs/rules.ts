import type { RootContent } from 'mdast';
import {
  code,
  emphasis,
  heading,
  list,
  paragraph,
  richTable,
  root,
  toMarkdown,
  type Inline,
} from '../format/markdown.js';
import type { Rule } from '../rules/define.js';
import { RULES } from '../rules/index.js';

/** `a \`---\` block` → text and inline code, as the summary's backticks mean. */
function withCode(text: string): Inline[] {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : part))
    .filter((p) => p !== '');
}

/** The message a rule's first breaking example shows, without its place. */
function exampleMessage(rule: Rule): string {
  const shown = rule.examples.find((e) => e.expect.length > 0)?.expect[0] ?? '';
  return shown.replace(/^\S+:\d+:\d+ /, '');
}

/**
 * Each record that breaks the rule, and what validation says of it, from the rule's own examples (which are its test).
 */
function examples(rule: Rule): RootContent[] {
  const breaking = rule.examples.filter((e) => e.expect.length > 0);
  if (breaking.length === 0) return [];
  return [
    list(
      breaking.map((e) => {
        const shown = e.expect.map((line) => {
          const m = /^(\S+:\d+:\d+) (.*)$/.exec(line);
          return m ? [code(m[1]!), ' ', m[2]!] : [line];
        });
        return [emphasis(e.title), ': ', ...shown.flatMap((s, i) => (i === 0 ? s : ['; ', ...s]))];
      }),
    ),
  ];
}

/**
 * `docs/rules.md`: every rule of the validator, made from the rules themselves (their
 * summaries and their examples, which are their tests), so that it cannot drift from them.
 */
export function rulesMarkdown(rules: readonly Rule[] = RULES): string {
  const children: RootContent[] = [
    heading(1, 'Rules'),
    paragraph(
      'Generated from the validator’s rules (',
      code('npm run build'),
      ' writes it; do not edit by hand). Every problem ',
      code('cop validate'),
      ' reports names its rule in brackets after the message, at the file, line and column to fix. A community ' +
        'sets its own severities in ',
      code('data/community.json'),
      ': ',
      code('"rules": { "personal-name": "off", "renamed-unit": "error" }'),
      '. Rules marked configurable can be set to error, warning or off; the others report files that cannot be ' +
        'checked at all and stay errors. Warnings fail only with ',
      code('--strict'),
      '.',
    ),
    richTable(
      [{ header: 'rule' }, { header: 'severity' }, { header: 'reported when' }, { header: 'for example' }],
      rules.map((r) => [
        [code(r.id)],
        [`${r.severity}${r.alwaysError ? '' : ' (configurable)'}`],
        withCode(r.summary),
        [exampleMessage(r)],
      ]),
    ),
  ];
  for (const rule of rules) {
    children.push(
      heading(2, code(rule.id)),
      paragraph(
        `${rule.severity === 'error' ? 'An error' : 'A warning'}` +
          `${rule.alwaysError ? ', always' : ' by default (configurable)'}: `,
        ...withCode(rule.summary),
        '.',
      ),
      ...examples(rule),
    );
  }
  return toMarkdown(root(children));
}
