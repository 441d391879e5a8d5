/**
 * FEC dates are AAAAMMJJ. We keep them as the integer yyyymmdd (20240131): sortable, allocation-free
 * in the parser, and `Math.floor(date / 100)` gives the month key yyyymm used by the aggregates.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function isValidYmd(date: number): boolean {
  if (!Number.isInteger(date)) return false;
  const year = Math.floor(date / 10000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function digit(bytes: Uint8Array, i: number): number {
  const d = (bytes[i] ?? 0) - 0x30;
  return d >= 0 && d <= 9 ? d : -1000000;
}

/** Parses exactly eight digits forming a real calendar date; returns -1 otherwise. Hot path: no division. */
export function parseDateBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 8) return -1;
  const year =
    digit(bytes, start) * 1000 + digit(bytes, start + 1) * 100 + digit(bytes, start + 2) * 10 + digit(bytes, start + 3);
  const month = digit(bytes, start + 4) * 10 + digit(bytes, start + 5);
  const day = digit(bytes, start + 6) * 10 + digit(bytes, start + 7);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return -1;
  if (day > 28 && day > daysInMonth(year, month)) return -1;
  return year * 10000 + month * 100 + day;
}

/** 20240131 → "2024-01-31". */
export function ymdToIso(date: number): string {
  const year = Math.floor(date / 10000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** "2024-01-31" (or "20240131") → 20240131; null when it is not a real date. */
export function isoToYmd(text: string): number | null {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const value = Number(match[1]) * 10000 + Number(match[2]) * 100 + Number(match[3]);
  return isValidYmd(value) ? value : null;
}

/** Month key yyyymm of a yyyymmdd date. */
export function monthOf(date: number): number {
  return Math.floor(date / 100);
}

/** Months from `from` to `to` inclusive (both yyyymm). */
export function monthRange(from: number, to: number): number[] {
  const months: number[] = [];
  let year = Math.floor(from / 100);
  let month = from % 100;
  while (year * 100 + month <= to) {
    months.push(year * 100 + month);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}
