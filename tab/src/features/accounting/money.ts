import type { Locale } from "@comptoir/shared/i18n/locale";

/**
 * Amounts arrive as integer cents. One rule everywhere: a negative amount carries a minus sign (never
 * parentheses), so tables, tiles and charts read the same. Figures are laid out with tabular numerals.
 */
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

type Style = "money" | "amount" | "compact";
const formats = new Map<string, Intl.NumberFormat>();

function format(locale: Locale, style: Style): Intl.NumberFormat {
  const cacheId = `${locale}:${style}`;
  let f = formats.get(cacheId);
  if (!f) {
    const options: Intl.NumberFormatOptions =
      style === "money"
        ? { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 }
        : style === "amount"
          ? { minimumFractionDigits: 2, maximumFractionDigits: 2 }
          : { style: "currency", currency: "EUR", notation: "compact", maximumFractionDigits: 1 };
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    formats.set(cacheId, f);
  }
  return f;
}

/** Cents as a decimal string ("-1234.5" → exact, no float rounding for any safe integer). */
function decimal(cents: number): `${number}` {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Not an amount in cents: ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}${units}.${rest < 10 ? "0" : ""}${rest}` as `${number}`;
}

function formatDecimal(f: Intl.NumberFormat, cents: number): string {
  // The string form keeps every digit; `-0` never shows up as "-0,00 €".
  return f.format(cents === 0 ? "0" : decimal(cents));
}

/** `-123456` → "-1 234,56 €" / "-€1,234.56". */
export function formatMoney(locale: Locale, cents: number): string {
  return formatDecimal(format(locale, "money"), cents);
}

/** A table cell in a column already titled in euros: `123456` → "1 234,56". */
export function formatAmount(locale: Locale, cents: number): string {
  return formatDecimal(format(locale, "amount"), cents);
}

/** Debit/credit columns leave zero blank, as ledgers are printed. */
export function formatAmountOrBlank(locale: Locale, cents: number): string {
  return cents === 0 ? "" : formatAmount(locale, cents);
}

/** Chart axes: `12345600` → "123,5 k€". */
export function formatCompactMoney(locale: Locale, cents: number): string {
  return format(locale, "compact").format(Math.round(cents / 100));
}

/** A running balance on its side: positive is a debit balance, negative a credit one. */
export function balanceSide(cents: number): "debit" | "credit" | "zero" {
  return cents > 0 ? "debit" : cents < 0 ? "credit" : "zero";
}

/** Change from N-1 in percent (one decimal); null when N-1 is zero or missing. */
export function variationPercent(current: number, previous: number | undefined | null): number | null {
  if (previous === undefined || previous === null || previous === 0) return null;
  return Math.round(((current - previous) / Math.abs(previous)) * 1000) / 10;
}

/** A change in percent with its sign: "+12,5" / "-3" (the % sign is in the sentence around it). */
export function formatChange(locale: Locale, percent: number): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
    percent,
  );
}
