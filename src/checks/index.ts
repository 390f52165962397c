import { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadRepository } from '../load/repository.js';
import { Lookup } from '../model/lookup.js';
import type { Repository } from '../model/repository.js';
import type { Check } from './context.js';
import { checkMembershipDates } from './membership.js';
import { checkPlacement } from './placement.js';
import { checkPrivacy } from './privacy.js';
import { checkReferences } from './references.js';
import { checkSurveyAnswers } from './survey-answers.js';
import { checkUniqueIds } from './uniqueness.js';

/** Every rule that runs after the files are parsed; each reports into the same collector. */
export const CHECKS: readonly Check[] = [checkUniqueIds, checkReferences, checkMembershipDates, checkPlacement, checkSurveyAnswers, checkPrivacy];

export interface Validation {
  repo: Repository;
  lookup: Lookup;
  diagnostics: Diagnostic[];
}

/** Loads a community repository and runs every check, returning all problems in a stable order. */
export async function validateRepository(root: string): Promise<Validation> {
  const out = new DiagnosticCollector();
  const { repo } = await loadRepository(root, out);
  const lookup = runChecks(repo, out);
  return { repo, lookup, diagnostics: out.sorted() };
}

/** Runs every rule over a loaded repository (which a command may have edited in memory first). */
export function runChecks(repo: Repository, out: DiagnosticCollector): Lookup {
  const lookup = new Lookup(repo);
  for (const check of CHECKS) check({ repo, lookup, out });
  return lookup;
}
