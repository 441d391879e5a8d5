// Shared set-up of the invitation benchmarks (bench:invite, bench:campaign): the real server in local mode on an
// in-memory Azurite, its local Graph server enforcing Microsoft's documented limit on /invitations (150 requests
// per 5 s per tenant), and a firm whose contacts are each linked to a dossier with the Consultation offer on.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createContact,
  createDossier,
  createRole,
  defaultFirmSettings,
  type Contact,
  type Dossier,
} from "@comptoir/shared";
import { parseEnv } from "../../src/config/env";
import { startAzurite } from "../../dev/azurite";
import { localMode, type LocalWiring } from "../../dev/local-mode";
import { startServer, type RunningServer } from "../../src/server";
import type { ServiceDeps } from "../../src/core/services/context";
import { generateDemoContacts, generateDemoDossiers } from "../../dev/seed/generate";

export const INVITE_TENANT = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";
/** Graph's documented invitation limit, which the local Graph server enforces. */
export const INVITATION_LIMIT = 150;
export const INVITATION_WINDOW_S = 5;

/** The least time `n` invitations take under the limit: the last window opens this long after the first. */
export function throttleMinimumSeconds(n: number): number {
  return Math.floor((n - 1) / INVITATION_LIMIT) * INVITATION_WINDOW_S;
}

export interface InviteBenchServer {
  app: RunningServer<LocalWiring>;
  stop(): Promise<void>;
}

export async function startInviteBenchServer(label: string): Promise<InviteBenchServer> {
  const dir = mkdtempSync(join(tmpdir(), `comptoir-${label}-`));
  const azurite = await startAzurite(join(dir, "azurite"), { inMemory: true });
  const env = parseEnv({
    COMPTOIR_MODE: "local",
    PORT: "0",
    DATA_DIR: dir,
    SEED_DEMO: "false",
    AAD_APP_TENANT_ID: INVITE_TENANT,
    SEND_INVITATION_MESSAGE: "false",
  });
  const app = await startServer({
    env,
    mode: localMode,
    connectionString: azurite.connectionString,
    tablePrefix: "bench",
  });
  return {
    app,
    async stop() {
      await app.close();
      await azurite.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` contacts `bench-c-<i>`, each linked to its own dossier `bench-d-<i>` with the offer active. */
export async function setUpLinkedContacts(deps: ServiceDeps, n: number): Promise<void> {
  const now = new Date();
  const actor = { oid: "bench", name: "Benchmark" };
  const settings = defaultFirmSettings("Cabinet Benchmark");
  settings.subscriptions.consultation = { active: true, maxDossiers: null, until: null };
  await deps.repos.firms.create(INVITE_TENANT, settings);
  const role = createRole({ label: "Dirigeant", description: null }, { id: "role-bench", now, existing: [] });
  await deps.repos.roles.create(INVITE_TENANT, role);
  const dossiers: Dossier[] = generateDemoDossiers(n, 7).map((d, i) => {
    const dossier = createDossier(d, { id: `bench-d-${i}`, now });
    return {
      ...dossier,
      offers: { consultation: { active: true, activatedAt: now.toISOString(), activatedBy: actor } },
      collaborativeWidget: { initialized: true, extensionActive: true, at: now.toISOString(), by: actor },
    };
  });
  await deps.repos.dossiers.createMany(INVITE_TENANT, dossiers);
  const contacts: Contact[] = generateDemoContacts(n, 7, [role.id]).map((c, i) =>
    createContact(c, { id: `bench-c-${i}`, now, roleIds: [role.id], existing: [] }),
  );
  await deps.repos.contacts.createMany(INVITE_TENANT, contacts);
  for (let i = 0; i < n; i++) {
    await deps.repos.links.create(INVITE_TENANT, {
      contactId: `bench-c-${i}`,
      dossierId: `bench-d-${i}`,
      limitedTo: "-",
      createdAt: now.toISOString(),
      createdBy: actor,
      updatedAt: now.toISOString(),
    });
  }
}

export interface GraphStats {
  invitationsByEmail: Record<string, number>;
  requests: Record<string, Record<string, number>>;
}

/** The local Graph server's counters (one cheap query: watching must not slow down what is watched). */
export async function graphStats(graphUrl: string): Promise<GraphStats> {
  return (await (await fetch(`${graphUrl}/_control/stats`)).json()) as GraphStats;
}

export async function resetGraphStats(graphUrl: string): Promise<void> {
  await fetch(`${graphUrl}/_control/stats`, { method: "DELETE" });
}

/** How many of the `n` contacts are bound to their guest, giving stragglers a few seconds. */
export async function boundGuests(deps: ServiceDeps, n: number): Promise<number> {
  let bound = 0;
  for (let round = 0; round < 10; round++) {
    bound = 0;
    for (let i = 0; i < n; i++)
      if ((await deps.repos.contacts.get(INVITE_TENANT, `bench-c-${i}`))?.value.guest) bound++;
    if (bound === n) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return bound;
}

export function duplicateInvitations(stats: GraphStats): number {
  return Object.values(stats.invitationsByEmail).reduce((sum, count) => sum + Math.max(0, count - 1), 0);
}
