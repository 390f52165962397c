import { loadDocuments, type Overrides } from '../load/documents.js';
import type { Lookup } from '../model/lookup.js';
import type { Repository } from '../model/repository.js';
import { runRules, type Diagnostic } from '../rules/index.js';
import { toRepository } from '../schema/index.js';

export interface Validation {
  repo: Repository;
  lookup: Lookup;
  /** Every problem, in a stable order. */
  diagnostics: Diagnostic[];
}

/**
 * The data's one way through the toolchain up to the checks: files → parsed documents
 * (load) → the typed repository (schema) → every rule (rules). Metrics and reports
 * start from what this returns; the narrative's figures are checked against them, so the
 * pipeline lends the rules that check (it stands after the reports for that alone).
 */
export async function validateRepository(root: string, overrides: Overrides = {}): Promise<Validation> {
  const docs = await loadDocuments(root, overrides);
  const { repo, findings } = toRepository(docs);
  // The metrics and the reports' sections are loaded only for a repository that has a narrative to check.
  const later =
    repo.narratives.length > 0
      ? { narrativeChecks: (await import('../reports/narrative-checks.js')).narrativeChecks }
      : {};
  const { diagnostics, lookup } = await runRules(repo, docs.findings, findings, later);
  return { repo, lookup, diagnostics };
}
