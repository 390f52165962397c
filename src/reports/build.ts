import type { Lookup } from '../model/lookup.js';
import { computeMetrics } from '../metrics/index.js';
import { annualReport } from './annual/index.js';
import { REPORTS, reportContext } from './context.js';
import { engagementReport } from './engagement.js';
import { indexPage } from './index-page.js';
import { yearOverYearReport } from './year-over-year.js';
import { ChartRenderer } from './charts/chart-renderer.js';
import type { RenderedPage } from './page.js';

/**
 * Every file under `reports/`, as root-relative path → content. Pure: no clock, no
 * locale, no file system, so the same data gives the same bytes everywhere. A caller
 * may pass a chart renderer it started earlier, so the chart thread boots while the data
 * is still being validated; it is closed here either way.
 */
export async function renderReports(lookup: Lookup, charts: ChartRenderer = new ChartRenderer()): Promise<Map<string, string>> {
  try {
    const metrics = computeMetrics(lookup);
    const ctx = reportContext(lookup, metrics);
    const files = new Map<string, string>([[REPORTS.index, indexPage(ctx)]]);
    const svgs: Array<[string, Promise<string>]> = [];
    const pages: Array<[string, () => RenderedPage]> = [
      ...metrics.years.map((year) => [REPORTS.annual(year.year), () => annualReport(ctx, year)] as [string, () => RenderedPage]),
      [REPORTS.yearOverYear, () => yearOverYearReport(ctx)],
      [REPORTS.engagement, () => engagementReport(ctx)],
    ];
    for (const [path, write] of pages) {
      const page = write();
      files.set(path, page.markdown);
      // Charts are drawn on the other thread while the next page is written.
      for (const chart of page.charts) svgs.push([chart.path, charts.render(chart.spec)]);
    }
    await charts.finish();
    for (const [path, svg] of svgs) files.set(path, await svg);
    files.set(REPORTS.metrics, `${JSON.stringify(metrics, null, 2)}\n`);
    return files;
  } finally {
    await charts.close();
  }
}
