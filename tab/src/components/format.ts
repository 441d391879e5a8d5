import type { Locale } from "@comptoir/shared/i18n/locale";

/** Dates are shown on the firm's calendar (Paris), in the reader's language. */
const TIME_ZONE = "Europe/Paris";
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

function cached(map: Map<Locale, Intl.DateTimeFormat>, locale: Locale, options: Intl.DateTimeFormatOptions) {
  let format = map.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, ...options });
    map.set(locale, format);
  }
  return format;
}

/** `2025-03-04T09:30:00Z` → "4 mars 2025, 10:30" / "4 Mar 2025, 10:30". */
export function formatDateTime(locale: Locale, iso: string): string {
  return cached(dateTimeFormats, locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** A calendar day `YYYY-MM-DD` → "31 déc. 2025" (read at noon UTC so no time zone moves the day). */
export function formatDay(locale: Locale, isoDate: string): string {
  return cached(dateFormats, locale, { dateStyle: "medium" }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** `+33123456789` → "01 23 45 67 89"; other countries stay in their international form. */
export function formatPhone(e164: string | null): string {
  if (!e164) return "";
  const french = /^\+33(\d{9})$/.exec(e164);
  if (!french?.[1]) return e164;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

/** `732829320` → "732 829 320". */
export function formatSiren(siren: string | null): string {
  if (!siren) return "";
  return siren.replace(/(\d{3})(?=\d)/g, "$1 ");
}

/** `12-31` (fiscal year end) → "31 décembre" / "31 December". */
export function formatMonthDay(locale: Locale, monthDay: string): string {
  const [month, day] = monthDay.split("-").map(Number);
  if (!month || !day) return monthDay;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, month - 1, day, 12)),
  );
}
