import {
  ClientConfigurationError,
  ConfidentialClientApplication,
  ServerError,
  type Configuration,
} from "@azure/msal-node";
import { AppError } from "@comptoir/shared";

/** Returns a bearer token for Microsoft Graph; MSAL caches it until shortly before it expires. */
export type TokenProvider = () => Promise<string>;

export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

/** The Bot Connector's API, for the bot's own tokens ("Authentication with the Bot Connector API", step 1). */
export const BOT_CONNECTOR_SCOPE = "https://api.botframework.com/.default";

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/**
 * App-only tokens from Microsoft Entra ID (client credentials). `authorityHost` defaults to the public cloud;
 * it is a known authority, so MSAL reads the tenant's OpenID configuration there and asks no other host.
 */
export function createGraphTokenProvider(
  credentials: AppCredentials,
  authorityHost = "https://login.microsoftonline.com",
  scope = GRAPH_SCOPE,
): TokenProvider {
  const host = authorityHost.replace(/\/+$/, "");
  return msalTokenProvider(
    {
      auth: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        authority: `${host}/${credentials.tenantId}`,
        knownAuthorities: [new URL(host).host],
      },
    },
    scope,
  );
}

/** A host that cannot resolve: in local mode MSAL must never reach a real identity provider. */
const LOCAL_AUTHORITY_HOST = "login.graph-local.invalid";

/**
 * Local mode: the same MSAL client-credentials flow, but every endpoint MSAL would discover is given
 * up front (`knownAuthorities`, `cloudDiscoveryMetadata`, `authorityMetadata`), and the token endpoint is
 * the local Graph server's `/{tenant}/oauth2/v2.0/token`. MSAL insists on an https authority, which is
 * only a name here: the one request it sends goes to `token_endpoint`.
 */
export function createLocalGraphTokenProvider(opts: {
  localUrl: string;
  tenantId: string;
  clientId?: string;
  clientSecret?: string;
}): TokenProvider {
  const authority = `https://${LOCAL_AUTHORITY_HOST}/${opts.tenantId}`;
  const cloudDiscoveryMetadata = {
    tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
    "api-version": "1.1",
    metadata: [
      {
        preferred_network: LOCAL_AUTHORITY_HOST,
        preferred_cache: LOCAL_AUTHORITY_HOST,
        aliases: [LOCAL_AUTHORITY_HOST],
      },
    ],
  };
  const authorityMetadata = {
    token_endpoint: `${opts.localUrl.replace(/\/+$/, "")}/${opts.tenantId}/oauth2/v2.0/token`,
    authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
    end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
    issuer: `${authority}/v2.0`,
    jwks_uri: `${authority}/discovery/v2.0/keys`,
  };
  return msalTokenProvider({
    auth: {
      clientId: opts.clientId ?? "00000000-0000-4000-8000-000000000002",
      clientSecret: opts.clientSecret ?? "local-graph-secret",
      authority,
      knownAuthorities: [LOCAL_AUTHORITY_HOST],
      cloudDiscoveryMetadata: JSON.stringify(cloudDiscoveryMetadata),
      authorityMetadata: JSON.stringify(authorityMetadata),
    },
  });
}

function msalTokenProvider(config: Configuration, scope = GRAPH_SCOPE): TokenProvider {
  const app = new ConfidentialClientApplication(config);
  const acquire = async () => {
    let result;
    try {
      result = await app.acquireTokenByClientCredential({ scopes: [scope] });
    } catch (e) {
      throw classifyTokenError(e);
    }
    if (!result?.accessToken) throw new Error("The identity platform returned no access token");
    return result.accessToken;
  };
  // Calls made together share one acquisition: a burst of 200 Graph calls must not ask for 200 tokens.
  let inflight: Promise<string> | null = null;
  return () => {
    inflight ??= acquire().finally(() => {
      inflight = null;
    });
    return inflight;
  };
}

/**
 * A refusal by the identity platform (bad secret, unknown app, bad configuration) is permanent; anything
 * else (network, 5xx, 429) is left as is so the Graph client retries it as a transient failure.
 */
function classifyTokenError(e: unknown): unknown {
  const permanent =
    e instanceof ClientConfigurationError ||
    (e instanceof ServerError && typeof e.status === "number" && e.status >= 400 && e.status < 500 && e.status !== 429);
  if (!permanent) return e;
  return new AppError("GRAPH_AUTH_FAILED", { graphCode: e.errorCode, graphMessage: e.errorMessage.slice(0, 500) });
}
