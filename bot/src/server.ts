import type { Server } from "node:http";
import { invitationEmail } from "@comptoir/shared/mail/invitation-email";
import { createAccountingDeps } from "./accounting/service";
import { createBot, type Bot } from "./agent/agent";
import type { Env } from "./config/env";
import { createHttpApp } from "./http/app";
import type { AnyRoute } from "./http/route";
import { startInvitationPipeline, type InvitationPipeline } from "./invitations/pipeline";
import { removeGuestWithoutService } from "./invitations/remove-guest";
import { InvitationStateRepository } from "./invitations/state";
import type { LocalIssuer } from "./local/local-issuer";
import { ALL_TABLES, TABLES } from "./repos/tables";
import { accountingFileRouter, accountingRoutes } from "./routes/accounting";
import { clientSpaceRoutes } from "./routes/client-space";
import { contactRoutes } from "./routes/contacts";
import { dossierRoutes } from "./routes/dossiers";
import { invitationRoutes } from "./routes/invitations";
import { meRoutes } from "./routes/me";
import { openApiRoute } from "./routes/openapi";
import { roleRoutes } from "./routes/roles";
import { serviceRoutes } from "./routes/services";
import { seedDemoFirm } from "./seed/demo";
import type { ClientEventListener } from "./services/client-space";
import { createServiceDeps, type ServiceDeps } from "./services/context";
import { createStorage, type Storage } from "./storage/connection";
import { localWiring } from "./wiring/local";
import type { ModeWiring } from "./wiring/mode";
import { teamsWiring } from "./wiring/teams";
import { listen } from "./http/listen";

export interface RunningServer {
  url: string;
  server: Server;
  storage: Storage;
  deps: ServiceDeps;
  routes: readonly AnyRoute[];
  pipeline: InvitationPipeline;
  localIssuer?: LocalIssuer;
  localGraphUrl?: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  env: Env;
  connectionString: string;
  tablePrefix?: string;
  tabDist?: string;
}

/** Wires the one HTTP server: tab, REST API, bot endpoint and, in local mode only, the local sign-in and Graph. */
export async function startServer({
  env,
  connectionString,
  tablePrefix = "",
  tabDist,
}: ServerOptions): Promise<RunningServer> {
  const storage = createStorage(connectionString, tablePrefix);
  await storage.ensureTables([...ALL_TABLES, TABLES.invitations]);
  // Routes are built before the pipeline starts (it needs the server's URL): they reach it through this ref.
  const pipelineRef: { current?: InvitationPipeline } = {};
  const botRef: { current?: Bot } = {};
  const urlRef = { current: "" };
  const deps: ServiceDeps & { onClientEvent?: ClientEventListener } = {
    ...createServiceDeps(storage),
    // A client accepted or signed in for the first time: tell staff, and greet the client in Teams.
    onClientEvent: async (tenantId, event) => {
      await botRef.current?.notifyStaff(tenantId, event);
      if (event.kind === "accepted") await botRef.current?.greetClient(tenantId, event.subscription.id);
    },
    onProposed: (tenantId, subscription) =>
      requirePipeline(pipelineRef.current).enqueue({ tenantId, subscriptionId: subscription.id }),
  };
  const invitationState = new InvitationStateRepository(storage.table(TABLES.invitations));
  const accounting = createAccountingDeps(storage, {
    maxUploadBytes: env.FEC_MAX_BYTES,
    concurrentImports: env.FEC_IMPORT_CONCURRENCY,
  });
  await accounting.store.ensure();
  const routes: AnyRoute[] = [
    ...meRoutes,
    ...dossierRoutes(deps),
    ...contactRoutes(deps),
    ...roleRoutes(deps),
    ...serviceRoutes(deps),
    ...invitationRoutes(deps, invitationState, () => requirePipeline(pipelineRef.current)),
    ...clientSpaceRoutes(deps),
    ...accountingRoutes(deps, accounting),
  ];
  routes.push(openApiRoute(() => routes));

  let wiring: ModeWiring & { issuer?: LocalIssuer };
  if (env.COMPTOIR_MODE === "local") {
    if (env.SEED_DEMO)
      await seedDemoFirm(deps, env.AAD_APP_TENANT_ID, { dossiers: env.SEED_DOSSIERS, contacts: env.SEED_CONTACTS });
    wiring = await localWiring(env, deps, { connectionString, tablePrefix });
  } else {
    wiring = teamsWiring(env);
  }

  const bot = await createBot({
    deps,
    auth: wiring.agentAuth,
    storage,
    connectionString,
    queuePrefix: tablePrefix.toLowerCase(),
    firmTenantId: env.AAD_APP_TENANT_ID,
    appLinks:
      env.COMPTOIR_MODE === "teams"
        ? { webUrl: env.TAB_ENDPOINT, teamsAppId: env.TEAMS_APP_ID }
        : { webUrl: () => urlRef.current },
  });
  botRef.current = bot;

  const app = createHttpApp({
    verify: wiring.verify,
    routes,
    maxJsonBytes: env.MAX_JSON_BODY_BYTES,
    authConfig: wiring.authConfig,
    agent: bot.router,
    rawApi: [accountingFileRouter(deps, accounting, wiring.verify)],
    ...(wiring.localSignIn ? { localSignIn: wiring.localSignIn } : {}),
    ...(tabDist ? { tabDist } : {}),
  });
  const { server, port } = await listen(app, env.PORT, env.HOST);
  const url = `http://${env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST}:${port}`;
  // Local mode always links to where it actually listens (env/.env.local's TAB_ENDPOINT is for packaging).
  const publicUrl = env.COMPTOIR_MODE === "teams" ? env.TAB_ENDPOINT : url;
  urlRef.current = publicUrl;

  const pipeline = await startInvitationPipeline(deps, {
    connectionString,
    queuePrefix: tablePrefix.toLowerCase(),
    graph: wiring.graph,
    composeMail: invitationEmail,
    state: invitationState,
    clientAppUrl: `${publicUrl}/#/ma-societe`,
    sendInvitationMessage: env.SEND_INVITATION_MESSAGE,
    invitationsPerWindow: env.INVITATIONS_PER_5S,
    // A little over Microsoft's 5 s, so that network jitter never lands a request inside their window.
    invitationWindowMs: 5_250,
    mailsPerMinute: env.MAIL_PER_MINUTE,
    concurrency: env.PIPELINE_CONCURRENCY,
    idleMs: 500,
    maxAttempts: 8,
    onInvited: async (tenantId, subscriptionId) => {
      await bot.greetClient(tenantId, subscriptionId);
    },
  });
  pipelineRef.current = pipeline;
  if (env.DELETE_GUEST_WITHOUT_SERVICE) deps.onRevoked = removeGuestWithoutService(deps, wiring.graph);

  return {
    url,
    server,
    storage,
    deps,
    routes,
    pipeline,
    ...(wiring.issuer ? { localIssuer: wiring.issuer } : {}),
    ...(wiring.localGraphUrl ? { localGraphUrl: wiring.localGraphUrl } : {}),
    async close() {
      await pipeline.stop();
      await bot.stop();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await wiring.stop();
    },
  };
}

function requirePipeline(pipeline: InvitationPipeline | undefined): InvitationPipeline {
  if (!pipeline) throw new Error("The invitation pipeline is not started yet");
  return pipeline;
}
