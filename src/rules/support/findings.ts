import type { LoadProblem } from '../../load/documents.js';
import type { SchemaProblem } from '../../schema/index.js';
import type { RuleContext } from '../define.js';

/** The check of a load-stage rule: what the loader found of its kind, at its place. */
export const reportLoadFindings =
  (problem: LoadProblem) =>
  ({ load, report }: RuleContext): void => {
    for (const f of load) if (f.problem === problem) report.at(f.file, f.position, f.message);
  };

/** The check of a schema-stage rule: what the schema stage found of its kind, at its value. */
export const reportSchemaFindings =
  (problem: SchemaProblem) =>
  ({ schema, report }: RuleContext): void => {
    for (const f of schema)
      if (f.problem === problem)
        report(f.source, f.path, f.message, { part: f.part, ...(f.expected ? { expected: f.expected } : {}) });
  };
