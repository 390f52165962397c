import { describe, expect, it } from 'vitest';
import { change, decimal, percent, percentWithInterval, wilson } from '../../src/format/numbers.js';

describe('figures as reports print them', () => {
  it('gives percentages from counts with one decimal at most', () => {
    expect(percent(18, 20)).toBe('90%');
    expect(percent(11, 24)).toBe('45.8%');
    expect(percent(7, 8)).toBe('87.5%');
    expect(percent(5, 7)).toBe('71.4%');
    expect(percent(1, 0)).toBe('–');
  });

  it('rounds halves away from zero, as a reader expects', () => {
    expect(decimal(4.875)).toBe('4.9');
    expect(decimal(4.25)).toBe('4.3');
    expect(decimal(4.5)).toBe('4.5');
    expect(decimal(5)).toBe('5');
    expect(decimal(null)).toBe('–');
  });

  it('computes the 95% Wilson interval (reference values from the literature)', () => {
    const seven = wilson(7, 8)!;
    expect(seven.low).toBeCloseTo(0.5291, 4);
    expect(seven.high).toBeCloseTo(0.9776, 4);
    const none = wilson(0, 8)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.3244, 4);
    expect(wilson(0, 0)).toBeUndefined();
    expect(percentWithInterval(7, 8)).toBe('87.5% (52.9–97.8%)');
  });

  it('signs changes between years', () => {
    expect(change(2)).toBe('+2');
    expect(change(-3)).toBe('−3');
    expect(change(0)).toBe('0');
    expect(change(-0.04, 1)).toBe('0');
  });
});
