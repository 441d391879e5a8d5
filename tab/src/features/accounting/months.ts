import { monthRange } from "@comptoir/shared/accounting/fec/date";
import type { Locale } from "@comptoir/shared/i18n/locale";

/** Month keys are yyyymm integers (202503), as in the shared accounting computations. */
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

/** "2025-03-31" → 202503; null when the text is not an ISO date. */
export function monthOfIso(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? Number(m[1]) * 100 + month : null;
}

/** The months an exercice spans, in order (an exercice of 18 months has 18). */
export function exerciceMonths(start: string, end: string): number[] {
  const from = monthOfIso(start);
  const to = monthOfIso(end);
  if (from === null || to === null || to < from) return [];
  return monthRange(from, to);
}

export interface MonthRange {
  from: number;
  to: number;
}

/**
 * Keeps a chosen range inside the exercice and in order: a bound outside the exercice snaps to its
 * edge, and a "from" after "to" swaps them. No months → null.
 */
export function clampMonthRange(months: readonly number[], range: Partial<MonthRange>): MonthRange | null {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return null;
  const inside = (m: number | undefined, fallback: number) => (m === undefined || !months.includes(m) ? fallback : m);
  const from = inside(range.from, first);
  const to = inside(range.to, last);
  return from <= to ? { from, to } : { from: to, to: from };
}

/** True when the range covers the whole exercice (no month filter to send). */
export function isWholeExercice(months: readonly number[], range: MonthRange): boolean {
  return range.from === months[0] && range.to === months[months.length - 1];
}

/** First day of a month, ISO. */
export function monthStartIso(month: number): string {
  const y = Math.floor(month / 100);
  const m = month % 100;
  return `${y}-${String(m).padStart(2, "0")}-01`;
}

/** Last day of a month, ISO (leap years included). */
export function monthEndIso(month: number): string {
  const y = Math.floor(month / 100);
  const m = month % 100;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

/** 202503 → "2025-03", the form used in URLs and file names. */
export function monthKey(month: number): string {
  return monthStartIso(month).slice(0, 7);
}

/** "2025-03" → 202503; null otherwise. */
export function parseMonthKey(text: string | null | undefined): number | null {
  if (!text) return null;
  return monthOfIso(`${text}-01`);
}

const labelFormats = new Map<string, Intl.DateTimeFormat>();

/** 202503 → "mars 2025" (long) / "mars 25" (short, for chart axes). */
export function monthLabel(locale: Locale, month: number, style: "long" | "short" = "long"): string {
  const cacheId = `${locale}:${style}`;
  let f = labelFormats.get(cacheId);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      month: style === "long" ? "long" : "short",
      year: style === "long" ? "numeric" : "2-digit",
      timeZone: "UTC",
    });
    labelFormats.set(cacheId, f);
  }
  return f.format(new Date(Date.UTC(Math.floor(month / 100), (month % 100) - 1, 15)));
}

/** A FEC date kept as yyyymmdd (20250331) → "2025-03-31". */
export function ymdIso(ymd: number): string {
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  const d = ymd % 100;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A FEC date (yyyymmdd) in a table: "31/12/2025". */
export function formatYmd(locale: Locale, ymd: number): string {
  let f = dayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "short", timeZone: "UTC" });
    dayFormats.set(locale, f);
  }
  const y = Math.floor(ymd / 10000);
  const m = Math.floor(ymd / 100) % 100;
  return f.format(new Date(Date.UTC(y, m - 1, ymd % 100, 12)));
}
