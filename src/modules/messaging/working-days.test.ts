import { describe, expect, it } from 'vitest';
import { addWorkingDays, dayOfWeek, easterSunday, isWorkingDay, publicHolidays } from './working-days.js';

describe('working days for answer deadlines', () => {
  it('finds Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('knows the public holidays of the Algemene termijnenwet', () => {
    expect([...publicHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    // King's Day on a Sunday moves to the Saturday before.
    expect(publicHolidays(2025).has('2025-04-26')).toBe(true);
    expect(publicHolidays(2025).has('2025-04-27')).toBe(false);
  });

  it('counts weekdays that are not holidays', () => {
    expect(dayOfWeek('2026-12-02')).toBe(3);
    expect(isWorkingDay('2026-12-05')).toBe(false);
    expect(isWorkingDay('2026-12-25')).toBe(false);
    expect(isWorkingDay('2026-04-03')).toBe(true); // Good Friday is not in the act
    // Wednesday + 3 working days = Monday.
    expect(addWorkingDays('2026-12-02', 3)).toBe('2026-12-07');
    // Over Christmas: Wed 23 Dec + 3 = Tue 29 Dec (24, 28, 29).
    expect(addWorkingDays('2026-12-23', 3)).toBe('2026-12-29');
    // Received on a Saturday: the first working day counts.
    expect(addWorkingDays('2026-12-05', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-02', 10)).toBe('2026-12-16');
  });
});
