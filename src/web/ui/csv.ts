/**
 * CSV downloads as Dutch Excel expects them: semicolons, CRLF, UTF-8 with a byte order mark.
 * Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.
 */
import { downloadFile } from './download.js';

export type CsvCell = string | number | null | undefined;

function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function downloadCsv(
  filename: string,
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  downloadFile(filename, toCsv(header, rows), 'text/csv;charset=utf-8');
}

/** "aanbieders-2026-11-23.csv" */
export function csvFilename(base: string): string {
  return `${base}-${new Date().toISOString().slice(0, 10)}.csv`;
}
