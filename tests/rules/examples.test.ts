import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { examineExample } from '../helpers/examples.js';

/**
 * Every rule's own examples, run: the records that break it give exactly the problems
 * its documentation shows, at their file, line and column; the records that keep it give
 * none. (A rule's examples are its documentation and its test at once.)
 */
describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  it('has a record that breaks it and one that keeps it', () => {
    expect(rule.examples.some((e) => e.expect.length > 0)).toBe(true);
    expect(rule.examples.some((e) => e.expect.length === 0)).toBe(true);
  });

  it.each(rule.examples.map((e) => [e.title, e] as const))('%s', async (_title, example) => {
    expect(await examineExample(id, example)).toEqual(example.expect);
  });
});

it('runs the examples of every rule', () =>
  expect(RULES.flatMap((r) => r.examples).length).toBeGreaterThanOrEqual(RULES.length * 2));
