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

/**
 * Parses exactly eight digits forming a real calendar date; returns -1 otherwise. Hot path: the
 * digits are checked together without branches (a value 0–9 has no bit above 0xf, nor does it
 * reach 0x10 once 6 is added), and there is no division.
 */
export function parseDateBytes(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== 8) return -1;
  const d0 = (bytes[start] ?? 0) - 0x30;
  const d1 = (bytes[start + 1] ?? 0) - 0x30;
  const d2 = (bytes[start + 2] ?? 0) - 0x30;
  const d3 = (bytes[start + 3] ?? 0) - 0x30;
  const d4 = (bytes[start + 4] ?? 0) - 0x30;
  const d5 = (bytes[start + 5] ?? 0) - 0x30;
  const d6 = (bytes[start + 6] ?? 0) - 0x30;
  const d7 = (bytes[start + 7] ?? 0) - 0x30;
  if (((d0 | d1 | d2 | d3 | d4 | d5 | d6 | d7) & ~0xf) !== 0) return -1;
  if (((d0 + 6) | (d1 + 6) | (d2 + 6) | (d3 + 6) | (d4 + 6) | (d5 + 6) | (d6 + 6) | (d7 + 6)) & 0x10) return -1;
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = d4 * 10 + d5;
  const day = d6 * 10 + d7;
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
