import { computeMetrics, figuresOf } from '../../metrics/index.js';
import { isAcademicYear } from '../../model/dates.js';
import { parseOptions, UsageError, type CommandIO } from '../io.js';
import { loadValid } from './load-valid.js';

export async function runMetrics(args: string[], root: string, io: CommandIO): Promise<number> {
  const opts = parseOptions(args, { year: { type: 'string' } });
  const year = opts.year as string | undefined;
  if (year !== undefined && !isAcademicYear(year)) throw new UsageError(`--year must be an academic year written like 2024-25, not "${year}"`);

  const valid = await loadValid(root, io);
  if (!valid) return 1;
  const metrics = figuresOf(computeMetrics(valid.lookup));
  if (year === undefined) {
    io.out(JSON.stringify(metrics, null, 2));
    return 0;
  }
  const one = metrics.years.find((y) => y.year === year);
  if (!one) {
    const known = metrics.years.map((y) => y.year).join(', ') || 'none';
    throw new UsageError(`the repository has no records for ${year} (its years: ${known})`);
  }
  io.out(JSON.stringify(one, null, 2));
  return 0;
}
