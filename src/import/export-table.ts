import { parse as parseCsv } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';

export type ExportFormat = 'qualtrics' | 'google-forms' | 'ms-forms';

/** What a row of an export is: a real response, or one a survey tool records for other reasons. */
type RowKind = 'response' | 'preview' | 'test' | 'spam' | 'imported';

/** A survey tool's export reduced to what the import keeps: answer columns and their cells. */
export interface ExportTable {
  format: ExportFormat;
  /** How the export was laid out, in words: "Qualtrics, legacy layout (two header rows)". */
  layout: string;
  /** Answer columns only: metadata and identifiers are dropped here, never read further. */
  columns: Array<{ index: number; header: string; otherTextOf?: number }>;
  /** Headers of the metadata columns that were dropped (never their contents). */
  dropped: string[];
  rows: Array<{ row: number; cells: string[]; finished: boolean; kind: RowKind }>;
  /** Rows before the first response: column ids, question texts, import ids. */
  headerRows: number;
  /** How the tool joins several choices in one cell. */
  separator: string;
  /** How many columns the header has: a longer row lost its alignment. */
  width: number;
  /** Whether the tool writes an "Other, please specify" answer as the typed text itself. */
  otherAsText: boolean;
}

export class ExportError extends Error {}

/** Lower case, letters and digits only: "Response ID", "ResponseId" and "responseID" are one name. */
const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Qualtrics' own columns, of every vintage: who, when, where and how a response came in.
 * None of them is an answer, and most of them identify the respondent.
 */
const QUALTRICS_METADATA = new Set(
  [
    'StartDate',
    'EndDate',
    'Status',
    'Response Type',
    'IPAddress',
    'Progress',
    'Duration (in seconds)',
    'Finished',
    'RecordedDate',
    'ResponseId',
    'ResponseSet',
    'Name',
    'EmailAddress',
    'RecipientLastName',
    'RecipientFirstName',
    'RecipientEmail',
    'ExternalReference',
    'ExternalDataReference',
    'LocationLatitude',
    'LocationLongitude',
    'LocationAccuracy',
    'DistributionChannel',
    'UserLanguage',
  ].map(key),
);
const GOOGLE_METADATA = new Set(['timestamp', 'email address', 'score', 'total score']);
const MS_FORMS_METADATA = new Set([
  'id',
  'start time',
  'completion time',
  'email',
  'name',
  'last modified time',
  'total points',
  'quiz feedback',
  'points',
  'feedback',
]);

/**
 * Qualtrics' response types, by label and by numeric code. Only the first two are people
 * answering; the rest are the coordinator's previews and tests, spam, and responses
 * imported into Qualtrics from elsewhere.
 */
const QUALTRICS_STATUS: Record<string, RowKind> = {
  ipaddress: 'response',
  '0': 'response',
  offline: 'response',
  '16': 'response',
  email: 'response',
  anonymous: 'response',
  surveypreview: 'preview',
  preview: 'preview',
  '1': 'preview',
  offlinesurveypreview: 'preview',
  '17': 'preview',
  surveytest: 'test',
  test: 'test',
  '2': 'test',
  imported: 'imported',
  '4': 'imported',
  spam: 'spam',
  '8': 'spam',
  previewspam: 'spam',
  '9': 'spam',
  importedspam: 'spam',
  '12': 'spam',
};

/** Reads an export, recognising its format from its headers when `format` is auto. */
/**
 * The rows of an export as text cells: the first sheet of an Excel workbook (dates as ISO timestamps), or a CSV or
 * tab-separated file in any of the encodings survey tools write. For every import: surveys and meeting logs alike.
 */
export async function readRecords(bytes: Buffer, fileName: string): Promise<{ records: string[][]; xlsx: boolean }> {
  const isXlsx = fileName.toLowerCase().endsWith('.xlsx') || bytes.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx) {
    const sheet = await readXlsxFile(bytes).catch((e: unknown) => {
      throw new ExportError(`${fileName} is not a readable Excel workbook: ${e instanceof Error ? e.message : e}`);
    });
    const records = (sheet[0]?.data ?? []).map((r) =>
      r.map((c) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c))),
    );
    return { records, xlsx: true };
  }
  try {
    const text = decode(bytes);
    // Qualtrics also exports tab-separated files; a first line with more tabs than commas is one.
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
    const records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, delimiter }) as string[][];
    return { records, xlsx: false };
  } catch (e) {
    throw new ExportError(`${fileName} is not a readable CSV file: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export async function readExport(bytes: Buffer, fileName: string, format: ExportFormat | 'auto'): Promise<ExportTable> {
  const isXlsx = fileName.toLowerCase().endsWith('.xlsx') || bytes.subarray(0, 2).toString('latin1') === 'PK';
  if (isXlsx && format !== 'auto' && format !== 'ms-forms')
    throw new ExportError(
      `${fileName} is an Excel file, not a ${format} CSV export: export the survey as CSV, or give --format ` +
        `ms-forms for a Microsoft Forms workbook`,
    );
  const { records, xlsx } = await readRecords(bytes, fileName);
  if (xlsx) return msForms(records, fileName, 'Microsoft Forms workbook (Open in Excel)');
  const qualtricsLayout = recogniseQualtrics(records);
  const detected: ExportFormat | undefined = qualtricsLayout
    ? 'qualtrics'
    : key(records[0]?.[0] ?? '') === 'timestamp'
      ? 'google-forms'
      : isMsFormsHeader(records[0] ?? [])
        ? 'ms-forms'
        : undefined;
  const chosen = format === 'auto' ? detected : format;
  if (chosen === 'qualtrics') {
    if (!qualtricsLayout)
      throw new ExportError(
        `${fileName} does not look like a Qualtrics export: its first row should hold column ids such as ` +
          `ResponseId and QID1 (or V1, V2, … in an older export). Export "Data table" as CSV "with choice text"`,
      );
    return qualtrics(records, qualtricsLayout);
  }
  if (chosen === 'google-forms') return googleForms(records);
  if (chosen === 'ms-forms') {
    if (!isMsFormsHeader(records[0] ?? []))
      throw new ExportError(
        `${fileName} does not look like a Microsoft Forms export (no "Start time" and "Completion time" columns). ` +
          `Use the workbook from Responses → Open in Excel (.xlsx)`,
      );
    return msForms(records, fileName, 'Microsoft Forms CSV');
  }
  throw new ExportError(
    `${fileName}: the format could not be recognised from its headers. Give --format qualtrics, google-forms or ` +
      `ms-forms.`,
  );
}

/** UTF-8, or UTF-16 with its byte-order mark (what older Qualtrics and Excel exports are). */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

type QualtricsLayout = { kind: 'current' | 'legacy' | 'no-import-ids'; headerRows: number };

const isImportIdRow = (row: readonly string[] | undefined): boolean =>
  (row ?? []).some((c) => /^\{\s*['"]ImportId['"]\s*:/.test(c.trim()));

/**
 * The three layouts Qualtrics has written: column ids, question texts and a row of
 * ImportIds (today; the ImportIds JSON or, in older exports, with single quotes); column
 * ids and question texts only; and the legacy layout, `V1…V10` system columns then
 * question ids, over a row of texts that names them (ResponseID, ResponseSet, …).
 */
function recogniseQualtrics(records: string[][]): QualtricsLayout | undefined {
  const [ids = [], texts = [], third] = records;
  if (ids[0] === 'V1' && ids[1] === 'V2' && texts.some((t) => key(t) === 'responseid'))
    return { kind: 'legacy', headerRows: 2 };
  if (isImportIdRow(third)) return { kind: 'current', headerRows: 3 };
  const named = (row: readonly string[], ...names: string[]) => names.some((n) => row.some((c) => key(c) === key(n)));
  if (named(ids, 'ResponseId', 'ResponseID') && named(ids, 'StartDate') && named(texts, 'Response ID', 'Start Date'))
    return { kind: 'no-import-ids', headerRows: 2 };
  return undefined;
}

function qualtrics(records: string[][], layout: QualtricsLayout): ExportTable {
  const [ids = [], texts = []] = records;
  // In a legacy export the system columns are V1…V10 and their names are in the text row.
  const names = ids.map((id, i) => (layout.kind === 'legacy' && /^V\d+$/.test(id) ? (texts[i] ?? id) : id));
  const isMetadata = (i: number) =>
    QUALTRICS_METADATA.has(key(names[i]!)) ||
    /^Q_/.test(names[i]!) ||
    (layout.kind === 'legacy' && /^V\d+$/.test(ids[i]!));
  const finishedAt = names.findIndex((n) => key(n) === 'finished');
  const statusAt = names.findIndex((n) => key(n) === 'status');
  const columns: ExportTable['columns'] = [];
  const dropped: string[] = [];
  const byId = new Map<string, number>();
  const byText = new Map<string, number>();
  ids.forEach((id, index) => {
    if (isMetadata(index)) {
      dropped.push(names[index]!);
      return;
    }
    const text = (texts[index] ?? id).trim();
    // "Other, please specify" text: Q1_3_TEXT, "Question - Other - Text" (or "Question-Other (please specify)-TEXT").
    if (/_TEXT$/i.test(id)) {
      const question = /^(.*?)\s*-\s*(?:Selected Choice\s*-\s*)?[^-]*?\s*-\s*text$/i.exec(text)?.[1]?.trim();
      const of =
        byId.get(id.replace(/_TEXT$/i, '')) ??
        byId.get(id.replace(/_\d+_TEXT$/i, '')) ??
        (question !== undefined ? byText.get(question) : undefined) ??
        -1;
      columns.push({ index, header: text, otherTextOf: of });
      return;
    }
    const header = text.replace(/\s*-\s*Selected Choice$/i, '');
    byId.set(id, index);
    byText.set(header, index);
    columns.push({ index, header });
  });
  const rows = records.slice(layout.headerRows).map((cells, i) => ({
    row: i + layout.headerRows + 1,
    cells,
    finished: finishedAt < 0 || /^(true|1)$/i.test((cells[finishedAt] ?? '').trim()),
    kind: statusAt < 0 ? ('response' as const) : (QUALTRICS_STATUS[key(cells[statusAt] ?? '')] ?? 'response'),
  }));
  const described = {
    current: 'Qualtrics (three header rows)',
    legacy: 'Qualtrics, legacy layout (V1…V10, two header rows)',
    'no-import-ids': 'Qualtrics (two header rows)',
  }[layout.kind];
  return {
    format: 'qualtrics',
    layout: described,
    columns,
    dropped,
    rows,
    headerRows: layout.headerRows,
    separator: ',',
    width: ids.length,
    otherAsText: false,
  };
}

/** Google Forms CSV: Timestamp, optional Email Address, then one column a question (grids as "Question [Row]"). */
function googleForms(records: string[][]): ExportTable {
  const [headers = []] = records;
  const { columns, dropped } = splitColumns(headers, GOOGLE_METADATA);
  const rows = records.slice(1).map((cells, i) => ({ row: i + 2, cells, finished: true, kind: 'response' as const }));
  return {
    format: 'google-forms',
    layout: 'Google Forms CSV',
    columns,
    dropped,
    rows,
    headerRows: 1,
    separator: ', ',
    width: headers.length,
    otherAsText: true,
  };
}

const isMsFormsHeader = (headers: readonly string[]): boolean =>
  ['start time', 'completion time'].every((h) => headers.some((x) => x.trim().toLowerCase() === h));

/**
 * Microsoft Forms, as its workbook or saved as CSV: ID, Start time, Completion time, Email, Name, then one column a
 * question.
 */
function msForms(rows: string[][], fileName: string, layout: string): ExportTable {
  const [headers = []] = rows;
  if (!isMsFormsHeader(headers))
    throw new ExportError(
      `${fileName} does not look like a Microsoft Forms export (no "Start time" and "Completion time" columns)`,
    );
  const { columns, dropped } = splitColumns(headers, MS_FORMS_METADATA);
  return {
    format: 'ms-forms',
    layout,
    columns,
    dropped,
    rows: rows.slice(1).map((cells, i) => ({ row: i + 2, cells, finished: true, kind: 'response' as const })),
    headerRows: 1,
    separator: ';',
    width: headers.length,
    otherAsText: true,
  };
}

function splitColumns(
  headers: readonly string[],
  metadata: ReadonlySet<string>,
): Pick<ExportTable, 'columns' | 'dropped'> {
  const columns: ExportTable['columns'] = [];
  const dropped: string[] = [];
  headers.forEach((header, index) => {
    if (metadata.has(header.trim().toLowerCase())) dropped.push(header);
    else columns.push({ index, header });
  });
  return { columns, dropped };
}
