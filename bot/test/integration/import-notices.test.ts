import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdaptiveCard, Contact, ServiceSubscription } from "@comptoir/shared";
import type { FecUploadResult } from "@comptoir/shared/api/accounting";
import type { ImportNotice, ImportNoticeList } from "@comptoir/shared/api/import-notices";
import { createAccountingDeps } from "../../src/accounting/deps";
import { createImportNotifier, type ImportNoticeMessage } from "../../src/accounting/notify/notifier";
import { startLocalConnector, type LocalConnector } from "../support/connector-server";
import { consultableDossier, fecText, type Line } from "./accounting-harness";
import { allText, cardOf } from "./bot-fixtures";
import { newContact, newRole } from "./fixtures";
import { call, PERSONS, TEST_TENANT, startTestApp, type TestApp } from "./harness";

/**
 * The import notices on the real server (local mode, its bot sending through a recording Bot Connector): each
 * contact with an active Consultation gets one card per import, with their own figures; the others are listed.
 */

let connector: LocalConnector;
let app: TestApp;
let dossierId: string;
type Client = { contactId: string; oid: string; name: string };
const clients: Record<"whole" | "e1" | "e2" | "off", Client> = {} as never;
let linkedOnly: string;

const SIRETS = ["73282932000009", "73282932000017", "73282932000025"];
const TITLE = "Nouvelle comptabilité disponible";

/** A contact linked to the dossier (limited as asked), their Consultation accepted through the pipeline. */
async function client(limitedTo: string[] | "-", withService = true): Promise<Client> {
  const role = await newRole(app);
  const { contact } = await newContact(app, role.id);
  const linked = await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId, limitedTo } });
  expect(linked.status).toBe(201);
  if (withService) {
    const proposed = await call<{ subscription: ServiceSubscription }>(
      app,
      "POST",
      `/contacts/${contact.id}/dossiers/${dossierId}/services`,
      { body: { serviceId: "consultation" } },
    );
    expect(proposed.status).toBe(201);
    await app.running.pipeline.idle();
  }
  const detail = await call<{ contact: Contact }>(app, "GET", `/contacts/${contact.id}`);
  const oid = detail.body.contact.guest?.objectId ?? "";
  if (withService) {
    // The first sign-in accepts the service: the Consultation is active from then on.
    const token = await app.sign({ oid, name: "Client", roles: [] });
    expect((await call(app, "GET", "/client/societes", { token })).status).toBe(200);
  }
  return {
    contactId: contact.id,
    oid,
    name: `${contact.prenom} ${contact.nom}`,
  };
}

/** Sales and bank lines of one year: 1 000,00 on E1 and 500,00 on E3 (× `factor`), none on E2. */
function yearFec(year: number, factor: number): Buffer {
  const amount = (n: number) => `${n * factor},00`;
  const lines: Line[] = [
    { journal: "VE", num: "1", date: `${year}0115`, compte: "512000", debit: amount(1000), etab: "E1" },
    { journal: "VE", num: "1", date: `${year}0115`, compte: "706000", credit: amount(1000), etab: "E1" },
    { journal: "VE", num: "2", date: `${year}0220`, compte: "512000", debit: amount(500), etab: "E3" },
    { journal: "VE", num: "2", date: `${year}0220`, compte: "706000", credit: amount(500), etab: "E3" },
  ];
  return Buffer.from(fecText(lines), "utf8");
}

async function upload(year: number, bytes: Buffer): Promise<{ status: number; body: FecUploadResult }> {
  const params = new URLSearchParams({
    exercice: `${year}-01-01..${year}-12-31`,
    fileName: `732829320FEC${year}1231.txt`,
  });
  const res = await app.request(`/api/v1/dossiers/${dossierId}/fec?${params.toString()}`, {
    method: "POST",
    as: PERSONS.staff,
    headers: { "Content-Type": "application/octet-stream" },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as FecUploadResult };
}

/** Waits for the notifier, then for the proactive queue. */
async function settled(): Promise<void> {
  await app.running.importNotifier.idle();
  await app.running.bot.idle();
}

/** The notice cards the client received (in the 1:1 conversation the bot opened or they wrote in). */
async function noticesTo(who: Client): Promise<AdaptiveCard[]> {
  const ref = await app.running.deps.repos.conversations.get(TEST_TENANT, who.oid);
  if (!ref) return [];
  return connector
    .recorded({ conversationId: ref.reference.conversation.id, method: "POST" })
    .filter((r) => r.status === 201)
    .flatMap((r) => {
      const card = cardOf(r.body);
      return card && allText(card).includes(TITLE) ? [card] : [];
    });
}

async function noticesOf(importId: string): Promise<ImportNotice[]> {
  const res = await call<ImportNoticeList>(app, "GET", `/dossiers/${dossierId}/fec/imports/${importId}/notices`);
  expect(res.status).toBe(200);
  return res.body.items;
}

const spaced = (text: string) => text.replace(/\s/g, " ");

beforeAll(async () => {
  connector = await startLocalConnector();
  app = await startTestApp({ LOCAL_BOT_SERVICE_URL: connector.url });
  dossierId = await consultableDossier(
    app,
    ["E1", "E2", "E3"].map((code, i) => ({ code, name: `Site ${code}`, siret: SIRETS[i] ?? "" })),
  );
  clients.whole = await client("-");
  clients.e1 = await client(["E1"]);
  clients.e2 = await client(["E2"]);
  clients.off = await client("-");
  linkedOnly = (await client("-", false)).contactId;
  const off = await call(app, "PUT", `/contacts/${clients.off.contactId}/import-notices`, { body: { enabled: false } });
  expect(off.body).toEqual({ enabled: false });
  // Staff talk to the bot once: it now knows the tenant and opens 1:1 chats with clients who never wrote.
  const hello = await fetch(`${app.url}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message",
      id: "1700000000001",
      serviceUrl: connector.url,
      channelId: "msteams",
      from: { id: "29:1camille", name: PERSONS.staff.name, aadObjectId: PERSONS.staff.oid },
      conversation: { id: "a:1personal-staff", conversationType: "personal", tenantId: TEST_TENANT },
      recipient: { id: "28:comptoir-bot", name: "Comptoir" },
      text: "aide",
      locale: "fr-FR",
      channelData: { tenant: { id: TEST_TENANT } },
    }),
  });
  expect(hello.status).toBe(200);
  await settled(); // welcome cards
}, 120_000);

afterAll(async () => {
  await app.close();
  await connector.stop();
});

describe("import notices", () => {
  let first: string;
  let second: string;

  it("tells each contact with an active Consultation once, with their own figures and N-1", async () => {
    const y2023 = await upload(2023, yearFec(2023, 1));
    expect(y2023.status).toBe(201);
    first = y2023.body.import.id;
    await settled();
    const y2024 = await upload(2024, yearFec(2024, 2));
    expect(y2024.status).toBe(201);
    second = y2024.body.import.id;
    await settled();

    const whole = await noticesTo(clients.whole);
    expect(whole).toHaveLength(2);
    const latest = spaced(allText(whole.at(-1)));
    expect(latest).toContain("Chiffre d'affaires");
    expect(latest).toContain("3 000,00 € (N-1 : 1 500,00 €)");
    expect(latest).not.toContain("Chiffres limités");
    expect(spaced(allText(whole[0]))).toContain("1 500,00 €");
    expect(spaced(allText(whole[0]))).not.toContain("N-1");

    const e1 = await noticesTo(clients.e1);
    expect(e1).toHaveLength(2);
    const mine = spaced(allText(e1.at(-1)));
    expect(mine).toContain("2 000,00 € (N-1 : 1 000,00 €)");
    expect(mine).toContain("Chiffres limités à vos établissements.");

    expect(await noticesTo(clients.e2)).toEqual([]);
    expect(await noticesTo(clients.off)).toEqual([]);
  });

  it("lists for staff who was told, who was skipped and why; a contact without the service is not listed", async () => {
    const notices = await noticesOf(second);
    const byContact = new Map(notices.map((n) => [n.contactId, n]));
    expect(byContact.get(clients.whole.contactId)).toMatchObject({ status: "sent", reason: null });
    expect(byContact.get(clients.e1.contactId)).toMatchObject({ status: "sent", reason: null });
    expect(byContact.get(clients.e2.contactId)).toMatchObject({ status: "skipped", reason: "noLines" });
    expect(byContact.get(clients.off.contactId)).toMatchObject({ status: "skipped", reason: "optedOut" });
    expect(byContact.has(linkedOnly)).toBe(false);
    expect(notices).toHaveLength(4);
    expect(await noticesOf(first)).toHaveLength(4);
  });

  it("runs twice, or on two instances at once, and still tells each contact once", async () => {
    const event = { tenantId: TEST_TENANT, dossierId, importId: second, exercice: "2024-12-31" };
    await Promise.all([app.running.importNotifier.notify(event), app.running.importNotifier.notify(event)]);
    await settled();
    expect(await noticesTo(clients.whole)).toHaveLength(2);
    expect(await noticesTo(clients.e1)).toHaveLength(2);
  });

  it("queues nothing for contacts already claimed by another notifier (another instance's)", async () => {
    const queued: ImportNoticeMessage[] = [];
    const acc = createAccountingDeps(app.running.storage);
    const other = createImportNotifier(app.running.deps, acc, (m) => {
      queued.push(m);
      return Promise.resolve();
    });
    const event = { tenantId: TEST_TENANT, dossierId, importId: second, exercice: "2024-12-31" };
    await Promise.all([other.notify(event), other.notify(event)]);
    expect(queued).toEqual([]);
  });

  it("a message delivered twice (a redelivery) sends one card", async () => {
    const card = { kind: "importNotice" as const, dossierId, importId: second, exercice: "2024-12-31" };
    const message = {
      tenantId: TEST_TENANT,
      userOid: clients.e1.oid,
      card: { ...card, contactId: clients.e1.contactId },
    };
    await Promise.all([app.running.bot.enqueue(message), app.running.bot.enqueue(message)]);
    await settled();
    expect(await noticesTo(clients.e1)).toHaveLength(2);
  });

  it("tells no one of a rejected import", async () => {
    const rejected = await upload(2024, Buffer.from("not a FEC\n", "utf8"));
    expect(rejected.body.import.status).toBe("rejected");
    await settled();
    expect(await noticesOf(rejected.body.import.id)).toEqual([]);
    expect(await noticesTo(clients.whole)).toHaveLength(2);
  });

  it("lets staff read and change a contact's choice", async () => {
    const path = `/contacts/${clients.off.contactId}/import-notices`;
    expect((await call(app, "GET", path)).body).toEqual({ enabled: false });
    expect((await call(app, "PUT", path, { body: { enabled: true } })).body).toEqual({ enabled: true });
    expect((await call(app, "GET", path)).body).toEqual({ enabled: true });
    expect((await call(app, "GET", path, { as: PERSONS.client })).status).toBe(403);
    expect((await call(app, "PUT", `/contacts/nope/import-notices`, { body: { enabled: true } })).status).toBe(404);
  });
});
