import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../server/errors.js';
import { addDays, birthdayAt, daysBetween, fromEpochDay, toEpochDay } from './calendar-date.js';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but nothing was thrown.');
}

const dateBetween = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
/** Any valid ISO date in the range isIsoDate accepts. */
const isoDate = dateBetween('1800-01-01', '9998-12-31');
/** Far enough inside that range that ±20,000 days stays in it. */
const innerDate = dateBetween('1900-01-01', '9900-12-31');

describe('calendar dates as day numbers', () => {
  it('counts from 1970-01-01, before and after it', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(toEpochDay('2000-03-01')).toBe(11017);
    expect(fromEpochDay(-62091)).toBe('1800-01-01');
  });

  it('adds four weeks to the end of January in common and leap years', () => {
    expect(addDays('2026-01-31', 28)).toBe('2026-02-28');
    expect(addDays('2024-01-31', 28)).toBe('2024-02-28');
    expect(addDays('2024-01-31', 29)).toBe('2024-02-29');
    expect(addDays('2026-01-31', 29)).toBe('2026-03-01');
  });

  it('knows the leap days of 2024, 2028 and 2000, and that 2100 has none', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2024-02-29', 365)).toBe('2025-02-28');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
  });

  it('crosses month and year ends, in both directions', () => {
    expect(addDays('2026-12-24', 15)).toBe('2027-01-08');
    expect(daysBetween('2026-12-24', '2027-01-08')).toBe(15);
    expect(daysBetween('2027-01-08', '2026-12-24')).toBe(-15);
    expect(addDays('2026-03-31', 1)).toBe('2026-04-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('rejects impossible dates with the field named', () => {
    for (const bad of ['2023-02-29', '2026-02-30', '2026-13-01', '2026-04-31', '2026-1-01', '26-01-01', '']) {
      const error = errorOf(() => toEpochDay(bad, 'reportDate'));
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.statusCode).toBe(400);
      expect(error.field).toBe('reportDate');
    }
    expect(errorOf(() => addDays('2026-01-01', 1.5)).field).toBe('days');
    expect(errorOf(() => daysBetween('2023-02-29', '2026-01-01')).field).toBe('from');
  });

  it('lets someone born on 29 February come of age on 1 March in a common year', () => {
    expect(birthdayAt('2000-02-29', 27)).toBe('2027-03-01');
    expect(birthdayAt('2000-02-29', 28)).toBe('2028-02-29');
    expect(birthdayAt('1999-12-31', 27)).toBe('2026-12-31');
  });
});

describe('calendar date properties', () => {
  it('agrees with UTC milliseconds (the oracle), never with local time', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(toEpochDay(date)).toBe(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
      }),
    );
  });

  it('round-trips day numbers', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(fromEpochDay(toEpochDay(date))).toBe(date);
      }),
    );
  });

  it('addDays and daysBetween are each other’s inverse', () => {
    fc.assert(
      fc.property(innerDate, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
        const later = addDays(date, days);
        expect(daysBetween(date, later)).toBe(days);
        expect(addDays(later, -days)).toBe(date);
      }),
    );
  });

  it('orders ISO strings and day numbers alike', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(Math.sign(daysBetween(a, b))).toBe(a === b ? 0 : a < b ? 1 : -1);
      }),
    );
  });
});
