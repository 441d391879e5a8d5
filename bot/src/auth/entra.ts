import { createRemoteJWKSet } from "jose";
import type { VerifierOptions } from "./verify";

/** Entra ID settings for the firm's tenant: both token versions' issuers and audiences are accepted. */
export function entraVerifierOptions(
  tenantId: string,
  clientId: string,
  tabDomain: string,
  authority = "https://login.microsoftonline.com",
): VerifierOptions {
  return {
    tenantId,
    issuers: [`${authority}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
    audiences: [clientId, `api://${tabDomain}/${clientId}`],
    keys: createRemoteJWKSet(new URL(`${authority}/${tenantId}/discovery/v2.0/keys`)),
  };
}
