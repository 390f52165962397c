import { referenceMarkdown } from './reference.js';
import { metricsFieldsMarkdown } from './metrics-fields.js';
import { narrativeMarkdown } from './narrative.js';
import { rulesMarkdown } from './rules.js';

/** The documentation a build writes from the toolchain itself, so that it can never drift from the validator. */
export function generatedDocs(): Map<string, string> {
  return new Map([
    ['docs/reference.md', referenceMarkdown()],
    ['docs/rules.md', rulesMarkdown()],
    ['docs/metrics-fields.md', metricsFieldsMarkdown()],
    ['docs/narrative.md', narrativeMarkdown()],
  ]);
}
