import { errorMessageKey, type ErrorCode } from "./errors";
import type { MessageKey } from "./i18n/fr";
import type { Locale } from "./i18n/locale";
import { isMessageKey, translate, type Params } from "./i18n/translate";

/** `2026-01-31` as the reader writes a day ("31 janvier 2026"); anything else unchanged. */
function day(locale: Locale, value: string | number | undefined): string | number | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
}

/** The catalogue sentence saying why a refusal happened and what its reader can do, when the error carries them. */
function refusalDetailKey(code: ErrorCode, params: Params): MessageKey | null {
  if (code !== "SUBSCRIPTION_REQUIRED") return null;
  const key = `refusal.subscription.${String(params.reason)}.${String(params.reader)}`;
  return isMessageKey(key) ? key : null;
}

/**
 * An error's message in the reader's language: the catalogue sentence of its code, then, for a refusal
 * that names its reason and its reader (`reason`, `reader`: admin | staff), why and the next step.
 */
export function explainError(locale: Locale, code: ErrorCode, params: Params = {}): string {
  const base = translate(locale, errorMessageKey(code), params);
  const detail = refusalDetailKey(code, params);
  if (detail === null) return base;
  const until = day(locale, params.until);
  const sentence = /[.!?]$/.test(base) ? base : `${base}.`;
  return `${sentence} ${translate(locale, detail, until === undefined ? params : { ...params, until })}`;
}
