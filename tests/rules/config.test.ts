import { describe, expect, it } from 'vitest';
import { MULTI_YEAR, replaceOnce, validate } from '../helpers/repo.js';

const COMMUNITY = 'data/community.json';
const EXCHANGE = 'minutes/2024-25/2025-02-11-learning-exchange.md';
const withRules = (rules: string) => replaceOnce('"team": [', `"rules": ${rules},\n  "team": [`);
const aName = (t: string) => `${t}- Sarah Jones, a second-year, missed three meetings.\n`;

describe('a community\'s own severities ("rules" in data/community.json)', () => {
  it('turns a rule off', async () => {
    expect((await validate(MULTI_YEAR, { [EXCHANGE]: aName })).some((d) => d.rule === 'personal-name')).toBe(true);
    const off = await validate(MULTI_YEAR, { [EXCHANGE]: aName, [COMMUNITY]: withRules('{ "personal-name": "off" }') });
    expect(off.filter((d) => d.rule === 'personal-name')).toEqual([]);
  });

  it('raises a warning to an error', async () => {
    const d = await validate(MULTI_YEAR, { [COMMUNITY]: withRules('{ "renamed-unit": "error" }') });
    expect(d.filter((x) => x.rule === 'renamed-unit').map((x) => [x.file, x.line, x.severity])).toEqual([
      ['data/members.json', 4, 'error'],
    ]);
  });

  it('reports an unknown rule id at its line, with the id meant', async () => {
    const d = await validate(MULTI_YEAR, { [COMMUNITY]: withRules('{ "personal-names": "off" }') });
    expect(d.filter((x) => x.severity === 'error').map((x) => [x.file, x.line, x.rule, x.message])).toEqual([
      [COMMUNITY, 14, 'unknown-field', 'unknown rule "personal-names": Did you mean "personal-name"?'],
    ]);
  });

  it('keeps a rule that makes files uncheckable an error, and a level outside the three a schema problem', async () => {
    const d = await validate(MULTI_YEAR, { [COMMUNITY]: withRules('{ "syntax": "off", "quote": "never" }') });
    expect(d.filter((x) => x.severity === 'error').map((x) => [x.line, x.rule])).toEqual([[14, 'schema']]);
    const fixed = await validate(MULTI_YEAR, { [COMMUNITY]: withRules('{ "syntax": "off" }') });
    expect(fixed.filter((x) => x.severity === 'error').map((x) => [x.line, x.rule, x.message])).toEqual([
      [14, 'schema', 'the rule "syntax" cannot be set to "off": a file with this problem cannot be checked at all'],
    ]);
  });
});
