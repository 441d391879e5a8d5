import type { Locale } from "@comptoir/shared/i18n/locale";

const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };
const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;

/** 1 536 → "1,5 ko" / "1.5 kB": powers of 1 024, as file managers show sizes. */
export function formatFileSize(locale: Locale, bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** "0f3a…": the first characters of a checksum, enough to tell two files apart at a glance. */
export function shortChecksum(sha256: string, length = 12): string {
  return sha256.length > length ? `${sha256.slice(0, length)}…` : sha256;
}
