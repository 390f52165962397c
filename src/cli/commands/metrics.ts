import { computeMetrics, figuresOf } from '../../metrics/index.js';
import { isAcademicYear } from '../../model/dates.js';
import { defineCommand } from '../command.js';
import { UsageError } from '../io.js';
import { loadValid } from './load-valid.js';

export default defineCommand({
  name: 'metrics',
  summary: 'print the analytics as JSON: one year, or every year',
  options: { year: { type: 'string', value: '<YYYY-YY>', description: 'one academic year, for example 2024-25' } },
  async run({ options: opts, root, io }) {
    const year = opts.year as string | undefined;
    if (year !== undefined && !isAcademicYear(year))
      throw new UsageError(`--year must be an academic year written like 2024-25, not "${year}"`);

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
  },
});
