import { code, richTable, root, toMarkdown, type Inline } from '../format/markdown.js';
import type { Rule } from './define.js';
import { RULES } from './index.js';

/** The message a rule's first breaking example shows, without its place. */
function exampleMessage(rule: Rule): string {
  const shown = rule.examples.find((e) => e.expect.length > 0)?.expect[0] ?? '';
  return shown.replace(/^\S+:\d+:\d+ /, '');
}

/** `a \`---\` block` → text and inline code, as the summary's backticks mean. */
function withCode(text: string): Inline[] {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part) : part))
    .filter((p) => p !== '');
}

/** The README's rule table, made from the rules themselves so that it cannot drift from them. */
export function ruleTable(rules: readonly Rule[] = RULES): string {
  return toMarkdown(
    root([
      richTable(
        [{ header: 'rule' }, { header: 'severity' }, { header: 'reported when' }, { header: 'for example' }],
        rules.map((r) => [[code(r.id)], [`${r.severity}${r.fixed ? '' : ' (configurable)'}`], withCode(r.summary), [exampleMessage(r)]]),
      ),
    ]),
  );
}
