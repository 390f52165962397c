import { referenceMarkdown } from './reference.js';
import { rulesMarkdown } from './rules.js';

/** The documentation a build writes from the toolchain itself, so that it can never drift from the validator. */
export function generatedDocs(): Map<string, string> {
  return new Map([
    ['docs/reference.md', referenceMarkdown()],
    ['docs/rules.md', rulesMarkdown()],
  ]);
}

/** Files under docs/ the build owns; the rest of docs/ (the data model, the metrics) is written by hand. */
export const GENERATED_DOCS: readonly RegExp[] = [/^docs\/(reference|rules)\.md$/];
