import type { Configuration } from "@azure/msal-browser";
import type { AuthConfig } from "@comptoir/shared/auth-config";

export type MsalSetup = { ok: true; configuration: Configuration; scopes: string[] } | { ok: false; missing: string };

/** Microsoft Entra ID's public cloud, when the server names the tenant but no authority. */
const DEFAULT_AUTHORITY_HOST = "https://login.microsoftonline.com";

/** MSAL settings from `/auth-config.json`; names the first missing setting so the error says what to fix. */
export function msalSetup(config: AuthConfig, redirectUri: string, navigateToLoginRequestUrl: boolean): MsalSetup {
  if (!config.clientId) return { ok: false, missing: "clientId" };
  if (!config.apiScope) return { ok: false, missing: "apiScope" };
  const authority = config.authority ?? (config.tenantId ? `${DEFAULT_AUTHORITY_HOST}/${config.tenantId}` : undefined);
  // Comptoir's app is single-tenant (aad.manifest.json): without a tenant there is nowhere to sign in.
  if (!authority) return { ok: false, missing: "tenantId" };
  return {
    ok: true,
    scopes: [config.apiScope],
    configuration: {
      auth: {
        clientId: config.clientId,
        authority,
        // The authority the server names is trusted as is: MSAL then asks no other host (no instance discovery).
        knownAuthorities: [new URL(authority).host],
        redirectUri,
        navigateToLoginRequestUrl,
      },
      cache: { cacheLocation: "sessionStorage" },
    },
  };
}
