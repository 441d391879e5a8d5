import { resolve } from "node:path";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAgentRouter } from "./agent/agent";
import { entraVerifierOptions } from "./auth/entra";
import { createTokenVerifier } from "./auth/verify";
import type { Env } from "./config/env";
import { createHttpApp } from "./http/app";
import type { AnyRoute } from "./http/route";
import { DEMO_PERSONS } from "./local/demo-persons";
import { createLocalIssuer, type LocalIssuer } from "./local/local-issuer";
import { createSignInRouter } from "./local/signin-router";
import { ALL_TABLES } from "./repos/tables";
import { clientSpaceRoutes } from "./routes/client-space";
import { contactRoutes } from "./routes/contacts";
import { dossierRoutes } from "./routes/dossiers";
import { meRoutes } from "./routes/me";
import { openApiRoute } from "./routes/openapi";
import { roleRoutes } from "./routes/roles";
import { serviceRoutes } from "./routes/services";
import { seedDemoFirm } from "./seed/demo";
import { createServiceDeps, type ServiceDeps } from "./services/context";
import { createStorage, type Storage } from "./storage/connection";

export interface RunningServer {
  url: string;
  server: Server;
  storage: Storage;
  deps: ServiceDeps;
  routes: readonly AnyRoute[];
  localIssuer?: LocalIssuer;
  close(): Promise<void>;
}

export interface ServerOptions {
  env: Env;
  connectionString: string;
  tablePrefix?: string;
  tabDist?: string;
}

/** Wires the one HTTP server: tab, REST API, bot endpoint and, in local mode only, the local sign-in. */
export async function startServer({
  env,
  connectionString,
  tablePrefix,
  tabDist,
}: ServerOptions): Promise<RunningServer> {
  const storage = createStorage(connectionString, tablePrefix);
  await storage.ensureTables(ALL_TABLES);
  const deps = createServiceDeps(storage);
  const routes: AnyRoute[] = [
    ...meRoutes,
    ...dossierRoutes(deps),
    ...contactRoutes(deps),
    ...roleRoutes(deps),
    ...serviceRoutes(deps),
    ...clientSpaceRoutes(deps),
  ];
  routes.push(openApiRoute(() => routes));

  let localIssuer: LocalIssuer | undefined;
  let app;
  if (env.COMPTOIR_MODE === "local") {
    if (env.SEED_DEMO)
      await seedDemoFirm(deps, env.AAD_APP_TENANT_ID, { dossiers: env.SEED_DOSSIERS, contacts: env.SEED_CONTACTS });
    localIssuer = await createLocalIssuer(
      resolve(env.DATA_DIR, "local-idp", "key.json"),
      env.AAD_APP_TENANT_ID,
      env.LOCAL_API_AUDIENCE,
    );
    app = createHttpApp({
      verify: createTokenVerifier(localIssuer.verifierOptions()),
      routes,
      maxJsonBytes: env.MAX_JSON_BODY_BYTES,
      authConfig: { mode: "local", tenantId: env.AAD_APP_TENANT_ID, localAuthorizeUrl: "/local-idp/authorize" },
      agent: createAgentRouter({ auth: {} }),
      localSignIn: createSignInRouter({ issuer: localIssuer, persons: () => Promise.resolve(DEMO_PERSONS) }),
      tabDist,
    });
  } else {
    const authority = env.AAD_APP_OAUTH_AUTHORITY?.replace(/\/[^/]+$/, "") ?? "https://login.microsoftonline.com";
    app = createHttpApp({
      verify: createTokenVerifier(
        entraVerifierOptions(env.AAD_APP_TENANT_ID, env.AAD_APP_CLIENT_ID, env.TAB_DOMAIN, authority),
      ),
      routes,
      maxJsonBytes: env.MAX_JSON_BODY_BYTES,
      authConfig: {
        mode: "teams",
        clientId: env.AAD_APP_CLIENT_ID,
        tenantId: env.AAD_APP_TENANT_ID,
        authority: `${authority}/${env.AAD_APP_TENANT_ID}`,
        apiScope: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}/access_as_user`,
      },
      agent: createAgentRouter({
        auth: { clientId: env.BOT_ID, clientSecret: env.SECRET_BOT_PASSWORD, tenantId: env.AAD_APP_TENANT_ID },
      }),
      tabDist,
    });
  }

  const server = await new Promise<Server>((ok, fail) => {
    const s = app.listen(env.PORT, env.HOST, () => ok(s));
    s.once("error", fail);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST}:${port}`,
    server,
    storage,
    deps,
    routes,
    localIssuer,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
