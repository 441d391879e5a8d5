import type { Configuration } from "@azure/msal-browser";
import type { AuthConfig } from "@comptoir/shared/auth-config";

export type MsalSetup = { ok: true; configuration: Configuration; scopes: string[] } | { ok: false; missing: string };

/** MSAL settings from `/auth-config.json`; names the first missing setting so the error says what to fix. */
export function msalSetup(config: AuthConfig, redirectUri: string, navigateToLoginRequestUrl: boolean): MsalSetup {
  if (!config.clientId) return { ok: false, missing: "clientId" };
  if (!config.apiScope) return { ok: false, missing: "apiScope" };
  const authority =
    config.authority ?? (config.tenantId ? `https://login.microsoftonline.com/${config.tenantId}` : undefined);
  return {
    ok: true,
    scopes: [config.apiScope],
    configuration: {
      auth: { clientId: config.clientId, authority, redirectUri, navigateToLoginRequestUrl },
      cache: { cacheLocation: "sessionStorage" },
    },
  };
}
