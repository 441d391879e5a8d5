import type { Locale } from "@comptoir/shared";
import { localeSchema, resolveLocale } from "@comptoir/shared/i18n/locale";

export const LOCALE_STORAGE_KEY = "comptoir.locale";

export interface LocaleSignals {
  /** The person's explicit choice from the language switch. */
  stored: string | null;
  /** `context.app.locale` from Teams, Outlook or the Microsoft 365 app. */
  hostLocale: string | null;
  /** `navigator.languages`, most preferred first. */
  browserLanguages: readonly string[];
}

/** An explicit choice wins, then the Microsoft 365 host, then the browser; French otherwise. */
export function chooseLocale({ stored, hostLocale, browserLanguages }: LocaleSignals): Locale {
  const explicit = localeSchema.safeParse(stored);
  if (explicit.success) return explicit.data;
  if (hostLocale) return resolveLocale(hostLocale);
  return resolveLocale(browserLanguages.join(","));
}
