import type { Lookup } from '../model/lookup.js';
import { metricsOf } from '../metrics/index.js';
import { ANNUAL_SECTIONS, annualReport } from './annual/index.js';
import { REPORTS, reportContext } from './context.js';
import { engagementReport } from './engagement.js';
import { indexPage } from './index-page.js';
import { yearOverYearReport } from './year-over-year/index.js';
import { createRenderer, type Renderer } from './charts/render.js';
import type { RenderedPage } from './page.js';
import type { Chart } from './charts/style.js';
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
export async function renderReports(
  lookup: Lookup,
  /** Who draws the charts: by default this thread, one chart after another. */
  renderer: Renderer = createRenderer(),
): Promise<Map<string, string>> {
  const metrics = metricsOf(lookup);
  const community = lookup.repo.community?.data;
  if (!community) throw new Error('reports need a valid data/community.json');
  const ctx = reportContext(community, metrics, lookup.repo.narratives);
  const figures = new Figures(ctx);
  const files = new Map<string, string>([[REPORTS.index, indexPage(ctx)]]);
  // Each chart is asked for as soon as a page embeds it, so that a renderer on another thread draws it while this one
  // writes the rest. Its place among the files is kept, for a build that lists them in the same order every time.
  const drawn: Array<Promise<unknown>> = [];
  const draw = ({ path, spec }: Chart) => {
    // Only the path is kept while the chart is drawn: a spec holds the chart's data.
    const svg = renderer.svg(spec).then((text) => files.set(path, text));
    // Told once, below, if it fails: not as an unhandled rejection while the next page is written.
    svg.catch(() => undefined);
    drawn.push(svg);
  };
  const add = (path: string, page: RenderedPage) => {
    files.set(path, page.markdown);
    for (const chart of page.charts) if (!files.has(chart.path)) files.set(chart.path, '');
  };
  for (const year of metrics.years) add(REPORTS.annual(year.year), annualReport(ctx, year, figures, draw));
  add(REPORTS.yearOverYear, yearOverYearReport(ctx, figures, draw));
  add(REPORTS.engagement, engagementReport(ctx, draw));
  files.set(REPORTS.metrics, `${JSON.stringify(publishedMetrics(metrics, ctx.privacy), null, 2)}\n`);
  if (metrics.calendar.length > 0) files.set(REPORTS.calendar, calendarFile(ctx));
  for (const [path, text] of editorSchemaFiles(community)) files.set(path, text);
  files.set(METRICS_SCHEMA, metricsSchemaText());
  // Last, so that this thread's own work is done while the charts are drawn.
  await Promise.all(drawn);
  return files;
}

/** `narrative/<year>/annual-report.md` to start from, for `new narrative`. */
export function annualNarrativeTemplate(community: Community, year: string): string {
  const ctx = reportContext(community, { years: [], units: [], cohorts: [], calendar: [] });
  return narrativeTemplate(ANNUAL_SECTIONS, ctx, `${community.name}: Annual Report ${year}`);
}
