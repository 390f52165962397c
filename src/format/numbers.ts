/**
 * Number formatting for reports. Locale-free by design: the same figures give the same
 * bytes on every machine (no toLocaleString, no Intl).
 */

/** "87.5%", "90%", "44.4%". */
export function percent(count: number, total: number): string {
  if (total === 0) return '–';
  return `${trimZero((100 * count) / total, 1)}%`;
}

/** "4.9", "4.5", "5". */
export function decimal(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? '–' : trimZero(value, digits);
}

function trimZero(value: number, digits: number): string {
  // Round half away from zero on the decimal value, not on its binary approximation.
  const factor = 10 ** digits;
  const rounded = Math.round((value + Number.EPSILON * Math.sign(value)) * factor) / factor;
  const fixed = rounded.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** "+2", "−3", "0" for a change between years. */
export function change(value: number, digits = 0): string {
  const s = trimZero(Math.abs(value), digits);
  if (s === '0') return '0';
  return value > 0 ? `+${s}` : `−${s}`;
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * The 95% Wilson score interval of a proportion. With the small n of a community
 * survey the plain ±1.96·SE interval is badly wrong (it can leave [0, 1]); Wilson's is not.
 */
export function wilson(count: number, n: number, z = 1.959963984540054): Interval | undefined {
  if (n === 0) return undefined;
  const p = count / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** "52.9–97.8%". */
export function intervalText(count: number, n: number): string {
  const ci = wilson(count, n);
  return ci ? `${trimZero(100 * ci.low, 1)}–${trimZero(100 * ci.high, 1)}%` : '–';
}

/** "87.5% (52.9–97.8%)". */
export function percentWithInterval(count: number, n: number): string {
  return n === 0 ? '–' : `${percent(count, n)} (${intervalText(count, n)})`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
