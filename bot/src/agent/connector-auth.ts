import { CloudAdapter, type AuthConfiguration, type AuthProvider, type Connections } from "@microsoft/agents-hosting";
import { isAllowedServiceUrl } from "../jobs/proactive/service-urls";

/** The resource of the Bot Connector's API: the SDK asks for it without `/.default`. */
export const BOT_CONNECTOR_RESOURCE = "https://api.botframework.com";

export interface ConnectorCredentials {
  botId: string;
  /** A bearer token for the Bot Connector (client credentials of the bot, scope `https://api.botframework.com/.default`). */
  token: () => Promise<string>;
  /** BOT_SERVICE_URL_HOSTS: the only hosts the adapter may open a Connector client for. */
  allowedHosts: readonly string[];
}

/**
 * The adapter of teams mode. The SDK would build its own MSAL client from `authConfig`, with no
 * `knownAuthorities` (so always asking login.microsoftonline.com); instead every token it needs comes from
 * ours, which asks Entra ID at AAD_APP_OAUTH_AUTHORITY_HOST. Its outbound host policy refuses, for replies as
 * for proactive sends, any `serviceUrl` off the allow-list; `validateServiceUrl` also turns the SDK's own
 * claim/activity host check from a log line into a refusal (ours, in channel-auth.ts, runs first).
 */
export function teamsAdapter(authConfig: AuthConfiguration, credentials: ConnectorCredentials): CloudAdapter {
  const policy = {
    enabled: true,
    isAllowed: (url: string | URL | null | undefined) =>
      isAllowedServiceUrl(url instanceof URL ? url.href : url, credentials.allowedHosts),
  };
  const adapter = new CloudAdapter(authConfig, undefined, undefined, { validateServiceUrl: true }, policy);
  // A public field: AgentApplication reads it when it is built, so this runs before.
  adapter.connectionManager = connectorConnections(credentials);
  return adapter;
}

/** Every connection the SDK may look up is the bot's own, and it only serves the Bot Connector's resource. */
function connectorConnections(credentials: ConnectorCredentials): Connections {
  const settings: AuthConfiguration = { clientId: credentials.botId };
  const unsupported = (what: string) => () =>
    Promise.reject(new Error(`The bot does not request ${what} tokens (only the Bot Connector's)`));
  const provider: AuthProvider = {
    connectionSettings: settings,
    getAccessToken: (configOrScope: AuthConfiguration | string, scope?: string) => {
      const resource = typeof configOrScope === "string" ? configOrScope : scope;
      if (resource !== BOT_CONNECTOR_RESOURCE)
        return Promise.reject(
          new Error("The bot's credentials only serve the Bot Connector (https://api.botframework.com)"),
        );
      return credentials.token();
    },
    getAgenticApplicationToken: unsupported("agentic"),
    getAgenticInstanceToken: unsupported("agentic"),
    getAgenticUserToken: unsupported("agentic"),
    acquireTokenOnBehalfOf: unsupported("on-behalf-of"),
  };
  return {
    getConnection: () => provider,
    getDefaultConnection: () => provider,
    getTokenProvider: () => provider,
    getTokenProviderFromActivity: () => provider,
    getDefaultConnectionConfiguration: () => settings,
  };
}
