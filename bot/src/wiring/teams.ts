import { entraVerifierOptions } from "../auth/entra";
import { createTokenVerifier } from "../auth/verify";
import type { TeamsEnv } from "../config/env";
import { createGraphAdapter, createGraphTokenProvider } from "../graph";
import { guestGraph } from "./graph-port";
import type { ModeFactory, ModeWiring } from "./mode";

/** `teams` mode: Entra ID, Microsoft Graph and the Bot Framework, at the URLs the environment names. */
export function teamsWiring(env: TeamsEnv): ModeWiring {
  const authority = env.AAD_APP_OAUTH_AUTHORITY_HOST;
  const graph = createGraphAdapter({
    baseUrl: env.GRAPH_BASE_URL,
    getToken: createGraphTokenProvider(
      {
        tenantId: env.AAD_APP_TENANT_ID,
        clientId: env.AAD_APP_CLIENT_ID,
        clientSecret: env.SECRET_AAD_APP_CLIENT_SECRET,
      },
      authority,
    ),
  });
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
    agentAuth: { clientId: env.BOT_ID, clientSecret: env.SECRET_BOT_PASSWORD, tenantId: env.AAD_APP_TENANT_ID },
    graph: guestGraph(graph, env.GRAPH_MAIL_SENDER, env.TEAMS_APP_ID),
    stop: () => Promise.resolve(),
  };
}

/** The production entry point's mode. */
export const teamsMode: ModeFactory<ModeWiring> = ({ env }) => {
  if (env.COMPTOIR_MODE !== "teams") return Promise.reject(new Error("teamsMode needs COMPTOIR_MODE=teams"));
  return Promise.resolve(teamsWiring(env));
};
