import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Contact, ContactDetail, DossierDetail, ServiceSubscription } from "@comptoir/shared";
import { startAzurite, type AzuriteHandle } from "../../dev/azurite";
import type { GraphStats } from "../../dev/graph-server/control-routes";
import { call, startTestApp, testTablePrefix, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newRole } from "./fixtures";

const INVITATIONS = 12;
const dir = mkdtempSync(join(tmpdir(), "comptoir-outage-"));
let azurite: AzuriteHandle | undefined;
const apps: TestApp[] = [];

afterAll(async () => {
  for (const app of apps) await app.close().catch(() => undefined);
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function health(app: TestApp): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${app.url}/api/health`);
  const body = (await res.json()) as { code?: string };
  return { status: res.status, ...(body.code ? { code: body.code } : {}) };
}

async function graphStats(app: TestApp): Promise<GraphStats> {
  const res = await fetch(`${app.running.wiring.localGraphUrl}/_control/stats`);
  if (res.status !== 200) throw new Error(`stats ${res.status}`);
  return (await res.json()) as GraphStats;
}

describe("storage outage in the middle of the invitation pipeline", () => {
  it("answers 503 while storage is down, stops within 5 s, and loses or repeats no invitation once it is back", async () => {
    azurite = await startAzurite(dir);
    const ports = azurite.ports;
    const storage = { connectionString: azurite.connectionString, tablePrefix: testTablePrefix() };
    // Two instances of one deployment: one is stopped during the outage, the other carries the work on.
    const env = { PIPELINE_CONCURRENCY: "1" };
    const leaving = await startTestApp(env, storage);
    apps.push(leaving);
    const staying = await startTestApp(env, storage);
    apps.push(staying);

    const role = await newRole(staying);
    const { dossier, etag } = await dossierWithOffer(staying);
    expect(
      (await call(staying, "PUT", `/dossiers/${dossier.id}/widget`, { etag, body: { extensionActive: true } })).status,
    ).toBe(200);
    const contacts: Contact[] = [];
    for (let i = 0; i < INVITATIONS; i++) {
      const { contact } = await newContact(staying, role.id);
      contacts.push(contact);
      const linked = await call(staying, "POST", `/contacts/${contact.id}/dossiers`, {
        body: { dossierId: dossier.id, limitedTo: "-" },
      });
      expect(linked.status).toBe(201);
    }
    for (const contact of contacts) {
      const proposed = await call<{ subscription: ServiceSubscription }>(
        leaving,
        "POST",
        `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
        { body: { serviceId: "consultation" } },
      );
      expect(proposed.status).toBe(201);
    }
    // Mid-pipeline: the first e-mail is out, most invitations are still in flight.
    const mailedBefore = await until(
      "a first e-mail",
      async () => {
        const mailed = Object.keys((await graphStats(staying)).mailsByRecipient).length;
        return mailed > 0 ? mailed : undefined;
      },
      30_000,
    );
    await azurite.stop();
    expect(mailedBefore).toBeLessThan(INVITATIONS);

    const down = await until(
      "health to report the outage",
      async () => {
        const h = await health(staying);
        return h.status === 503 ? h : undefined;
      },
      5_000,
    );
    expect(down.code).toBe("STORAGE_UNAVAILABLE");
    const asked = Date.now();
    const refused = await call(staying, "GET", `/dossiers/${dossier.id}`, { lang: "fr" });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: "STORAGE_UNAVAILABLE" });
    expect(Date.now() - asked).toBeLessThan(5_000);

    const stopping = Date.now();
    await leaving.close();
    expect(Date.now() - stopping).toBeLessThan(5_000);
    apps.splice(apps.indexOf(leaving), 1);

    azurite = await startAzurite(dir, { ports });
    await until("health to recover", async () => ((await health(staying)).status === 200 ? true : undefined), 10_000);

    const emails = contacts.map((c) => c.email.toLowerCase());
    const finished = await until(
      "every invitation and e-mail",
      async () => {
        const stats = await graphStats(staying);
        const detail = await call<DossierDetail>(staying, "GET", `/dossiers/${dossier.id}`);
        const statuses = detail.body.contacts.flatMap((c) => c.subscriptions.map((s) => s.status));
        const allMailed = emails.every((e) => (stats.mailsByRecipient[e] ?? 0) > 0);
        return allMailed && statuses.filter((s) => s === "invited").length === INVITATIONS ? stats : undefined;
      },
      180_000,
    );
    for (const email of emails) {
      expect(finished.mailsByRecipient[email], email).toBe(1);
      expect(finished.invitationsByEmail[email], email).toBeGreaterThanOrEqual(1);
    }
    // Each contact is bound to one guest: a repeated invitation (Graph answers with the same user) invites no one twice.
    const guests = new Set<string>();
    for (const contact of contacts) {
      const fresh = await call<ContactDetail>(staying, "GET", `/contacts/${contact.id}`);
      const oid = fresh.body.contact.guest?.objectId;
      expect(oid).toBeTruthy();
      guests.add(oid ?? "");
    }
    expect(guests.size).toBe(INVITATIONS);
  }, 300_000);
});
