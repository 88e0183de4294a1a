/**
 * Working days for the answer deadlines of the message exchange (a return message within 3
 * working days, an answer to a request within 5, a claim answer within 10).
 *
 * A working day is a weekday that is not a public holiday of the Algemene termijnenwet (art. 3):
 * New Year's Day, Easter Monday, Ascension Day, Whit Monday, Christmas and Boxing Day, King's
 * Day (27 April, 26 April when the 27th is a Sunday) and Liberation Day (5 May, every year in
 * that act). Good Friday is not in the act, so it counts as a working day.
 */
import { addDays, fromEpochDay, toEpochDay } from '../cases/calendar-date.js';

/** Easter Sunday (Gregorian), by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, ReadonlySet<string>>();

export function publicHolidays(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const kingsDay = `${year}-04-27`;
  const holidays = new Set([
    `${year}-01-01`,
    addDays(easter, 1),
    addDays(easter, 39),
    addDays(easter, 50),
    dayOfWeek(kingsDay) === 0 ? `${year}-04-26` : kingsDay,
    `${year}-05-05`,
    `${year}-12-25`,
    `${year}-12-26`,
  ]);
  holidayCache.set(year, holidays);
  return holidays;
}

/** 0 Sunday … 6 Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: string): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(Number(date.slice(0, 4))).has(date);
}

/** The date `count` working days after `date` (the day of receipt itself does not count). */
export function addWorkingDays(date: string, count: number): string {
  let day = toEpochDay(date);
  let left = count;
  while (left > 0) {
    day += 1;
    if (isWorkingDay(fromEpochDay(day))) left -= 1;
  }
  return fromEpochDay(day);
}
