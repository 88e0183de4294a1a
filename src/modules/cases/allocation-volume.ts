/**
 * How much an allocation allows over a stretch of days, from its Omvang (volume per frequency):
 * what the provider monitor compares delivery with, and what the provider simulator delivers.
 * Frequencies (WMO757): 1 per day, 2 per week, 4 per month, 6 in total over the allocation.
 */
import { addDays, daysBetween } from './calendar-date.js';

const DAYS_PER_MONTH = 365.25 / 12;

export interface Omvang {
  volume: number;
  frequency: string;
  startDate: string;
  endDate: string | null;
}

/** The allowed volume over `days` days of the allocation (fractional). */
export function allowedVolumeOverDays(omvang: Omvang, days: number): number {
  if (days <= 0) return 0;
  switch (omvang.frequency) {
    case '1':
      return omvang.volume * days;
    case '2':
      return (omvang.volume * days) / 7;
    case '4':
      return (omvang.volume * days) / DAYS_PER_MONTH;
    default: {
      // The volume is for the whole allocation; an open end counts as a year.
      const end = omvang.endDate ?? addDays(omvang.startDate, 364);
      const total = daysBetween(omvang.startDate, end) + 1;
      return (omvang.volume * Math.min(days, total)) / total;
    }
  }
}

/**
 * The allowed volume between two days (inclusive), cut to the allocation. A monthly volume
 * counts per calendar month, in proportion to the days of each month covered, so a whole
 * month allows exactly the volume whatever its length.
 */
export function allowedVolumeBetween(omvang: Omvang, from: string, to: string): number {
  const first = from > omvang.startDate ? from : omvang.startDate;
  const last = omvang.endDate !== null && omvang.endDate < to ? omvang.endDate : to;
  if (last < first) return 0;
  if (omvang.frequency !== '4') return allowedVolumeOverDays(omvang, daysBetween(first, last) + 1);
  let total = 0;
  for (
    let monthStart = `${first.slice(0, 8)}01`;
    monthStart <= last;
    monthStart = addDays(endOfMonth(monthStart), 1)
  ) {
    const monthEnd = endOfMonth(monthStart);
    const coveredFrom = first > monthStart ? first : monthStart;
    const coveredTo = last < monthEnd ? last : monthEnd;
    total +=
      (omvang.volume * (daysBetween(coveredFrom, coveredTo) + 1)) / (daysBetween(monthStart, monthEnd) + 1);
  }
  return total;
}

/** The allowed volume from the allocation's start to `until` (inclusive), cut at its end. */
export function allowedVolumeUntil(omvang: Omvang, until: string): number {
  return allowedVolumeBetween(omvang, omvang.startDate, until);
}

function endOfMonth(date: string): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}
