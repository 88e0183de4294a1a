import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseCount, disclosePercentage, discloseTable, isSecretCount } from './disclosure.js';

describe('discloseCount', () => {
  it.each([0, 1, 2, 3, 4, 5, 6, 7])('keeps %i secret', (n) => {
    expect(discloseCount(n)).toEqual({ value: null, suppressed: true });
    expect(isSecretCount(n)).toBe(true);
  });

  it.each([
    [8, 10],
    [9, 10],
    [10, 10],
    [12, 10],
    [13, 15],
    [14, 15],
    [15, 15],
    [17, 15],
    [18, 20],
    [1_234_567, 1_234_565],
    [1_234_568, 1_234_570],
    [Number.MAX_SAFE_INTEGER, 9_007_199_254_740_990],
  ])('rounds %i to %i', (n, expected) => {
    expect(discloseCount(n)).toEqual({ value: expected, suppressed: false });
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'rejects %d as a programming error',
    (n) => {
      expect(() => discloseCount(n)).toThrow(RangeError);
    },
  );

  it('rounds every shown count to a multiple of 5 within 2.5 of the true count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: Number.MAX_SAFE_INTEGER - 5 }), (n) => {
        const { value, suppressed } = discloseCount(n);
        expect(suppressed).toBe(false);
        if (value === null) throw new Error('a shown count has a value');
        expect(value % 5).toBe(0);
        expect(Math.abs(value - n)).toBeLessThanOrEqual(2.5);
        expect(value).toBeGreaterThanOrEqual(10);
      }),
    );
  });

  it('never lets the shown count go down when the true count goes up', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.nat({ max: 1000 }), (n, extra) => {
        const shown = (x: number) => discloseCount(x).value ?? 0;
        expect(shown(n + extra)).toBeGreaterThanOrEqual(shown(n));
      }),
    );
  });
});

describe('disclosePercentage', () => {
  it('suppresses when the numerator is secret', () => {
    for (let numerator = 0; numerator <= 7; numerator += 1) {
      expect(disclosePercentage(numerator, 100)).toEqual({ value: null, suppressed: true });
    }
  });

  it('suppresses when the denominator is secret, including zero', () => {
    expect(disclosePercentage(8, 7)).toEqual({ value: null, suppressed: true });
    expect(disclosePercentage(0, 0)).toEqual({ value: null, suppressed: true });
  });

  it('suppresses when the rest of the whole is secret, which the share would reveal', () => {
    // 10 of 10 compensated would tell that none was partly or not compensated.
    expect(disclosePercentage(10, 10)).toEqual({ value: null, suppressed: true });
    expect(disclosePercentage(12, 19)).toEqual({ value: null, suppressed: true });
    expect(disclosePercentage(12, 20)).toEqual({ value: 60, suppressed: false });
  });

  it('computes from the unrounded counts, not the rounded ones', () => {
    // Rounded counts would give 10 / 20 = 50% and 10 / 25 = 40%.
    expect(disclosePercentage(8, 20)).toEqual({ value: 40, suppressed: false });
    expect(disclosePercentage(12, 25)).toEqual({ value: 48, suppressed: false });
  });

  it('rounds half up to whole percent', () => {
    expect(disclosePercentage(9, 72)).toEqual({ value: 13, suppressed: false }); // 12.5%
    expect(disclosePercentage(8, 16)).toEqual({ value: 50, suppressed: false });
    expect(disclosePercentage(1, 3)).toEqual({ value: null, suppressed: true });
    expect(disclosePercentage(10, 30)).toEqual({ value: 33, suppressed: false });
    expect(disclosePercentage(20, 30)).toEqual({ value: 67, suppressed: false });
  });

  it('stays exact for very large counts', () => {
    expect(disclosePercentage(Number.MAX_SAFE_INTEGER - 8, Number.MAX_SAFE_INTEGER)).toEqual({
      value: 100,
      suppressed: false,
    });
  });

  it('rejects negative and fractional counts', () => {
    expect(() => disclosePercentage(-8, 10)).toThrow(RangeError);
    expect(() => disclosePercentage(8, 10.5)).toThrow(RangeError);
  });

  it('is shown exactly when both counts and their difference may be shown, and then within half a percent', () => {
    fc.assert(
      fc.property(fc.nat({ max: 100_000 }), fc.nat({ max: 100_000 }), (a, b) => {
        const [numerator, denominator] = a <= b ? [a, b] : [b, a];
        const result = disclosePercentage(numerator, denominator);
        expect(result.suppressed).toBe(numerator <= 7 || denominator <= 7 || denominator - numerator <= 7);
        if (result.value !== null) {
          expect(Number.isInteger(result.value)).toBe(true);
          expect(Math.abs(result.value - (100 * numerator) / denominator)).toBeLessThanOrEqual(0.5);
          expect(result.value).toBeGreaterThanOrEqual(0);
          expect(result.value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe('discloseTable', () => {
  it('discloses the named count columns and copies the rest', () => {
    const rows = [
      { districtCode: 'WK017101', label: 'Centrum', clients: 42, refusals: 3, year: 2025 },
      { districtCode: 'WK017102', label: 'Noord', clients: 8, refusals: 13, year: 2025 },
    ];
    const disclosed = discloseTable(rows, ['clients', 'refusals']);
    expect(disclosed).toEqual([
      {
        districtCode: 'WK017101',
        label: 'Centrum',
        clients: { value: 40, suppressed: false },
        refusals: { value: null, suppressed: true },
        year: 2025,
      },
      {
        districtCode: 'WK017102',
        label: 'Noord',
        clients: { value: 10, suppressed: false },
        refusals: { value: 15, suppressed: false },
        year: 2025,
      },
    ]);
    // The input rows are left alone: callers may still need the true counts for percentages.
    expect(rows[0]?.clients).toBe(42);
  });

  it('returns an empty table for no rows and rejects a bad count in any row', () => {
    expect(discloseTable([], ['clients'])).toEqual([]);
    expect(() => discloseTable([{ clients: 10 }, { clients: -1 }], ['clients'])).toThrow(RangeError);
  });
});
