/**
 * Calendar dates without clocks: ISO dates (`YYYY-MM-DD`) as whole days since 1970-01-01, using
 * integer arithmetic (H. Hinnant's days-from-civil) and never `Date`, so no server time zone or
 * daylight-saving change can move a legal deadline by a day.
 */
import { validationFailed as validation } from '../../server/errors.js';
import { isIsoDate } from '../../shared/identifiers.js';

/** Days since 1970-01-01 of a valid ISO date; throws a validation error naming `field` otherwise. */
export function toEpochDay(date: string, field = 'date'): number {
  if (!isIsoDate(date)) {
    throw validation(field, `'${date}' is geen bestaande datum (verwacht JJJJ-MM-DD, bijv. 2026-03-31).`);
  }
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  // Years start in March so the leap day is the last day of the year (days-from-civil).
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number (inverse of `toEpochDay`). */
export function fromEpochDay(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function addDays(date: string, days: number, field = 'date'): string {
  if (!Number.isSafeInteger(days)) throw validation('days', 'Het aantal dagen moet een geheel getal zijn.');
  return fromEpochDay(toEpochDay(date, field) + days);
}

/** Calendar days from `from` to `to` (negative when `to` lies before `from`). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to, 'to') - toEpochDay(from, 'from');
}

/**
 * The day a person reaches `years` of age. Someone born on 29 February reaches it on 1 March in a
 * common year: only then have the full years passed.
 */
export function birthdayAt(dateOfBirth: string, years: number): string {
  toEpochDay(dateOfBirth, 'dateOfBirth');
  const candidate = `${String(Number(dateOfBirth.slice(0, 4)) + years).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  return isIsoDate(candidate) ? candidate : `${candidate.slice(0, 4)}-03-01`;
}
