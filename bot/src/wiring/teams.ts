import { entraVerifierOptions } from "../auth/entra";
import { createTokenVerifier } from "../auth/verify";
import type { TeamsEnv } from "../config/env";
import {
  createDriveClient,
  createGraphAdapter,
  createGraphHttp,
  createGraphTokenProvider,
  graphPersonDirectory,
} from "../graph";
import { BOT_CONNECTOR_SCOPE } from "../graph/token";
import { guestGraph, intakeDrives } from "./graph-port";
import type { ModeFactory, ModeWiring } from "./mode";

/** `teams` mode: Entra ID, Microsoft Graph and the Bot Framework, at the URLs the environment names. */
export function teamsWiring(env: TeamsEnv): ModeWiring {
  const authority = env.AAD_APP_OAUTH_AUTHORITY_HOST;
  const graphOptions = {
    baseUrl: env.GRAPH_BASE_URL,
    getToken: createGraphTokenProvider(
      {
        tenantId: env.AAD_APP_TENANT_ID,
        clientId: env.AAD_APP_CLIENT_ID,
        clientSecret: env.SECRET_AAD_APP_CLIENT_SECRET,
      },
      authority,
    ),
  };
  const graph = createGraphAdapter(graphOptions);
  return {
    verify: createTokenVerifier(
      entraVerifierOptions(env.AAD_APP_TENANT_ID, env.AAD_APP_CLIENT_ID, env.TAB_DOMAIN, authority),
    ),
    authConfig: {
      mode: "teams",
      clientId: env.AAD_APP_CLIENT_ID,
      tenantId: env.AAD_APP_TENANT_ID,
      authority: `${authority}/${env.AAD_APP_TENANT_ID}`,
      apiScope: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}/access_as_user`,
    },
    // The bot's secret stays in its token provider below: the SDK never builds an MSAL client of its own.
    agentAuth: { clientId: env.BOT_ID, tenantId: env.AAD_APP_TENANT_ID },
    botConnector: {
      openIdMetadataUrl: env.BOT_OPENID_METADATA_URL,
      serviceUrlHosts: env.BOT_SERVICE_URL_HOSTS,
      // A single-tenant bot asks its own tenant, at the same Entra host as the rest of the app.
      connectorToken: createGraphTokenProvider(
        { tenantId: env.AAD_APP_TENANT_ID, clientId: env.BOT_ID, clientSecret: env.SECRET_BOT_PASSWORD },
        authority,
        BOT_CONNECTOR_SCOPE,
      ),
    },
    graph: guestGraph(graph, env.GRAPH_MAIL_SENDER, env.TEAMS_APP_ID),
    drives: intakeDrives(createDriveClient(createGraphHttp(graphOptions))),
    // Comptoir's own service principal (AAD_APP_CLIENT_ID) holds Firm.Staff / Firm.Admin.
    directory: graphPersonDirectory(graph, env.AAD_APP_CLIENT_ID),
    stop: () => Promise.resolve(),
  };
}

/** The production entry point's mode. */
export const teamsMode: ModeFactory<ModeWiring> = ({ env }) => {
  if (env.COMPTOIR_MODE !== "teams") return Promise.reject(new Error("teamsMode needs COMPTOIR_MODE=teams"));
  return Promise.resolve(teamsWiring(env));
};
