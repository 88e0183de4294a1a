import { describe, expect, it } from 'vitest';
import { allowedVolumeBetween, allowedVolumeOverDays, allowedVolumeUntil } from './allocation-volume.js';

describe('allowed volume of an allocation', () => {
  const base = { volume: 3, startDate: '2026-01-01', endDate: '2026-06-30' };

  it('follows the frequency', () => {
    expect(allowedVolumeOverDays({ ...base, frequency: '1' }, 10)).toBe(30);
    expect(allowedVolumeOverDays({ ...base, frequency: '2' }, 14)).toBe(6);
    expect(allowedVolumeOverDays({ ...base, frequency: '4' }, 365.25 / 12)).toBeCloseTo(3);
    // In total: spread over the 181 days of the allocation.
    expect(allowedVolumeOverDays({ ...base, frequency: '6' }, 181)).toBe(3);
    expect(allowedVolumeOverDays({ ...base, frequency: '6' }, 400)).toBe(3);
    expect(allowedVolumeOverDays({ ...base, frequency: '2' }, 0)).toBe(0);
  });

  it('counts from the start to a day, cut at the end', () => {
    expect(allowedVolumeUntil({ ...base, frequency: '2' }, '2025-12-31')).toBe(0);
    expect(allowedVolumeUntil({ ...base, frequency: '2' }, '2026-01-14')).toBe(6);
    expect(allowedVolumeUntil({ ...base, frequency: '1' }, '2027-01-01')).toBe(3 * 181);
    expect(allowedVolumeUntil({ ...base, endDate: null, frequency: '1' }, '2026-01-02')).toBe(6);
  });

  it('counts a monthly volume per calendar month, whatever its length', () => {
    const monthly = { ...base, frequency: '4' };
    expect(allowedVolumeBetween(monthly, '2026-02-01', '2026-02-28')).toBeCloseTo(3);
    expect(allowedVolumeBetween(monthly, '2026-04-01', '2026-04-30')).toBeCloseTo(3);
    expect(allowedVolumeBetween(monthly, '2026-01-01', '2026-03-31')).toBeCloseTo(9);
    expect(allowedVolumeBetween(monthly, '2026-04-16', '2026-05-31')).toBeCloseTo(4.5);
    expect(allowedVolumeUntil(monthly, '2027-03-31')).toBeCloseTo(18);
  });
});
