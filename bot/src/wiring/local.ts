import { resolve } from "node:path";
import { createTokenVerifier } from "../auth/verify";
import type { LocalEnv } from "../config/env";
import { createGraphAdapter, createLocalGraphTokenProvider } from "../graph";
import { DEMO_PERSONS } from "../local/demo-persons";
import { LOCAL_TEAMS_APP_MANIFEST_ID, startLocalGraphServer } from "../local/graph-server";
import { createLocalIssuer, type LocalIssuer } from "../local/local-issuer";
import { createSignInRouter } from "../local/signin-router";
import type { ServiceDeps } from "../services/context";
import { guestGraph } from "./graph-port";
import type { ModeWiring } from "./mode";

const LOCAL_MAIL_SENDER = "cabinet@comptoir.local";

/** Local mode: the local issuer and sign-in page, and the local Graph server in place of Microsoft Graph. */
export async function localWiring(
  env: LocalEnv,
  deps: ServiceDeps,
  storage: { connectionString: string; tablePrefix: string },
): Promise<ModeWiring & { issuer: LocalIssuer }> {
  const issuer = await createLocalIssuer(
    resolve(env.DATA_DIR, "local-idp", "key.json"),
    env.AAD_APP_TENANT_ID,
    env.LOCAL_API_AUDIENCE,
  );
  const start = (port: number | undefined) =>
    startLocalGraphServer({
      connectionString: storage.connectionString,
      tablePrefix: storage.tablePrefix,
      tenantId: env.AAD_APP_TENANT_ID,
      port,
      throttle: { enabled: env.LOCAL_GRAPH_THROTTLE },
      organizationName: async () => (await deps.repos.firms.get(env.AAD_APP_TENANT_ID))?.value.name ?? "Cabinet",
    });
  const graphServer = await start(env.LOCAL_GRAPH_PORT).catch((e: unknown) => {
    // The preferred port is taken: run anyway; only links in e-mails already sent will point elsewhere.
    if ((e as { code?: string }).code !== "EADDRINUSE") throw e;
    console.warn(`Port ${env.LOCAL_GRAPH_PORT ?? 0} is taken: the local Graph server picks another one.`);
    return start(0);
  });
  const graph = createGraphAdapter({
    baseUrl: graphServer.graphBaseUrl,
    getToken: createLocalGraphTokenProvider({ localUrl: graphServer.url, tenantId: env.AAD_APP_TENANT_ID }),
  });
  const persons = async () => {
    const guests = await graphServer.acceptedGuests();
    const known = new Set(DEMO_PERSONS.map((p) => p.oid));
    return [
      ...DEMO_PERSONS,
      ...guests
        .filter((g) => !known.has(g.oid))
        .map((g) => ({ ...g, roles: [], description: "Client invité (invitation acceptée)" })),
    ];
  };
  return {
    issuer,
    verify: createTokenVerifier(issuer.verifierOptions()),
    authConfig: { mode: "local", tenantId: env.AAD_APP_TENANT_ID, localAuthorizeUrl: "/local-idp/authorize" },
    agentAuth: {},
    graph: guestGraph(graph, LOCAL_MAIL_SENDER, LOCAL_TEAMS_APP_MANIFEST_ID),
    localSignIn: createSignInRouter({ issuer, persons }),
    localGraphUrl: graphServer.url.replace("127.0.0.1", "localhost"),
    stop: () => graphServer.stop(),
  };
}
