import { authConfigSchema, type AuthConfig } from "@comptoir/shared/auth-config";
import type { Locale, MessageKey } from "@comptoir/shared";
import { translate } from "@comptoir/shared/i18n/translate";
import type { app } from "@microsoft/teams-js";
import { apiFetch, setApiLocale } from "../../api/client";
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

export function showStatus(locale: Locale, key: MessageKey): void {
  document.documentElement.lang = locale;
  document.title = translate(locale, "shell.popup.title");
  const status = document.getElementById("status");
  if (status) status.textContent = translate(locale, key);
}

export async function loadAuthConfig(locale: Locale): Promise<AuthConfig> {
  setApiLocale(locale);
  return (await apiFetch("/auth-config.json", { schema: authConfigSchema, auth: false })).data;
}

/** Where Microsoft sends the popup back; must be a registered SPA redirect URI of the Entra app. */
export const popupRedirectUri = (): string => `${window.location.origin}/auth-end.html`;
