import { createHash } from "node:crypto";
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import type { JWTVerifyGetKey } from "jose";
import { createLocalTokenService } from "./auth";
import { createBrowserRoutes } from "./browser-routes";
import { createControl, createControlRoutes, type GraphControl } from "./control-routes";
import { LocalDirectory } from "./directory";
import { createDirectoryRoutes } from "./directory-routes";
import { LocalDrive } from "./drive";
import { createDriveRoutes } from "./drive-routes";
import { createDriveSubscriptions } from "./drive-subscriptions";
import { FaultRegistry } from "./faults";
import { sendGraphError } from "./graph-errors";
import { createGraphRoutes } from "./graph-routes";
import type { MemberInput, TeamsApp } from "./model";
import { RequestStats } from "./stats";
import { GraphStore } from "./store";
import { SlidingWindowThrottle, type ThrottleConfig } from "./throttle";
import { listen } from "../../src/api/http/listen";

export type { GraphControl } from "./control-routes";
export type { ThrottleConfig } from "./throttle";
export type { LocalDirectory } from "./directory";
export { registerTenantPeople } from "./comptoir-app";
export { INVITATION_LIMIT } from "./throttle";
export { itemId as localDriveItemId } from "./drive";

/** The Teams app manifest id of local mode (env/.env.local TEAMS_APP_ID); its app is in the local catalogue. */
export const LOCAL_TEAMS_APP_MANIFEST_ID = "00000000-0000-4000-8000-000000000001";

export interface LocalGraphServerOptions {
  connectionString: string;
  /** Table prefix in Azurite, so tests and `npm start` never share state. */
  tablePrefix?: string;
  tenantId: string;
  /** 0 (default) lets the OS pick. */
  port?: number;
  /** Loopback by default: the control and mailbox routes must never be reachable from the network. */
  host?: string;
  /** Microsoft's limit on /invitations (150 per 5 s), on by default. */
  throttle?: Partial<ThrottleConfig>;
  /** The firm's name on the consent page and in Microsoft's invitation e-mail. */
  organizationName?: string | (() => Promise<string>);
  /** Apps published in the local org catalogue (by manifest id); defaults to Comptoir's local app. */
  teamsApps?: readonly { externalId: string; displayName: string }[];
  /** Invitations to these domains get a 400, like a domain blocked by the tenant's collaboration settings. */
  blockedDomains?: readonly string[];
  /** Members of the tenant registered at start (its own people): invitations of their addresses answer with them. */
  members?: readonly MemberInput[];
  /** When set, only this client id and secret get a token. */
  credentials?: { clientId: string; clientSecret: string };
  /** Teams-mode tests: Graph calls carry tokens of this identity provider (an Entra stand-in), not this server's. */
  identityProvider?: { issuer: string; keys: JWTVerifyGetKey };
  devMailbox?: boolean;
  /** Document libraries of the tenant: drive id → the folder on disk holding its files. */
  drives?: Readonly<Record<string, string>>;
  /** How often the drives' folders are read again for change notifications (default 1 s). */
  drivePollMs?: number;
  /** For fault rates; injectable for reproducible tests. */
  random?: () => number;
  now?: () => Date;
}

export interface AcceptedGuest {
  oid: string;
  name: string;
  username: string;
}

export interface LocalGraphServer {
  url: string;
  /** The Graph base URL to give the adapter: `<url>/v1.0`. */
  graphBaseUrl: string;
  tenantId: string;
  control: GraphControl;
  /** The tenant's directory beyond the store's users: apps, app role assignments, groups, and people of fixed ids. */
  directory: LocalDirectory;
  /** Guests who redeemed their invitation, for the local sign-in page (as clients, roles []). */
  acceptedGuests(): Promise<AcceptedGuest[]>;
  stop(): Promise<void>;
}

/** A catalogue id that is stable for a manifest id, like the one Teams assigns on publication. */
function catalogueId(externalId: string): string {
  const h = createHash("sha1").update(`teams-app:${externalId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Starts the local Microsoft Graph stand-in: the identity platform's token endpoint, the Graph v1.0 subset
 * Comptoir calls (invitations, users, sendMail, Teams app catalogue and installation), the redeem page,
 * the dev mailbox, and /_control for fault injection and counters. State lives in Azurite.
 */
export async function startLocalGraphServer(opts: LocalGraphServerOptions): Promise<LocalGraphServer> {
  const store = new GraphStore(opts.connectionString, opts.tablePrefix ?? "", opts.tenantId);
  await store.init();
  const now = opts.now ?? (() => new Date());
  for (const member of opts.members ?? []) await store.addMember(member, now());
  const org = opts.organizationName;
  const organizationName = typeof org === "function" ? org : () => Promise.resolve(org ?? "Cabinet de démonstration");
  const teamsApps: TeamsApp[] = (
    opts.teamsApps ?? [{ externalId: LOCAL_TEAMS_APP_MANIFEST_ID, displayName: "Comptoir" }]
  ).map((a) => ({
    id: catalogueId(a.externalId),
    externalId: a.externalId,
    displayName: a.displayName,
    distributionMethod: "organization",
  }));
  const faults = new FaultRegistry(opts.random);
  const throttle = new SlidingWindowThrottle(opts.throttle);
  const requests = new RequestStats();
  const directory = new LocalDirectory(now);
  const control = createControl({ store, faults, throttle, requests, now });
  const tokens = createLocalTokenService({
    tenantId: opts.tenantId,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    ...(opts.identityProvider ? { identityProvider: opts.identityProvider } : {}),
  });
  let url = "";
  const drives = new Map(Object.entries(opts.drives ?? {}).map(([id, root]) => [id, new LocalDrive(id, root)]));
  const driveRoutes = createDriveRoutes({ drives, baseUrl: () => url, now });
  const driveSubscriptions = createDriveSubscriptions({ drives, tenantId: opts.tenantId, now });
  const notified = new Map<string, number>();
  const pollDrives = async () => {
    for (const drive of drives.values()) {
      await drive.scan();
      if (drive.seq === (notified.get(drive.id) ?? drive.seq)) {
        notified.set(drive.id, drive.seq);
        continue;
      }
      notified.set(drive.id, drive.seq);
      await driveSubscriptions.notify(drive.id);
    }
  };

  const countRequests: RequestHandler = (req, res, next) => {
    const path = req.path;
    if (!path.startsWith("/_control/")) {
      res.once("finish", () => requests.record(req.method, path, res.statusCode));
    }
    next();
  };
  const injectFaults: RequestHandler = (req, res, next) => {
    if (req.path.startsWith("/_control/")) return next();
    const fault = faults.pick(req.method, req.path);
    if (!fault) return next();
    if (fault.spec.reset) {
      requests.record(req.method, req.path, "reset");
      req.socket.destroy();
      return;
    }
    sendGraphError(
      res,
      fault.spec.status ?? 500,
      fault.spec.retryAfter === undefined ? {} : { retryAfter: fault.spec.retryAfter },
    );
  };
  const throttleInvitations: RequestHandler = (_req, res, next) => {
    const retryAfter = throttle.take();
    if (retryAfter === null) return next();
    sendGraphError(res, 429, { retryAfter });
  };
  const onError: ErrorRequestHandler = (err: unknown, req, res, _next) => {
    const parserError = err as { type?: string };
    if (parserError.type === "entity.parse.failed") return sendGraphError(res, 400, { message: "Invalid JSON body." });
    console.error("Local Graph server error on", req.method, req.originalUrl, err);
    if (!res.headersSent) sendGraphError(res, 500, { message: "Unexpected error in the local Graph server." });
  };

  const app = express();
  app.disable("x-powered-by");
  app.use(countRequests, injectFaults);
  app.use(tokens.router);
  app.use(
    "/v1.0",
    tokens.requireBearer,
    express.json({ limit: "4mb" }),
    express.Router().use("/invitations", throttleInvitations),
    createDirectoryRoutes({ directory, storeUserExists: async (id) => (await store.getUser(id)) !== null }),
    driveRoutes.graph,
    driveSubscriptions.routes,
    createGraphRoutes({
      store,
      baseUrl: () => url,
      organizationName,
      teamsApps,
      blockedDomains: opts.blockedDomains ?? [],
      now,
    }),
    (req, res) => sendGraphError(res, 400, { message: `Resource not found for the segment '${req.path}'.` }),
  );
  app.use(driveRoutes.download);
  app.use(createBrowserRoutes({ store, drives, organizationName, now, devMailbox: opts.devMailbox ?? true }));
  app.use("/_control", createControlRoutes(control));
  app.use(onError);

  const host = opts.host ?? "127.0.0.1";
  const { server, port } = await listen(app, opts.port ?? 0, host);
  url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
  await pollDrives();
  let polling = false;
  const driveTimer = setInterval(() => {
    if (polling) return;
    polling = true;
    void pollDrives().finally(() => {
      polling = false;
    });
  }, opts.drivePollMs ?? 1000);
  driveTimer.unref();

  return {
    url,
    graphBaseUrl: `${url}/v1.0`,
    tenantId: opts.tenantId,
    control,
    directory,
    async acceptedGuests() {
      const users = await store.acceptedUsers();
      return users.map((u) => ({ oid: u.id, name: u.displayName ?? u.mail, username: u.mail }));
    },
    stop: () =>
      new Promise<void>((ok) => {
        clearInterval(driveTimer);
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
