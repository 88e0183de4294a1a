import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  districtBelongsTo,
  isIsoDate,
  isValidBsn,
  neighbourhoodBelongsTo,
  todayInNetherlands,
} from './identifiers.js';

const elfproef = readFileSync(new URL('../../../shared/istandaarden/elfproef.md', import.meta.url), 'utf8');

function checkDigitFor(prefix: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(prefix[i]) * (9 - i);
  const digit = sum % 11;
  return digit <= 9 ? digit : undefined;
}

describe('BSN eleven-test', () => {
  it('accepts the worked example of the reference text', () => {
    const example = /BSN: (\d{9})/.exec(elfproef)?.[1];
    expect(example).toBe('123456782');
    expect(isValidBsn(example ?? '')).toBe(true);
  });

  it('accepts the bounds of the reserved test range, which pass the test', () => {
    expect(isValidBsn('999900006')).toBe(true);
    expect(isValidBsn('999999990')).toBe(true);
  });

  it('rejects wrong lengths, letters and all zeros', () => {
    for (const bad of ['', '12345678', '1234567820', '12345678a', ' 23456782', '000000000']) {
      expect(isValidBsn(bad), bad).toBe(false);
    }
  });

  it('accepts exactly one check digit for every valid prefix', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), (prefix) => {
        const digit = checkDigitFor(prefix);
        const valid = [...'0123456789'].filter((d) => isValidBsn(prefix + d));
        if (digit === undefined) expect(valid).toEqual([]);
        else expect(valid).toEqual([String(digit)]);
      }),
    );
  });

  it('catches every single-digit typo', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9][0-9]{7}$/),
        fc.nat(8),
        fc.integer({ min: 1, max: 9 }),
        (prefix, pos, delta) => {
          const digit = checkDigitFor(prefix);
          fc.pre(digit !== undefined);
          const bsn = `${prefix}${digit}`;
          const wrong = bsn.slice(0, pos) + String((Number(bsn[pos]) + delta) % 10) + bsn.slice(pos + 1);
          expect(isValidBsn(wrong)).toBe(false);
        },
      ),
    );
  });
});

describe('CBS area codes and dates', () => {
  it('takes today in the Netherlands, not in UTC', () => {
    expect(todayInNetherlands(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayInNetherlands(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(todayInNetherlands(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('links districts to municipalities and neighbourhoods to districts by their codes', () => {
    expect(districtBelongsTo('WK036301', '0363')).toBe(true);
    expect(districtBelongsTo('WK036301', '0362')).toBe(false);
    expect(neighbourhoodBelongsTo('BU03630104', 'WK036301')).toBe(true);
    expect(neighbourhoodBelongsTo('BU03630204', 'WK036301')).toBe(false);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate('9999-12-31')).toBe(false);
    expect(isIsoDate('9998-12-31')).toBe(true);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (date) => {
          expect(isIsoDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });
});
