import type { Server } from "node:http";
import express from "express";
import { invitationEmail } from "@comptoir/shared/mail/invitation-email";
import { createAccountingDeps } from "./accounting/deps";
import { importNoticeCardFor } from "./accounting/notify/card";
import { createImportNotifier, type ImportNotifier } from "./accounting/notify/notifier";
import { createBot, type Bot } from "./agent/agent";
import type { Env } from "./config/env";
import { createHttpApp } from "./api/http/app";
import type { AnyRoute } from "./api/http/route";
import { startInvitationPipeline, type InvitationPipeline } from "./jobs/invitations/pipeline";
import { removeGuestWithoutService } from "./jobs/invitations/remove-guest";
import { createRepos } from "./core/repos";
import { ALL_TABLES } from "./core/repos/tables";
import { accountingRoutes } from "./api/routes/accounting";
import { importNoticeRoutes } from "./api/routes/import-notices";
import { earlyArrivalRoutes } from "./api/routes/early-arrivals";
import { intakeRoutes } from "./api/routes/fec-intake";
import { graphNotificationsRouter } from "./api/webhooks/graph-notifications";
import type { IntakeDeps } from "./accounting/intake/service";
import { startIntakeWorker, type IntakeWorker } from "./accounting/intake/worker";
import { startSearchIndexWorker, type SearchIndexWorker } from "./accounting/indexing/worker";
import { IntakeStore } from "./accounting/store/intake-store";
import { clientSpaceRoutes } from "./api/routes/client-space";
import { contactRoutes } from "./api/routes/contacts";
import { dossierRoutes } from "./api/routes/dossiers";
import { invitationRoutes } from "./api/routes/invitations";
import { campaignRoutes } from "./api/routes/campaigns";
import { startCampaignWorker, type CampaignWorker } from "./jobs/campaigns/campaign-worker";
import { meRoutes } from "./api/routes/me";
import { openApiRoute } from "./api/routes/openapi";
import { roleRoutes } from "./api/routes/roles";
import { rgpdRoutes } from "./api/routes/rgpd";
import { startRetention } from "./jobs/rgpd/retention";
import type { GuestDirectory } from "./jobs/rgpd/holdings";
import { serviceRoutes } from "./api/routes/services";
import type { ClientEventListener } from "./core/services/client-space";
import { createServiceDeps, type ServiceDeps } from "./core/services/context";
import { createStorage, type Storage } from "./core/storage/connection";
import { createStorageProbe } from "./core/storage/health";
import type { ModeFactory, ModeWiring } from "./wiring/mode";
import { listen } from "./api/http/listen";
import { loopbackOnly } from "./api/http/loopback-only";

export interface RunningServer<W extends ModeWiring = ModeWiring> {
  url: string;
  server: Server;
  storage: Storage;
  deps: ServiceDeps;
  routes: readonly AnyRoute[];
  pipeline: InvitationPipeline;
  /** Bulk proposals' queue (tests and the benchmark wait on its `idle`). */
  campaigns: CampaignWorker;
  /** Tells clients of new imports (tests wait on its `idle`). */
  importNotifier: ImportNotifier;
  /** Builds imports' search indexes after they answer (tests and benchmarks wait on its `idle`). */
  searchIndex: SearchIndexWorker;
  /** The automatic FEC intake's queue (tests wait on its `idle`, or run a sweep). */
  intake: IntakeWorker;
  /** The bot (tests wait for its proactive queue). */
  bot: Bot;
  /** The mode's own parts (local mode: its issuer and Graph server). */
  wiring: W;
  close(): Promise<void>;
}

export interface ServerOptions<W extends ModeWiring> {
  env: Env;
  /** The mode's wiring, injected by the entry point: `teamsMode` in production, local mode from `bot/dev`. */
  mode: ModeFactory<W>;
  connectionString: string;
  tablePrefix?: string;
  tabDist?: string;
}

/** Wires the one HTTP server: tab, REST API and bot endpoint, with the mode's identity and Graph. */
export async function startServer<W extends ModeWiring>({
  env,
  mode,
  connectionString,
  tablePrefix = "",
  tabDist,
}: ServerOptions<W>): Promise<RunningServer<W>> {
  const storage = createStorage(connectionString, tablePrefix);
  await storage.ensureTables(ALL_TABLES);
  // Routes are built before the pipeline starts (it needs the server's URL): they reach it through this ref.
  const pipelineRef: { current?: InvitationPipeline } = {};
  const campaignsRef: { current?: CampaignWorker } = {};
  const botRef: { current?: Bot } = {};
  const urlRef = { current: "" };
  const deps: ServiceDeps & { onClientEvent?: ClientEventListener } = {
    ...createServiceDeps(createRepos(storage)),
    // A client accepted or signed in for the first time: tell staff, and greet the client in Teams.
    onClientEvent: async (tenantId, event) => {
      await botRef.current?.notifyStaff(tenantId, event);
      if (event.kind === "accepted") await botRef.current?.greetClient(tenantId, event.subscription.id);
    },
    onProposed: (tenantId, subscription) =>
      requirePipeline(pipelineRef.current).enqueue({ tenantId, subscriptionId: subscription.id }),
  };
  const accounting = createAccountingDeps(storage, {
    maxUploadBytes: env.FEC_MAX_BYTES,
    concurrentImports: env.FEC_IMPORT_CONCURRENCY,
    heavyWork: { slots: env.HEAVY_WORK_SLOTS, perPerson: env.HEAVY_WORK_PER_PERSON, waitMs: env.HEAVY_WORK_WAIT_MS },
  });
  await accounting.store.ensure();
  const searchIndex = await startSearchIndexWorker(accounting, {
    connectionString,
    queuePrefix: tablePrefix.toLowerCase(),
  });
  accounting.requestSearchIndex = (v) => searchIndex.request(v);
  const intakeStore = IntakeStore.fromStorage(storage);
  await intakeStore.ensure();
  const intakeRef: { current?: IntakeDeps } = {};
  const directoryRef: { current?: GuestDirectory } = {};
  const routes: AnyRoute[] = [
    ...meRoutes,
    ...dossierRoutes(deps),
    ...contactRoutes(deps),
    ...roleRoutes(deps),
    ...serviceRoutes(deps),
    ...invitationRoutes(deps, () => requirePipeline(pipelineRef.current)),
    ...campaignRoutes(deps, () => requireStarted(campaignsRef.current, "The campaign worker")),
    ...clientSpaceRoutes(deps),
    ...accountingRoutes(deps, accounting),
    ...importNoticeRoutes(deps, accounting),
    ...earlyArrivalRoutes(deps),
    ...rgpdRoutes(deps, () => requireStarted(directoryRef.current, "The directory")),
    ...intakeRoutes(() => requireStarted(intakeRef.current, "FEC intake")),
  ];
  routes.push(openApiRoute(() => routes));

  const wiring = await mode({ env, deps, storage: { connectionString, tablePrefix } });
  directoryRef.current = wiring.graph;

  const bot = await createBot({
    deps,
    auth: wiring.agentAuth,
    ...(wiring.botConnector ? { connector: wiring.botConnector } : {}),
    ...(wiring.loopbackOnlyBot ? { localServiceUrls: wiring.loopbackOnlyBot.serviceUrls } : {}),
    connectionString,
    queuePrefix: tablePrefix.toLowerCase(),
    firmTenantId: env.AAD_APP_TENANT_ID,
    directory: wiring.directory,
    importNotices: (message, locale, links) => importNoticeCardFor(deps, accounting, links, message, locale),
    appLinks:
      env.COMPTOIR_MODE === "teams"
        ? { webUrl: env.TAB_ENDPOINT, teamsAppId: env.TEAMS_APP_ID }
        : { webUrl: () => urlRef.current },
  });
  botRef.current = bot;
  const importNotifier = createImportNotifier(deps, accounting, (message) => bot.enqueue(message));
  accounting.onImported = (event) => importNotifier.imported(event);

  const storageProbe = createStorageProbe(connectionString);
  const app = createHttpApp({
    verify: wiring.verify,
    routes,
    maxJsonBytes: env.MAX_JSON_BODY_BYTES,
    authConfig: wiring.authConfig,
    agent: wiring.loopbackOnlyBot ? express.Router().use(loopbackOnly(), bot.router) : bot.router,
    graphNotifications: graphNotificationsRouter(() => intakeRef.current),
    ...(wiring.localSignIn ? { localSignIn: wiring.localSignIn } : {}),
    ...(tabDist ? { tabDist } : {}),
    storageReachable: () => storageProbe.reachable(),
  });
  const { server, port } = await listen(app, env.PORT, env.HOST, {
    headersMs: env.HTTP_HEADERS_TIMEOUT_MS,
    requestMs: env.HTTP_REQUEST_TIMEOUT_MS,
    idleMs: env.HTTP_IDLE_TIMEOUT_MS,
  });
  const url = `http://${env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST}:${port}`;
  // Local mode always links to where it actually listens (env/.env.local's TAB_ENDPOINT is for packaging).
  const publicUrl = env.COMPTOIR_MODE === "teams" ? env.TAB_ENDPOINT : url;
  urlRef.current = publicUrl;

  const pipeline = await startInvitationPipeline(deps, {
    connectionString,
    queuePrefix: tablePrefix.toLowerCase(),
    graph: wiring.graph,
    composeMail: invitationEmail,
    clientAppUrl: `${publicUrl}/#/ma-societe`,
    sendInvitationMessage: env.SEND_INVITATION_MESSAGE,
    invitationsPerWindow: env.INVITATIONS_PER_5S,
    invitationWindowMs: INVITATION_WINDOW_MS,
    mailsPerMinute: env.MAIL_PER_MINUTE,
    concurrency: env.PIPELINE_CONCURRENCY,
    idleMs: 500,
    maxAttempts: 8,
    onInvited: async (tenantId, subscriptionId) => {
      await bot.greetClient(tenantId, subscriptionId);
    },
    onInvitationSettled: (tenantId, subscriptionId, outcome) =>
      campaignsRef.current?.invitationSettled(tenantId, subscriptionId, outcome) ?? Promise.resolve(),
  });
  pipelineRef.current = pipeline;
  const campaigns = await startCampaignWorker(deps, {
    connectionString,
    queuePrefix: tablePrefix.toLowerCase(),
    concurrency: env.PIPELINE_CONCURRENCY,
    idleMs: 500,
    maxAttempts: 8,
    invitationsPerWindow: env.INVITATIONS_PER_5S,
    invitationWindowSeconds: INVITATION_WINDOW_MS / 1000,
    resend: (job) => pipeline.resend(job),
  });
  campaignsRef.current = campaigns;
  const intake = await startIntakeWorker(
    {
      deps,
      acc: accounting,
      store: intakeStore,
      drives: wiring.drives,
      defaultDriveId: env.INTAKE_DRIVE_ID ?? wiring.defaultDriveId,
      notificationUrl: env.INTAKE_NOTIFICATION_URL ?? `${publicUrl}/api/graph/notifications`,
      // Whoever chose the folder hears of a refused file from the bot.
      onRejected: async (tenantId, file, folder) => {
        const dossier = await deps.repos.dossiers.get(tenantId, file.dossierId);
        if (!dossier) return;
        const { id, code, name } = dossier.value;
        await bot.enqueue({
          tenantId,
          userOid: folder.configuredBy.oid,
          card: { kind: "intakeRejected", dossier: { id, code, name }, fileName: file.fileName, at: file.seenAt },
        });
      },
    },
    { connectionString, queuePrefix: tablePrefix.toLowerCase(), sweepSeconds: env.INTAKE_SWEEP_SECONDS },
  );
  intakeRef.current = intake.deps;
  // Audit and mail log retention (RGPD), on every instance: its deletes are idempotent.
  const retention = startRetention(deps, env.AAD_APP_TENANT_ID, RETENTION_EVERY_MS);
  if (env.DELETE_GUEST_WITHOUT_SERVICE) deps.onRevoked = removeGuestWithoutService(deps, wiring.graph);

  return {
    url,
    server,
    storage,
    deps,
    routes,
    pipeline,
    campaigns,
    importNotifier,
    intake,
    searchIndex,
    bot,
    wiring,
    // Bounded even while storage is down: workers wait for their handlers at most 2 s (messages left
    // unfinished reappear), and open connections are closed rather than drained.
    async close() {
      const closed = new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await Promise.all([importNotifier.idle(), accounting.afterwards.idle()]);
      retention.stop();
      await Promise.all([pipeline.stop(), campaigns.stop(), intake.stop(), searchIndex.stop(), bot.stop(), closed]);
      await wiring.stop();
    },
  };
}

/** Retention deletes logs by the day: a pass every 6 hours is plenty. */
const RETENTION_EVERY_MS = 6 * 3_600_000;

/** A little over Microsoft's 5 s, so that network jitter never lands a request inside their window. */
const INVITATION_WINDOW_MS = 5_250;

function requirePipeline(pipeline: InvitationPipeline | undefined): InvitationPipeline {
  return requireStarted(pipeline, "The invitation pipeline");
}

function requireStarted<T>(part: T | undefined, name: string): T {
  if (!part) throw new Error(`${name} is not started yet`);
  return part;
}
