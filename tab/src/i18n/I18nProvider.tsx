import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Locale } from "@comptoir/shared";
import { translate } from "@comptoir/shared/i18n/translate";
import { setApiLocale } from "../api/client";
import { I18nContext, type I18nValue } from "./context";
import { chooseLocale, LOCALE_STORAGE_KEY } from "./locale-choice";

function readStored(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage can be blocked in some embedded browsers; the choice then lasts for this page only.
  }
}

export function I18nProvider({ hostLocale, children }: { hostLocale: string | null; children: ReactNode }) {
  const [stored, setStored] = useState(readStored);
  const locale = chooseLocale({ stored, hostLocale, browserLanguages: navigator.languages });

  const setLocale = useCallback((next: Locale) => {
    writeStored(next);
    setStored(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    setApiLocale(locale);
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
