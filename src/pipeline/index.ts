import { type LoadFinding, loadDocuments, type Overrides } from '../load/documents.js';
import { Lookup } from '../model/lookup.js';
import type { Repository } from '../model/repository.js';
import { runRules, type Diagnostic } from '../rules/index.js';
import { type SchemaFinding, toRepository } from '../schema/index.js';

export interface Validation {
  repo: Repository;
  lookup: Lookup;
  /** Every problem, in a stable order. */
  diagnostics: Diagnostic[];
}

/**
 * A repository read and typed, not yet checked. The parsed documents themselves are not kept: the typed model holds
 * what the checks, metrics and reports read, and a large repository's raw values would double its memory.
 */
export interface LoadedRepository {
  repo: Repository;
  lookup: Lookup;
  loadFindings: LoadFinding[];
  schemaFindings: SchemaFinding[];
}

/**
 * The data's one way through the toolchain up to the checks: files → parsed documents
 * (load) → the typed repository (schema) → every rule (rules). Metrics and reports
 * start from what this returns; the narrative's figures are checked against them, so the
 * pipeline lends the rules that check (it stands after the reports for that alone).
 */
export async function validateRepository(root: string, overrides: Overrides = {}): Promise<Validation> {
  return checkRepository(await loadRepository(root, overrides));
}

/** The first two stages: files → parsed documents → the typed repository. */
export async function loadRepository(root: string, overrides: Overrides = {}): Promise<LoadedRepository> {
  const docs = await loadDocuments(root, overrides);
  const { repo, findings } = toRepository(docs);
  return { repo, lookup: new Lookup(repo), loadFindings: docs.findings, schemaFindings: findings };
}

/** Whether the files were read and typed without a finding: the rules may still find problems. */
export const readCleanly = (loaded: LoadedRepository): boolean =>
  loaded.loadFindings.length === 0 && loaded.schemaFindings.length === 0;

/** The last stage: every rule. */
export async function checkRepository(loaded: LoadedRepository): Promise<Validation> {
  const { repo, loadFindings, schemaFindings, lookup } = loaded;
  // The metrics and the reports' sections are loaded only for a repository that has a narrative to check.
  const later =
    repo.narratives.length > 0
      ? { narrativeChecks: (await import('../reports/narrative-checks.js')).narrativeChecks }
      : {};
  const { diagnostics } = await runRules(repo, loadFindings, schemaFindings, later, lookup);
  return { repo, lookup, diagnostics };
}
