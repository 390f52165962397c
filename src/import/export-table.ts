import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';

export type ExportFormat = 'qualtrics' | 'google-forms' | 'ms-forms';

/** A survey tool's export reduced to what the import keeps: answer columns and their cells. */
export interface ExportTable {
  format: ExportFormat;
  /** Answer columns only: metadata and identifiers are dropped here, never read further. */
  columns: Array<{ index: number; header: string; otherTextOf?: number }>;
  rows: Array<{ row: number; cells: string[]; finished: boolean }>;
  /** How the tool joins several choices in one cell. */
  separator: string;
  /** How many columns the header has: a longer row lost its alignment. */
  width: number;
  /** Whether the tool writes an "Other, please specify" answer as the typed text itself. */
  otherAsText: boolean;
}

export class ExportError extends Error {}

const QUALTRICS_METADATA = new Set([
  'StartDate', 'EndDate', 'Status', 'IPAddress', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId',
  'RecipientLastName', 'RecipientFirstName', 'RecipientEmail', 'ExternalReference', 'ExternalDataReference',
  'LocationLatitude', 'LocationLongitude', 'DistributionChannel', 'UserLanguage', 'Q_RecaptchaScore', 'Q_RelevantIDDuplicate',
]);
const GOOGLE_METADATA = new Set(['timestamp', 'email address', 'score']);
const MS_FORMS_METADATA = new Set(['id', 'start time', 'completion time', 'email', 'name', 'last modified time', 'total points', 'quiz feedback']);

/** Reads an export, recognising its format from its headers when `format` is auto. */
export async function readExport(bytes: Buffer, fileName: string, format: ExportFormat | 'auto'): Promise<ExportTable> {
  const isXlsx = fileName.toLowerCase().endsWith('.xlsx') || bytes.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx) {
    if (format !== 'auto' && format !== 'ms-forms') throw new ExportError(`${fileName} is an Excel file, not a ${format} CSV export`);
    const sheet = await readXlsxFile(bytes);
    const rows = (sheet[0]?.data ?? []).map((r) => r.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c))));
    return msForms(rows);
  }
  let records: string[][];
  try {
    records = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new ExportError(`${fileName} is not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`);
  }
  const detected: ExportFormat | undefined = records[2]?.[0]?.startsWith('{"ImportId"') ? 'qualtrics' : records[0]?.[0]?.trim().toLowerCase() === 'timestamp' ? 'google-forms' : undefined;
  const chosen = format === 'auto' ? detected : format;
  if (chosen === 'qualtrics') return qualtrics(records);
  if (chosen === 'google-forms') return googleForms(records);
  throw new ExportError(`${fileName}: the format could not be recognised from its headers. Give --format qualtrics, google-forms or ms-forms.`);
}

/** Qualtrics CSV "with choice text": column ids, question texts, ImportIds, then one row a response. */
function qualtrics(records: string[][]): ExportTable {
  const [ids = [], texts = []] = records;
  const finishedAt = ids.indexOf('Finished');
  const columns: ExportTable['columns'] = [];
  const choiceColumn = new Map<string, number>();
  ids.forEach((id, index) => {
    if (QUALTRICS_METADATA.has(id)) return;
    const text = texts[index] ?? id;
    const other = /^(.*?) - (?:[^-]*?) - Text$/.exec(text);
    if (other && /_TEXT$/.test(id)) {
      columns.push({ index, header: text, otherTextOf: choiceColumn.get(other[1]!.trim()) ?? -1 });
      return;
    }
    const header = text.replace(/ - Selected Choice$/, '');
    choiceColumn.set(header, index);
    columns.push({ index, header });
  });
  const rows = records.slice(3).map((cells, i) => ({
    row: i + 4,
    cells,
    finished: finishedAt < 0 || /^(true|1)$/i.test(cells[finishedAt] ?? ''),
  }));
  return { format: 'qualtrics', columns, rows, separator: ',', width: ids.length, otherAsText: false };
}

/** Google Forms CSV: Timestamp, optional Email Address, then one column a question (grids as "Question [Row]"). */
function googleForms(records: string[][]): ExportTable {
  const [headers = []] = records;
  const columns = headers.flatMap((header, index) => (GOOGLE_METADATA.has(header.trim().toLowerCase()) ? [] : [{ index, header }]));
  return { format: 'google-forms', columns, rows: records.slice(1).map((cells, i) => ({ row: i + 2, cells, finished: true })), separator: ', ', width: headers.length, otherAsText: true };
}

/** Microsoft Forms Excel export: ID, Start time, Completion time, Email, Name, then one column a question. */
function msForms(rows: string[][]): ExportTable {
  const [headers = []] = rows;
  if (!headers.some((h) => h.trim().toLowerCase() === 'start time')) throw new ExportError('this Excel file does not look like a Microsoft Forms export (no "Start time" column)');
  const columns = headers.flatMap((header, index) => (MS_FORMS_METADATA.has(header.trim().toLowerCase()) ? [] : [{ index, header }]));
  return { format: 'ms-forms', columns, rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells, finished: true })), separator: ';', width: headers.length, otherAsText: true };
}
