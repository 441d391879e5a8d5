import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import type { VerifierOptions } from "./verify";

const openIdConfigurationSchema = z.object({ issuer: z.string(), jwks_uri: z.url() });

/**
 * Entra ID settings for the firm's tenant: both token versions' issuers and audiences are accepted. The keys
 * come from the `jwks_uri` of the tenant's OpenID configuration (`<authority>/<tenant>/v2.0/.well-known/…`),
 * read on first use, so only the authority host differs between clouds.
 */
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
    keys: discoveredKeys(`${authority}/${tenantId}/v2.0/.well-known/openid-configuration`),
  };
}

/** The JWKS named by an OpenID configuration document; a failed discovery is retried on the next token. */
export function discoveredKeys(configurationUrl: string): JWTVerifyGetKey {
  let keys: Promise<JWTVerifyGetKey> | null = null;
  const discover = async (): Promise<JWTVerifyGetKey> => {
    const res = await fetch(configurationUrl, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok) throw new Error(`OpenID configuration ${configurationUrl}: HTTP ${res.status}`);
    const { jwks_uri } = openIdConfigurationSchema.parse(await res.json());
    return createRemoteJWKSet(new URL(jwks_uri));
  };
  return async (header, token) => {
    keys ??= discover().catch((e: unknown) => {
      keys = null;
      throw e;
    });
    return (await keys)(header, token);
  };
}
