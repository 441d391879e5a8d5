import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startAzurite, type AzuriteHandle } from "../../dev/azurite";
import { registerTenantPeople, startLocalGraphServer, type LocalGraphServer } from "../../dev/graph-server";
import { freePort, untilReady } from "../../bench/lib/app-process";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import { startBotFrameworkStandIn, type BotFrameworkStandIn } from "../support/stand-ins/bot-framework";
import { startEntraStandIn, type EntraStandIn, type EntraUser, type UserTokenInput } from "../support/stand-ins/entra";
import { standInTls } from "../support/stand-ins/tls";
import { serverNodeFlags } from "../../bench/lib/server-node-flags";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** The firm's tenant and its app registrations, as provisioning would have written them to env/.env.<name>. */
export const TENANT = "5a0f3c2e-8d1b-4e6a-9c7f-2b4d6e8f0a1c";
export const CLIENT_ID = "3f6a2c1e-7b4d-4e8a-9f0c-1d2e3f4a5b6c";
export const BOT_ID = "8c7b6a5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";
export const TEAMS_APP_ID = "2d4f6a8c-0e1b-4c3d-8e5f-7a9b1c3d5e7f";
const CLIENT_SECRET = "stand-in-app-secret";
/** The audience of the bot's tokens for the Bot Connector. */
const BOT_CONNECTOR_AUDIENCE = "https://api.botframework.com";
const BOT_SECRET = "stand-in-bot-secret";

/** People of the firm's tenant: an admin, a collaboratrice, a member without any app role, and a guest. */
export const PEOPLE = {
  admin: {
    oid: "a1a1a1a1-0000-4000-8000-000000000001",
    name: "Aurélie Dubois",
    username: "aurelie.dubois@cabinet.example",
    roles: ["Firm.Admin"],
  },
  staff: {
    oid: "a1a1a1a1-0000-4000-8000-000000000002",
    name: "Camille Martin",
    username: "camille.martin@cabinet.example",
    roles: ["Firm.Staff"],
  },
  member: {
    oid: "a1a1a1a1-0000-4000-8000-000000000003",
    name: "Paul Lefèvre",
    username: "paul.lefevre@cabinet.example",
    roles: [],
  },
  guest: {
    oid: "a1a1a1a1-0000-4000-8000-000000000004",
    name: "Client Collaboratif",
    username: "client.collaboratif_exemple.fr#EXT#@cabinet.example",
    roles: [],
    guest: true,
  },
} satisfies Record<string, EntraUser>;
export type Person = EntraUser;

export interface TeamsApp {
  /** The server under test: `COMPTOIR_MODE=teams`, configured only through environment variables. */
  url: string;
  env: Record<string, string>;
  entra: EntraStandIn;
  botFramework: BotFrameworkStandIn;
  connector: LocalConnector;
  graph: LocalGraphServer;
  /** The document library's folder on disk (`drive` option), else "". */
  driveRoot: string;
  /** A v2.0 access token for Comptoir's API, as Teams SSO or MSAL would get it for this person. */
  tokenFor(person: Person, overrides?: Partial<UserTokenInput>): Promise<string>;
  request(path: string, init?: RequestInit & { as?: Person; token?: string }): Promise<Response>;
  /** What the server printed so far. */
  output(): string;
  close(): Promise<void>;
}

export interface TeamsAppOptions {
  /** Extra or overriding environment variables for the server. */
  env?: Record<string, string>;
  /** Redirect URIs of the SPA registration; by default those of aad.manifest.json (the tab's root, the consent popup's end). */
  spaRedirectUris?: string[];
  /** Which form of the server runs; by default the built bundle, as on App Service. */
  server?: ServerForm;
  /** A document library in the Graph stand-in (a folder of the test's data dir), named by INTAKE_DRIVE_ID. */
  drive?: boolean;
}

/** The drive id of the stand-in's document library when `drive` is asked. */
export const TEAMS_DRIVE_ID = "b!cabinet-dupont-documents";

/**
 * `built`: bot/dist/main.js, what App Service runs (infra/azure.bicep); `buildServer()` makes it, the teams
 * projects' global setups call it once per run. `tsx`: the TypeScript sources through the tsx loader, as
 * `npm start` ran them before the build existed (bench:start compares both).
 */
export type ServerForm = "built" | "tsx";

const BUILT_SERVER = join(root, "bot/dist/main.js");

/** Bundles the server into bot/dist/main.js (scripts/build-bot.mjs, as `npm run build` does before a deployment). */
export function buildServer(): void {
  const run = spawnSync(process.execPath, [join(root, "scripts/build-bot.mjs")], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`scripts/build-bot.mjs failed (${run.status ?? run.signal})`);
}

/** The node arguments of each form: the backend's V8 flags, then the entry point. */
export function serverArgs(form: ServerForm): string[] {
  const { flags } = serverNodeFlags();
  return form === "built" ? [...flags, BUILT_SERVER] : [...flags, "--import", "tsx", join(root, "bot/src/main.ts")];
}

/**
 * Starts the stand-ins of a firm's tenant — Entra ID, the Bot Framework token service, a recording Bot
 * Connector, Microsoft Graph — and the real server in teams mode, in a process of its own, pointed at them by
 * environment variables only (the documented ones), trusting their certificate through NODE_EXTRA_CA_CERTS.
 */
export async function startTeamsApp(options: TeamsAppOptions = {}): Promise<TeamsApp> {
  const dataDir = mkdtempSync(join(tmpdir(), "comptoir-teams-"));
  const started: { stop(): Promise<unknown> }[] = [];
  try {
    const tls = await standInTls();
    const azurite: AzuriteHandle = await startAzurite(join(dataDir, "azurite"), { inMemory: true });
    started.push(azurite);
    const port = await freePort();
    const tabDomain = "localhost";
    const url = `http://localhost:${port}`;
    const apiAudience = `api://${tabDomain}/${CLIENT_ID}`;
    const entra = await startEntraStandIn({
      tls,
      tenantId: TENANT,
      apps: [
        { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, roles: ["User.Invite.All", "Mail.Send"] },
        { clientId: BOT_ID, clientSecret: BOT_SECRET },
      ],
      spa: {
        clientId: CLIENT_ID,
        redirectUris: options.spaRedirectUris ?? [`${url}/`, `${url}/auth-end.html`],
        apiScope: `${apiAudience}/access_as_user`,
      },
      users: Object.values(PEOPLE),
    });
    started.push({ stop: () => entra.close() });
    const botFramework = await startBotFrameworkStandIn({ tls });
    started.push({ stop: () => botFramework.close() });
    // The Bot Connector over HTTPS, taking only the bot's own Entra tokens, as the real one.
    const connector = await startLocalConnector({
      tls,
      bearer: { keys: entra.localKeys, issuer: entra.issuerV1, audience: BOT_CONNECTOR_AUDIENCE, appId: BOT_ID },
    });
    started.push({ stop: () => connector.stop() });
    const driveRoot = options.drive ? join(dataDir, "drive") : "";
    if (driveRoot) mkdirSync(driveRoot, { recursive: true });
    const graph = await startLocalGraphServer({
      connectionString: azurite.connectionString,
      tablePrefix: "graph",
      tenantId: TENANT,
      ...(driveRoot ? { drives: { [TEAMS_DRIVE_ID]: driveRoot }, drivePollMs: 300 } : {}),
      identityProvider: { issuer: entra.issuerV1, keys: entra.localKeys },
      organizationName: "Cabinet Dupont & Associés",
    });
    started.push({ stop: () => graph.stop() });
    // Graph knows the tenant's people as Entra does: Comptoir's app roles assigned, members and guests.
    registerTenantPeople(graph.directory, CLIENT_ID, Object.values(PEOPLE));

    const env: Record<string, string> = {
      COMPTOIR_MODE: "teams",
      // No env file applies: everything the server knows is below.
      COMPTOIR_ENV: "teams-stand-ins",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      TAB_ENDPOINT: url,
      TAB_DOMAIN: tabDomain,
      TEAMS_APP_ID,
      AAD_APP_CLIENT_ID: CLIENT_ID,
      AAD_APP_TENANT_ID: TENANT,
      SECRET_AAD_APP_CLIENT_SECRET: CLIENT_SECRET,
      BOT_ID,
      SECRET_BOT_PASSWORD: BOT_SECRET,
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      GRAPH_MAIL_SENDER: "cabinet@cabinet.example",
      AAD_APP_OAUTH_AUTHORITY_HOST: entra.host,
      GRAPH_BASE_URL: graph.graphBaseUrl,
      BOT_OPENID_METADATA_URL: botFramework.openIdMetadataUrl,
      BOT_SERVICE_URL_HOSTS: "127.0.0.1",
      NODE_EXTRA_CA_CERTS: tls.caFile,
      ...(driveRoot ? { INTAKE_DRIVE_ID: TEAMS_DRIVE_ID } : {}),
      ...options.env,
    };
    const server = await spawnServer(env, options.server);
    started.push({ stop: () => server.stop() });

    const tokenFor: TeamsApp["tokenFor"] = (person, overrides = {}) =>
      entra.userToken({
        version: 2,
        audience: CLIENT_ID,
        oid: person.oid,
        name: person.name,
        username: person.username,
        roles: person.roles,
        scp: "access_as_user",
        idtyp: "user",
        acct: person.guest ? 1 : 0,
        ...overrides,
      });
    return {
      url,
      env,
      entra,
      botFramework,
      connector,
      graph,
      driveRoot,
      tokenFor,
      async request(path, init = {}) {
        const { as, token, ...rest } = init;
        const headers = new Headers(rest.headers);
        const bearer = token ?? (as ? await tokenFor(as) : undefined);
        if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
        if (rest.body && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
        return fetch(`${url}${path}`, { ...rest, headers, redirect: "manual" });
      },
      output: () => server.output(),
      close: () => stopAll(started, dataDir),
    };
  } catch (e) {
    await stopAll(started, dataDir);
    throw e;
  }
}

async function stopAll(started: { stop(): Promise<unknown> }[], dataDir: string): Promise<void> {
  for (const s of started.reverse()) await s.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

export interface ServerProcess {
  pid: number;
  /** From the spawn to its "prêt en" line: Node's start, loading the code, then the server's own start. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The production server in `form` (the built bundle by default), with exactly `env` (plus PATH, HOME, TMPDIR,
 * and the backend's own environment from bot/server-node-flags.json).
 */
export async function spawnServer(env: Record<string, string>, form: ServerForm = "built"): Promise<ServerProcess> {
  if (form === "built" && !existsSync(BUILT_SERVER))
    throw new Error(`${BUILT_SERVER} is missing: run \`npm run build:bot\` (the teams projects' global setups do).`);
  const spawned = Date.now();
  const child: ChildProcess = spawn(process.execPath, serverArgs(form), {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      TMPDIR: process.env.TMPDIR ?? tmpdir(),
      ...serverNodeFlags().env,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = await untilReady(child, "The teams-mode server", 60_000);
  return {
    pid: child.pid ?? 0,
    readyMs: Date.now() - spawned,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}
