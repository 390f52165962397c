import { describe, expect, it } from 'vitest';
import { academicYearOf, firstDay, isIsoDate, lastDay, yearRange } from '../../src/model/dates.js';

describe('academic years', () => {
  it('puts a date in the year that starts on the latest yearStart on or before it', () => {
    expect(academicYearOf('2024-08-01', '08-01')).toBe('2024-25');
    expect(academicYearOf('2024-07-31', '08-01')).toBe('2023-24');
    expect(academicYearOf('2025-08-31', '09-01')).toBe('2024-25');
    expect(academicYearOf('2025-01-01', '01-01')).toBe('2025-26');
    expect(academicYearOf('1999-12-31', '09-01')).toBe('1999-00');
  });

  it('knows the first and last day of a year, leap years included', () => {
    expect(firstDay('2024-25', '08-01')).toBe('2024-08-01');
    expect(lastDay('2024-25', '08-01')).toBe('2025-07-31');
    expect(lastDay('2023-24', '03-01')).toBe('2024-02-29');
  });

  it('lists every year of a range, gaps included', () => {
    expect(yearRange('2021-22', '2024-25')).toEqual(['2021-22', '2022-23', '2023-24', '2024-25']);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
  });
});
