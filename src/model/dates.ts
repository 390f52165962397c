/**
 * Calendar dates are `YYYY-MM-DD` strings throughout: they compare as text and never
 * pass through the machine's time zone. Arithmetic uses UTC days only.
 */
export type IsoDate = string;
/** An academic year written `2024-25`, named by the calendar year it starts in. */
export type AcademicYear = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const YEAR = /^(\d{4})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  return isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `yearStart` is a month-day that exists every year (29 February does not). */
export function isMonthDay(value: string): boolean {
  const m = MONTH_DAY.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return !(month === 2 && day === 29) && isRealDay(2001, month, day);
}

export function isAcademicYear(value: string): boolean {
  const m = YEAR.exec(value);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function startYearOf(year: AcademicYear): number {
  return Number(year.slice(0, 4));
}

export function academicYearStarting(startYear: number): AcademicYear {
  return `${String(startYear).padStart(4, '0')}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The academic year a date belongs to: the one starting on the latest `yearStart` on or before it. */
export function academicYearOf(date: IsoDate, yearStart: string): AcademicYear {
  const year = Number(date.slice(0, 4));
  return academicYearStarting(date.slice(5) >= yearStart ? year : year - 1);
}

export function firstDay(year: AcademicYear, yearStart: string): IsoDate {
  return `${year.slice(0, 4)}-${yearStart}`;
}

export function lastDay(year: AcademicYear, yearStart: string): IsoDate {
  // Asked for every member of every year: a handful of answers, each worked out once.
  const key = `${year} ${yearStart}`;
  let day = lastDays.get(key);
  if (day === undefined) {
    day = addDays(firstDay(nextYear(year), yearStart), -1);
    lastDays.set(key, day);
  }
  return day;
}

const lastDays = new Map<string, IsoDate>();

export function previousYear(year: AcademicYear): AcademicYear {
  return academicYearStarting(startYearOf(year) - 1);
}

function nextYear(year: AcademicYear): AcademicYear {
  return academicYearStarting(startYearOf(year) + 1);
}

/** Every academic year from `first` to `last`, inclusive, oldest first. */
export function yearRange(first: AcademicYear, last: AcademicYear): AcademicYear[] {
  const out: AcademicYear[] = [];
  for (let y = startYearOf(first); y <= startYearOf(last); y++) out.push(academicYearStarting(y));
  return out;
}

export function compareYears(a: AcademicYear, b: AcademicYear): number {
  return startYearOf(a) - startYearOf(b);
}

/** Whole days from one date to another, in UTC so that no clock or time zone changes them. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + days);
  return new Date(t).toISOString().slice(0, 10);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "15 October 2024", the same on every machine. */
export function formatDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** "October 2024". */
export function formatMonth(date: IsoDate): string {
  return `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
