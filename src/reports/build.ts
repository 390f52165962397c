import type { Lookup } from '../model/lookup.js';
import { computeMetrics } from '../metrics/index.js';
import { ANNUAL_SECTIONS, annualReport } from './annual/index.js';
import { REPORTS, reportContext } from './context.js';
import { engagementReport } from './engagement.js';
import { indexPage } from './index-page.js';
import { yearOverYearReport } from './year-over-year/index.js';
import { createRenderer } from './charts/render.js';
import type { RenderedPage } from './page.js';
import { publishedMetrics } from './disclosure.js';
import { calendarFile } from './calendar.js';
import { metricsSchemaText } from './metrics-schema.js';
import { Figures, narrativeTemplate } from './narrative.js';
import type { Community } from '../model/community.js';
import { editorSchemaFiles } from '../model/json-schema.js';

/** The JSON Schema of reports/metrics.json. */
const METRICS_SCHEMA = 'schemas/metrics.schema.json';

/**
 * Every file under `reports/`, and the editor schemas under `schemas/`, as root-relative
 * path → content. Pure: no clock, no locale, no file system, so the same data gives the
 * same bytes everywhere.
 */
export async function renderReports(lookup: Lookup): Promise<Map<string, string>> {
  const renderer = createRenderer();
  const metrics = computeMetrics(lookup);
  const community = lookup.repo.community?.data;
  if (!community) throw new Error('reports need a valid data/community.json');
  const ctx = reportContext(community, metrics, lookup.repo.narratives);
  const figures = new Figures(ctx);
  const pages = new Map<string, RenderedPage>([
    ...metrics.years.map((year) => [REPORTS.annual(year.year), annualReport(ctx, year, figures)] as const),
    [REPORTS.yearOverYear, yearOverYearReport(ctx, figures)],
    [REPORTS.engagement, engagementReport(ctx)],
  ]);
  const files = new Map<string, string>([[REPORTS.index, indexPage(ctx)]]);
  for (const [path, page] of pages) {
    files.set(path, page.markdown);
    for (const chart of page.charts) files.set(chart.path, await renderer.svg(chart.spec));
  }
  files.set(REPORTS.metrics, `${JSON.stringify(publishedMetrics(metrics, ctx.privacy), null, 2)}\n`);
  if (metrics.calendar.length > 0) files.set(REPORTS.calendar, calendarFile(ctx));
  for (const [path, text] of editorSchemaFiles(community)) files.set(path, text);
  files.set(METRICS_SCHEMA, metricsSchemaText());
  return files;
}

/** `narrative/<year>/annual-report.md` to start from, for `new narrative`. */
export function annualNarrativeTemplate(community: Community, year: string): string {
  const ctx = reportContext(community, { years: [], units: [], cohorts: [], calendar: [] });
  return narrativeTemplate(ANNUAL_SECTIONS, ctx, `${community.name}: Annual Report ${year}`);
}
