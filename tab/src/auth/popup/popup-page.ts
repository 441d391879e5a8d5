import { authConfigSchema, type AuthConfig } from "@comptoir/shared/auth-config";
import type { Locale, MessageKey } from "@comptoir/shared";
import { translate } from "@comptoir/shared/i18n/translate";
import type { app } from "@microsoft/teams-js";
import { apiFetch, setApiLocale } from "../../api/client";
import { loadCatalogue } from "../../i18n/catalogue-loading";
import { chooseLocale, LOCALE_STORAGE_KEY } from "../../i18n/locale-choice";

/** The consent popup speaks the same language as the tab that opened it. */
export function popupLocale(context: app.Context | null): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    stored = null;
  }
  return chooseLocale({ stored, hostLocale: context?.app.locale ?? null, browserLanguages: navigator.languages });
}

/** In `locale` once its catalogue is there (English is a chunk of its own), in French if it cannot be loaded. */
export async function showStatus(locale: Locale, key: MessageKey): Promise<void> {
  const shown = await loadCatalogue(locale).then(
    () => locale,
    () => "fr" as const,
  );
  document.documentElement.lang = shown;
  document.title = translate(shown, "shell.popup.title");
  const status = document.getElementById("status");
  if (status) status.textContent = translate(shown, key);
}

export async function loadAuthConfig(locale: Locale): Promise<AuthConfig> {
  setApiLocale(locale);
  return (await apiFetch("/auth-config.json", { schema: authConfigSchema, auth: false })).data;
}

/** Where Microsoft sends the popup back; must be a registered SPA redirect URI of the Entra app. */
export const popupRedirectUri = (): string => `${window.location.origin}/auth-end.html`;
