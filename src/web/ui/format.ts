/** Dutch formatting of money, dates and numbers, and the parsing of amounts typed as "35,50". */

const MONEY = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
const NUMBER = new Intl.NumberFormat('nl-NL');
const DATE = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** 123456 → "€ 1.234,56" */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return MONEY.format(cents / 100);
}

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** "2026-11-23" → "23-11-2026" (a calendar date, so no time zone shift). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : DATE.format(date);
}

/** "2026-11-01" → "november 2026": the calendar month a date falls in. */
export function formatMonth(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : MONTH.format(date);
}

/** An ISO timestamp in local time: "23-11-2026 14:05:09". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date).replace(',', '');
}

const EURO_INPUT = /^(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** "1.234,5" → 123450; undefined when the text is not an amount in Dutch notation. */
export function parseEuroCents(text: string): number | undefined {
  const match = EURO_INPUT.exec(text.trim());
  if (!match) return undefined;
  const euros = Number((match[1] ?? '0').replaceAll('.', ''));
  const cents = Number((match[2] ?? '0').padEnd(2, '0'));
  const total = euros * 100 + cents;
  return Number.isSafeInteger(total) ? total : undefined;
}

/** 3550 → "35,50" for an input field (no currency sign, no thousands separator). */
export function centsToInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  const euros = Math.floor(cents / 100);
  return `${euros},${String(cents % 100).padStart(2, '0')}`;
}
