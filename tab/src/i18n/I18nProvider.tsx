import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Locale } from "@comptoir/shared";
import { translate } from "@comptoir/shared/i18n/translate";
import { setApiLocale } from "../api/client";
import { catalogueReady, loadCatalogue } from "./catalogue-loading";
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
  const chosen = chooseLocale({ stored, hostLocale, browserLanguages: navigator.languages });
  // English comes in its own chunk. Until it is there, the page keeps the language it had (switching must not
  // unmount the app and lose a form's typing), or stays blank a few ms on a first load, never shows keys;
  // if it cannot be loaded, French (always there) is shown.
  const [loaded, setLoaded] = useState<Locale | null>(null);
  const [failed, setFailed] = useState<Locale | null>(null);
  const [previous, setPrevious] = useState<Locale | null>(null);
  const ready = loaded === chosen || catalogueReady(chosen);
  const locale: Locale | null = ready ? chosen : failed === chosen ? "fr" : previous;
  if (ready && previous !== chosen) setPrevious(chosen);
  useEffect(() => {
    if (ready) return;
    loadCatalogue(chosen).then(
      () => setLoaded(chosen),
      () => setFailed(chosen),
    );
  }, [chosen, ready]);

  const setLocale = useCallback((next: Locale) => {
    writeStored(next);
    setStored(next);
  }, []);

  useEffect(() => {
    if (!locale) return;
    document.documentElement.lang = locale;
    setApiLocale(locale);
  }, [locale]);

  const value = useMemo<I18nValue | null>(
    () => (locale ? { locale, setLocale, t: (key, params) => translate(locale, key, params) } : null),
    [locale, setLocale],
  );
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
