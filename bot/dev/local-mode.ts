import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { createAccountingDeps } from "../src/accounting/deps";
import { createTokenVerifier } from "../src/auth/verify";
import { createStorage } from "../src/core/storage/connection";
import type { Env, LocalEnv } from "../src/config/env";
import {
  createDriveClient,
  createGraphAdapter,
  createGraphHttp,
  createLocalGraphTokenProvider,
  graphPersonDirectory,
} from "../src/graph";
import { IntakeStore } from "../src/accounting/store/intake-store";
import type { ServiceDeps } from "../src/core/services/context";
import { DEMO_PERSONS, DEMO_STAFF, type DemoPerson } from "./demo-persons";
import {
  LOCAL_TEAMS_APP_MANIFEST_ID,
  localDriveItemId,
  registerTenantPeople,
  startLocalGraphServer,
  type LocalDirectory,
} from "./graph-server";
import { createLocalIssuer, type LocalIssuer } from "./local-idp/local-issuer";
import { newSignInSecret, signInLink } from "./local-idp/signin-link";
import { createSignInRouter } from "./local-idp/signin-router";
import { localModeProblems } from "./local-only";
import { guestGraph, intakeDrives } from "../src/wiring/graph-port";
import type { ModeFactory, ModeWiring } from "../src/wiring/mode";
import { seedDemoFirm } from "./seed/demo";

const LOCAL_MAIL_SENDER = "cabinet@comptoir.local";
/** The demo dossier whose FEC files come through the local drive. */
const DEMO_INTAKE_DOSSIER = "RPTEST2";
/** The local tenant's document library (a Graph drive id is opaque; SharePoint's start with `b!`). */
export const LOCAL_DRIVE_ID = "b!comptoir-local-documents";
/** Comptoir's Entra app id in local mode (env/.env.local's placeholder AAD_APP_CLIENT_ID): its roles are looked up under it. */
export const LOCAL_APP_CLIENT_ID = "00000000-0000-4000-8000-000000000002";

export interface LocalWiring extends ModeWiring {
  issuer: LocalIssuer;
  /** The local Graph server: its dev mailbox, and its `/_control` for tests. */
  localGraphUrl: string;
  /** The local document library: its Graph id and its folder on disk (`<DATA_DIR>/drive`). */
  localDrive: { id: string; root: string };
  /** The local Graph server's directory: tests add members, guests and app role assignments there. */
  localDirectory: LocalDirectory;
  /** This start's sign-in secret (LOCAL_SIGNIN_SECRET, or random): `signInUrl` carries it to the browser. */
  signInSecret: string;
  /** The link `npm start` prints: it lets this browser use the sign-in page. */
  signInUrl(baseUrl: string): string;
}

/**
 * Local mode: the demo firm seeded (unless SEED_DEMO=false), the local issuer and its sign-in page, and the
 * local Graph server in place of Microsoft Graph. Injected into `startServer` by the development entry points.
 */
export const localMode: ModeFactory<LocalWiring> = async ({ env: anyEnv, deps, storage }) => {
  const env = localEnv(anyEnv);
  const problems = localModeProblems(env);
  if (problems.length > 0) throw new Error(`Local mode refuses to start:\n${problems.join("\n")}`);
  const signInSecret = env.LOCAL_SIGNIN_SECRET ?? newSignInSecret();
  if (env.SEED_DEMO)
    await seedDemoFirm(deps, env.AAD_APP_TENANT_ID, {
      dossiers: env.SEED_DOSSIERS,
      contacts: env.SEED_CONTACTS,
      accounting: createAccountingDeps(createStorage(storage.connectionString, storage.tablePrefix)),
    });
  const issuer = await createLocalIssuer(
    resolve(env.DATA_DIR, "local-idp", "key.json"),
    env.AAD_APP_TENANT_ID,
    env.LOCAL_API_AUDIENCE,
  );
  const driveRoot = resolve(env.DATA_DIR, "drive");
  await mkdir(driveRoot, { recursive: true });
  const start = (port: number | undefined) =>
    startLocalGraphServer({
      connectionString: storage.connectionString,
      tablePrefix: storage.tablePrefix,
      tenantId: env.AAD_APP_TENANT_ID,
      port,
      throttle: { enabled: env.LOCAL_GRAPH_THROTTLE },
      // The firm's document library: `.data/drive`, one folder per dossier (issue 20's intake).
      drives: { [LOCAL_DRIVE_ID]: driveRoot },
      organizationName: async () => (await deps.repos.firms.get(env.AAD_APP_TENANT_ID))?.value.name ?? "Cabinet",
    });
  const graphServer = await start(env.LOCAL_GRAPH_PORT).catch((e: unknown) => {
    // The preferred port is taken: run anyway; only links in e-mails already sent will point elsewhere.
    if ((e as { code?: string }).code !== "EADDRINUSE") throw e;
    console.warn(`Port ${env.LOCAL_GRAPH_PORT ?? 0} is taken: the local Graph server picks another one.`);
    return start(0);
  });
  const graphOptions = {
    baseUrl: graphServer.graphBaseUrl,
    getToken: createLocalGraphTokenProvider({ localUrl: graphServer.url, tenantId: env.AAD_APP_TENANT_ID }),
  };
  const graph = createGraphAdapter(graphOptions);
  registerDemoPersons(graphServer.directory);
  if (env.SEED_DEMO) await seedDemoIntake(deps, storage, env.AAD_APP_TENANT_ID, driveRoot);
  const persons = async () => {
    const guests = await graphServer.acceptedGuests();
    const known = new Set(DEMO_PERSONS.map((p) => p.oid));
    return [
      ...DEMO_PERSONS,
      ...guests
        .filter((g) => !known.has(g.oid))
        .map((g): DemoPerson => ({
          ...g,
          roles: [],
          userType: "Guest",
          description: "Client invité (invitation acceptée)",
        })),
    ];
  };
  return {
    issuer,
    verify: createTokenVerifier(issuer.verifierOptions()),
    authConfig: { mode: "local", tenantId: env.AAD_APP_TENANT_ID, localAuthorizeUrl: "/local-idp/authorize" },
    agentAuth: {},
    loopbackOnlyBot: { serviceUrls: [env.LOCAL_BOT_SERVICE_URL] },
    // The same lookup as teams mode, against the local Graph server: the demo persons' roles are registered there.
    directory: graphPersonDirectory(graph, LOCAL_APP_CLIENT_ID),
    graph: guestGraph(graph, LOCAL_MAIL_SENDER, LOCAL_TEAMS_APP_MANIFEST_ID),
    drives: intakeDrives(createDriveClient(createGraphHttp(graphOptions))),
    localSignIn: createSignInRouter({ issuer, persons, secret: signInSecret }),
    signInSecret,
    signInUrl: (baseUrl) => signInLink(baseUrl, signInSecret),
    localGraphUrl: graphServer.url.replace("127.0.0.1", "localhost"),
    localDirectory: graphServer.directory,
    localDrive: { id: LOCAL_DRIVE_ID, root: driveRoot },
    defaultDriveId: LOCAL_DRIVE_ID,
    stop: () => graphServer.stop(),
  };
};

/** The demo firm's people as Entra would have them: Comptoir's app, its members with their roles, the demo client a guest. */
function registerDemoPersons(directory: LocalDirectory): void {
  const people = DEMO_PERSONS.map((p) => ({ ...p, guest: p.userType === "Guest" }));
  registerTenantPeople(directory, LOCAL_APP_CLIENT_ID, people);
}

function localEnv(env: Env): LocalEnv {
  if (env.COMPTOIR_MODE !== "local") throw new Error("localMode needs COMPTOIR_MODE=local");
  return env;
}

/**
 * The demo's drop folder (issue 20): RPTEST2 watches `<DATA_DIR>/drive/RPTEST2/`, so that a developer who
 * drops a FEC there (or uploads one from the dev mailbox's drive page) sees the figures change.
 */
async function seedDemoIntake(
  deps: ServiceDeps,
  storage: { connectionString: string; tablePrefix: string },
  tenantId: string,
  driveRoot: string,
): Promise<void> {
  const dossierId = await deps.repos.dossiers.findIdByCode(tenantId, DEMO_INTAKE_DOSSIER);
  if (!dossierId) return;
  await mkdir(resolve(driveRoot, DEMO_INTAKE_DOSSIER), { recursive: true });
  const intake = IntakeStore.fromStorage(createStorage(storage.connectionString, storage.tablePrefix));
  await intake.ensure();
  if (await intake.getFolder(tenantId, dossierId)) return;
  await intake.setFolder(tenantId, dossierId, {
    driveId: LOCAL_DRIVE_ID,
    folderId: localDriveItemId(DEMO_INTAKE_DOSSIER),
    folderName: DEMO_INTAKE_DOSSIER,
    configuredBy: { oid: DEMO_STAFF.oid, name: DEMO_STAFF.name },
    configuredAt: new Date().toISOString(),
  });
}
