// `npm run bench:invite`: proposes services to 1,000 contacts while the local Graph server enforces Microsoft's
// documented limit on /invitations (150 requests per 5 s per tenant), and times the invitation stage against
// the throttle's theoretical minimum. E-mails then drain at their own pace and are not timed.
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
import { parseEnv } from "../src/config/env";
import { startAzurite } from "../dev/azurite";
import { localMode } from "../dev/local-mode";
import { startServer } from "../src/server";
import { propose } from "../src/core/services/subscriptions";
import { generateDemoContacts, generateDemoDossiers } from "../dev/seed/generate";

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1000);
const LIMIT = 150;
const PROPOSAL_CONCURRENCY = 20;
const WINDOW_S = 5;
const TENANT = "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d";

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "comptoir-invite-bench-"));
  const azurite = await startAzurite(join(dir, "azurite"), { inMemory: true });
  const env = parseEnv({
    COMPTOIR_MODE: "local",
    PORT: "0",
    DATA_DIR: dir,
    SEED_DEMO: "false",
    AAD_APP_TENANT_ID: TENANT,
    SEND_INVITATION_MESSAGE: "false",
  });
  const app = await startServer({
    env,
    mode: localMode,
    connectionString: azurite.connectionString,
    tablePrefix: "bench",
  });
  try {
    const { deps } = app;
    const now = new Date();
    const actor = { oid: "bench", name: "Benchmark" };
    const ctx = { tenantId: TENANT, actor, now };

    const settings = defaultFirmSettings("Cabinet Benchmark");
    settings.subscriptions.consultation = { active: true, maxDossiers: null, until: null };
    await deps.repos.firms.create(TENANT, settings);
    const role = createRole({ label: "Dirigeant", description: null }, { id: "role-bench", now, existing: [] });
    await deps.repos.roles.create(TENANT, role);
    const dossiers: Dossier[] = generateDemoDossiers(CONTACTS, 7).map((d, i) => {
      const dossier = createDossier(d, { id: `bench-d-${i}`, now });
      return {
        ...dossier,
        offers: { consultation: { active: true, activatedAt: now.toISOString(), activatedBy: actor } },
        collaborativeWidget: { initialized: true, extensionActive: true, at: now.toISOString(), by: actor },
      };
    });
    await deps.repos.dossiers.createMany(TENANT, dossiers);
    const contacts: Contact[] = generateDemoContacts(CONTACTS, 7, [role.id]).map((c, i) =>
      createContact(c, { id: `bench-c-${i}`, now, roleIds: [role.id], existing: [] }),
    );
    await deps.repos.contacts.createMany(TENANT, contacts);
    for (let i = 0; i < CONTACTS; i++) {
      const link = {
        contactId: `bench-c-${i}`,
        dossierId: `bench-d-${i}`,
        limitedTo: "-" as const,
        createdAt: now.toISOString(),
        createdBy: actor,
        updatedAt: now.toISOString(),
      };
      await deps.repos.links.create(TENANT, link);
    }
    console.log(`Set up ${CONTACTS} contacts, each linked to a dossier with the offer active.`);

    const graphUrl = app.wiring.localGraphUrl;
    await fetch(`${graphUrl}/_control/stats`, { method: "DELETE" });
    const started = Date.now();
    // Staff propose through the API a few at a time (the tab sends one request per proposal), not 1,000 at once.
    let next = 0;
    await Promise.all(
      Array.from({ length: PROPOSAL_CONCURRENCY }, async () => {
        for (let i = next++; i < CONTACTS; i = next++) {
          await propose(deps, { ...ctx, now: new Date() }, `bench-c-${i}`, `bench-d-${i}`, "consultation");
        }
      }),
    );
    const proposedMs = Date.now() - started;

    // The invitation stage is over once Graph holds an invitation per contact (one cheap query per poll,
    // so that watching does not slow down what is watched); each contact's guest binding is checked after.
    const invitationsDone = async () => {
      const stats = (await (await fetch(`${graphUrl}/_control/stats`)).json()) as {
        invitationsByEmail: Record<string, number>;
      };
      return Object.keys(stats.invitationsByEmail).length;
    };
    const deadline = started + 10 * 60_000;
    while (Date.now() < deadline && (await invitationsDone()) < CONTACTS) await new Promise((r) => setTimeout(r, 200));
    const elapsed = (Date.now() - started) / 1000;
    // Binding follows each invitation within milliseconds; give stragglers a few seconds before counting losses.
    let invited = 0;
    for (let round = 0; round < 10; round++) {
      invited = 0;
      for (let i = 0; i < CONTACTS; i++)
        if ((await deps.repos.contacts.get(TENANT, `bench-c-${i}`))?.value.guest) invited++;
      if (invited === CONTACTS) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const stats = (await (await fetch(`${graphUrl}/_control/stats`)).json()) as {
      invitationsByEmail: Record<string, number>;
      requests: Record<string, Record<string, number>>;
    };
    const duplicates = Object.values(stats.invitationsByEmail).reduce((n, c) => n + Math.max(0, c - 1), 0);
    const lost = CONTACTS - invited;
    const minimum = Math.floor((CONTACTS - 1) / LIMIT) * WINDOW_S;
    const throttled = stats.requests["POST /v1.0/invitations"]?.["429"] ?? 0;

    console.log(`Proposals stored in ${(proposedMs / 1000).toFixed(1)} s`);
    console.log(
      `Invitation stage: ${elapsed.toFixed(1)} s for ${invited}/${CONTACTS} guests; throttle minimum ${minimum} s (${LIMIT} per ${WINDOW_S} s)`,
    );
    console.log(
      `429 answers from the throttle: ${throttled}; duplicate invitations: ${duplicates}; lost proposals: ${lost}`,
    );
    console.log(`RESULT time_vs_min=${(elapsed / minimum).toFixed(2)} duplicates=${duplicates} lost=${lost}`);
  } finally {
    await app.close();
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
