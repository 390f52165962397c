import type { Lookup } from '../model/lookup.js';
import { computeMetrics } from '../metrics/index.js';
import { annualReport } from './annual/index.js';
import { REPORTS, reportContext } from './context.js';
import { engagementReport } from './engagement.js';
import { indexPage } from './index-page.js';
import { yearOverYearReport } from './year-over-year.js';

/**
 * Every file under `reports/`, as root-relative path → content. Pure: no clock, no
 * locale, no file system, so the same data gives the same bytes everywhere.
 */
export function renderReports(lookup: Lookup): Map<string, string> {
  const metrics = computeMetrics(lookup);
  const ctx = reportContext(lookup, metrics);
  const files = new Map<string, string>();
  files.set(REPORTS.index, indexPage(ctx));
  for (const year of metrics.years) files.set(REPORTS.annual(year.year), annualReport(ctx, year));
  files.set(REPORTS.yearOverYear, yearOverYearReport(ctx));
  files.set(REPORTS.engagement, engagementReport(ctx));
  files.set(REPORTS.metrics, `${JSON.stringify(metrics, null, 2)}\n`);
  return files;
}
