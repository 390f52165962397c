import { validateRepository } from '../../src/pipeline/index.js';
import { computeMetrics } from '../../src/metrics/index.js';
import type { AllMetrics, YearMetrics } from '../../src/metrics/types.js';

export async function metricsOf(root: string): Promise<YearMetrics[]> {
  return (await allMetricsOf(root)).years;
}

export async function allMetricsOf(root: string): Promise<AllMetrics> {
  const { lookup, diagnostics } = await validateRepository(root);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    throw new Error(`fixture has errors: ${errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}`);
  return computeMetrics(lookup);
}
