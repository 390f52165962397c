import type { DiagnosticCollector } from '../diagnostics/collector.js';
import type { Lookup } from '../model/lookup.js';
import type { Repository } from '../model/repository.js';

export interface CheckContext {
  repo: Repository;
  lookup: Lookup;
  out: DiagnosticCollector;
}

export type Check = (ctx: CheckContext) => void;
