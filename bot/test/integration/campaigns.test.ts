import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Contact, Dossier } from "@comptoir/shared";
import type { CampaignFailureList, CampaignView } from "@comptoir/shared/api/campaigns";
import { call, PERSONS, startTestApp, TEST_TENANT, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newDossier, newRole, unique } from "./fixtures";

// Set-up goes through the API, one contact at a time, on a machine shared with other suites.
vi.setConfig({ testTimeout: 120_000 });

let app: TestApp;
/** Another instance of the same deployment (same storage and queues), with one consumer at a time. */
let second: TestApp;
let roleId: string;
beforeAll(async () => {
  app = await startTestApp();
  second = await startTestApp({ PIPELINE_CONCURRENCY: "1" }, { tablePrefix: app.tablePrefix });
  roleId = (await newRole(app)).id;
});
afterAll(async () => {
  await second.close();
  await app.close();
});

/** A dossier (offer on unless told) with `n` contacts linked to it. */
async function dossierWithContacts(
  n: number,
  offer = true,
  prenom = "Client",
  on: TestApp = app,
  role = roleId,
): Promise<{ dossier: Dossier; contacts: Contact[] }> {
  const { dossier } = offer ? await dossierWithOffer(on) : await newDossier(on);
  const contacts: Contact[] = [];
  for (let i = 0; i < n; i++) {
    const { contact } = await newContact(on, role, { prenom, nom: `Campagne ${i}` });
    const linked = await call(on, "POST", `/contacts/${contact.id}/dossiers`, {
      body: { dossierId: dossier.id, limitedTo: "-" },
    });
    expect(linked.status).toBe(201);
    contacts.push(contact);
  }
  return { dossier, contacts };
}

/**
 * A campaign of fifteen items on `on`, a deployment of its own whose campaign worker is stopped first: nothing runs
 * it until another instance of that deployment starts, so an action lands before any proposal.
 */
async function startUnrun(on: TestApp) {
  await on.running.campaigns.stop();
  const { dossier } = await dossierWithContacts(15, true, "Client", on, (await newRole(on)).id);
  return start({ kind: "dossiers", serviceId: "consultation", dossierIds: [dossier.id] }, on);
}

async function start(body: unknown, on: TestApp = app) {
  return call<CampaignView>(on, "POST", "/campaigns", { body });
}

async function view(id: string, on: TestApp = app) {
  const res = await call<CampaignView>(on, "GET", `/campaigns/${id}`);
  expect(res.status).toBe(200);
  return res;
}

async function until(id: string, done: (v: CampaignView) => boolean, on: TestApp = app): Promise<CampaignView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { body } = await view(id, on);
    if (done(body)) return body;
    if (Date.now() > deadline) throw new Error(`Campaign ${id} stuck: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** How many invitations each address got (both instances' local Graph servers keep one store, in Azurite). */
async function invitationsByEmail(): Promise<Map<string, number>> {
  const stats = (await (await fetch(`${app.running.wiring.localGraphUrl}/_control/stats`)).json()) as {
    invitationsByEmail: Record<string, number>;
  };
  return new Map(Object.entries(stats.invitationsByEmail));
}

describe("a campaign of proposals", () => {
  it("proposes to each contact × dossier, reports failures with their reason (fr/en, CSV), and Renvoyer retries them", async () => {
    const open = await dossierWithContacts(3);
    // A name a spreadsheet would run as a formula: the CSV neutralises it.
    const closed = await dossierWithContacts(1, false, "=HYPERLINK");
    const contactIds = [...open.contacts, ...closed.contacts].map((c) => c.id);
    const started = await start({
      kind: "contacts",
      serviceId: "consultation",
      contactIds: [...contactIds, contactIds[0]],
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: "running", total: 4, kind: "contacts" });
    expect(started.etag).toBe(started.body.etag);

    const ended = await until(started.body.id, (v) => v.status === "done");
    expect(ended).toMatchObject({ total: 4, done: 3, failed: 1, pending: 0, cancelled: 0, estimatedSecondsLeft: null });
    const invited = await invitationsByEmail();
    for (const c of open.contacts) expect(invited.get(c.email)).toBe(1);
    expect(invited.get(closed.contacts[0]?.email ?? "")).toBeUndefined();

    const fr = await call<CampaignFailureList>(app, "GET", `/campaigns/${started.body.id}/failures`, { lang: "fr" });
    expect(fr.body.items).toEqual([
      expect.objectContaining({
        contactId: closed.contacts[0]?.id,
        dossierId: closed.dossier.id,
        dossierCode: closed.dossier.code,
        code: "OFFER_NOT_ACTIVE",
        messageKey: "error.OFFER_NOT_ACTIVE",
      }),
    ]);
    const en = await call<CampaignFailureList>(app, "GET", `/campaigns/${started.body.id}/failures`, { lang: "en" });
    expect(en.body.items[0]?.message).not.toBe(fr.body.items[0]?.message);
    expect(en.body.items[0]?.message.length).toBeGreaterThan(10);
    // The reason names the dossier, as the single proposal's error does: no placeholder left.
    expect(fr.body.items[0]?.message).toContain(`le dossier ${closed.dossier.code}.`);
    expect(en.body.items[0]?.message).not.toContain("{");

    const csv = await app.request(`/api/v1/campaigns/${started.body.id}/failures.csv`, {
      as: PERSONS.staff,
      headers: { "Accept-Language": "fr" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Interlocuteur;E-mail;Code dossier;Dossier;Code d'erreur;Motif;Date");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("OFFER_NOT_ACTIVE");
    expect(lines[1]?.startsWith("'=HYPERLINK Campagne 0;")).toBe(true);

    // The offer goes on; Renvoyer runs the failed item again (and only it).
    const detail = await call<Dossier>(app, "GET", `/dossiers/${closed.dossier.id}`);
    await call(app, "PUT", `/dossiers/${closed.dossier.id}/offers/consultation`, {
      etag: detail.etag,
      body: { active: true },
    });
    const stale = await call(app, "POST", `/campaigns/${started.body.id}/retry-failed`, { etag: started.etag });
    expect(stale.status).toBe(412);
    const retried = await call<CampaignView>(app, "POST", `/campaigns/${started.body.id}/retry-failed`, {
      etag: (await view(started.body.id)).etag,
    });
    expect(retried.status).toBe(202);
    expect(retried.body.status).toBe("running");
    const again = await until(started.body.id, (v) => v.status === "done");
    expect(again).toMatchObject({ done: 4, failed: 0 });
    const after = await invitationsByEmail();
    expect(after.get(closed.contacts[0]?.email ?? "")).toBe(1);
    for (const c of open.contacts) expect(after.get(c.email)).toBe(1);
  });

  it("reports an invitation Graph refused, and Renvoyer asks the pipeline again", async () => {
    const { dossier, contacts } = await dossierWithContacts(1);
    // Either instance's pipeline may take the invitation: both Graph servers refuse it once.
    const faults = async (method: "POST" | "DELETE") => {
      for (const a of [app, second])
        await fetch(`${a.running.wiring.localGraphUrl}/_control/faults`, {
          method,
          headers: { "content-type": "application/json" },
          ...(method === "POST"
            ? { body: JSON.stringify({ match: "POST /v1.0/invitations", status: 400, times: 1 }) }
            : {}),
        });
    };
    await faults("POST");
    try {
      const started = await start({ kind: "dossiers", serviceId: "consultation", dossierIds: [dossier.id] });
      const ended = await until(started.body.id, (v) => v.status === "done");
      expect(ended).toMatchObject({ done: 0, failed: 1 });
      const failures = await call<CampaignFailureList>(app, "GET", `/campaigns/${started.body.id}/failures`);
      expect(failures.body.items[0]).toMatchObject({ code: "INVITE_EMAIL_REJECTED", contactId: contacts[0]?.id });
      await faults("DELETE");
      const retried = await call(app, "POST", `/campaigns/${started.body.id}/retry-failed`, { etag: ended.etag });
      expect(retried.status).toBe(202);
      expect(await until(started.body.id, (v) => v.status === "done")).toMatchObject({ done: 1, failed: 0 });
      expect((await invitationsByEmail()).get(contacts[0]?.email ?? "")).toBe(1);
    } finally {
      await faults("DELETE");
    }
  });

  it("never proposes or invites twice, with its messages doubled and two instances consuming them", async () => {
    const { dossier, contacts } = await dossierWithContacts(12);
    const started = await start({ kind: "dossiers", serviceId: "consultation", dossierIds: [dossier.id] });
    // A retried pass and a second instance's pass: every item gets three messages, on two consumers.
    await app.running.campaigns.schedule(TEST_TENANT, started.body.id);
    await second.running.campaigns.schedule(TEST_TENANT, started.body.id);
    const ended = await until(started.body.id, (v) => v.status === "done", second);
    expect(ended).toMatchObject({ total: 12, done: 12, failed: 0 });
    const invited = await invitationsByEmail();
    for (const c of contacts) {
      expect(invited.get(c.email)).toBe(1);
      const subs = await app.running.deps.repos.subscriptions.listByContact(TEST_TENANT, c.id);
      expect(subs).toHaveLength(1);
    }
    // Progress is the same whichever instance counts it.
    expect((await view(started.body.id, app)).body).toMatchObject({ done: 12, status: "done" });
  });

  it("settles an item whose word from the pipeline was lost, at the campaign's follow", async () => {
    const { dossier, contacts } = await dossierWithContacts(2);
    const started = await start({ kind: "dossiers", serviceId: "consultation", dossierIds: [dossier.id] });
    expect(await until(started.body.id, (v) => v.status === "done")).toMatchObject({ done: 2 });
    // As if the pipeline's word had never come: the item still says "inviting", for two minutes now.
    const { campaigns } = app.running.deps.repos;
    const item = await campaigns.getItem(TEST_TENANT, started.body.id, contacts[0]?.id ?? "", dossier.id);
    if (!item) throw new Error("item not found");
    const twoMinutesAgo = new Date(Date.now() - 120_000).toISOString();
    await campaigns.saveItem(
      TEST_TENANT,
      started.body.id,
      { ...item.value, status: "inviting", updatedAt: twoMinutesAgo },
      item.etag,
    );
    expect((await campaigns.count(TEST_TENANT, started.body.id)).inviting).toBe(1);
    // A pass finds nothing to run and queues the follow, which reads where the invitation stands (30 s later).
    await second.running.campaigns.schedule(TEST_TENANT, started.body.id);
    const deadline = Date.now() + 90_000;
    while ((await campaigns.count(TEST_TENANT, started.body.id)).inviting > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 1000));
    expect(await campaigns.count(TEST_TENANT, started.body.id)).toMatchObject({ inviting: 0, done: 2, failed: 0 });
    expect((await invitationsByEmail()).get(contacts[0]?.email ?? "")).toBe(1);
  });

  it("pauses (nothing new is proposed), resumes, and takes each action under the ETag it read", async () => {
    // A deployment of its own: its first instance runs no campaign, so the pause lands before any proposal; a second
    // instance, started while the campaign is paused, then finds the queued pass and must propose nothing.
    const solo = await startTestApp();
    let worker: TestApp | null = null;
    try {
      const started = await startUnrun(solo);
      const noEtag = await call(solo, "POST", `/campaigns/${started.body.id}/pause`);
      expect(noEtag.status).toBe(428);
      const paused = await call<CampaignView>(solo, "POST", `/campaigns/${started.body.id}/pause`, {
        etag: started.etag,
      });
      expect(paused.status).toBe(200);
      expect(paused.body).toMatchObject({ status: "paused", estimatedSecondsLeft: null });
      // An action on the version before: refused, nothing changed.
      const stale = await call(solo, "POST", `/campaigns/${started.body.id}/cancel`, { etag: started.etag });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: "CONFLICT" });
      const twice = await call(solo, "POST", `/campaigns/${started.body.id}/pause`, { etag: paused.etag });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: "CAMPAIGN_INVALID_TRANSITION" });

      worker = await startTestApp({}, { tablePrefix: solo.tablePrefix });
      const { campaigns } = solo.running.deps.repos;
      await new Promise((r) => setTimeout(r, 3000));
      expect((await campaigns.count(TEST_TENANT, started.body.id)).pending).toBe(15);

      const resumed = await call<CampaignView>(solo, "POST", `/campaigns/${started.body.id}/resume`, {
        etag: paused.etag,
      });
      expect(resumed.status).toBe(200);
      expect(resumed.body.status).toBe("running");
      expect(resumed.body.estimatedSecondsLeft).not.toBeNull();
      expect(await until(started.body.id, (v) => v.status === "done", solo)).toMatchObject({ done: 15, failed: 0 });
    } finally {
      await worker?.close();
      await solo.close();
    }
  });

  it("cancels: what was not proposed yet is left cancelled, and a cancelled campaign takes no action", async () => {
    // A deployment of its own whose campaign worker is stopped: nothing is proposed before the cancel lands (on the
    // shared one, a pass can propose all fifteen items before the cancel, and then nothing is left to cancel).
    const solo = await startTestApp();
    try {
      const started = await startUnrun(solo);
      const cancelled = await call<CampaignView>(solo, "POST", `/campaigns/${started.body.id}/cancel`, {
        etag: started.etag,
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe("cancelled");
      const ended = await until(started.body.id, (v) => v.pending === 0, solo);
      expect(ended).toMatchObject({ status: "cancelled", cancelled: 15, done: 0, failed: 0 });
      for (const action of ["resume", "pause", "retry-failed", "cancel"]) {
        const res = await call(solo, "POST", `/campaigns/${started.body.id}/${action}`, { etag: ended.etag });
        expect(res.status, action).toBe(409);
      }
      const recent = await call<{ items: CampaignView[] }>(solo, "GET", "/campaigns");
      expect(recent.body.items.map((c) => c.id)).toContain(started.body.id);
    } finally {
      await solo.close();
    }
  });

  it("cancels a running campaign: what was proposed stands and is reported, the rest is cancelled", async () => {
    const { dossier, contacts } = await dossierWithContacts(15);
    const started = await start({ kind: "dossiers", serviceId: "consultation", dossierIds: [dossier.id] }, second);
    const cancelled = await call<CampaignView>(second, "POST", `/campaigns/${started.body.id}/cancel`, {
      etag: started.etag,
    });
    expect(cancelled.status).toBe(200);
    const ended = await until(started.body.id, (v) => v.pending === 0 && v.status === "cancelled");
    expect(ended.done + ended.failed + ended.cancelled).toBe(15);
    await until(started.body.id, (v) => v.done + v.cancelled === 15);
    const invited = await invitationsByEmail();
    const settled = (await view(started.body.id)).body;
    expect(contacts.filter((c) => invited.has(c.email))).toHaveLength(settled.done);
    const recent = await call<{ items: CampaignView[] }>(app, "GET", "/campaigns");
    // Newest first.
    const starts = recent.body.items.map((c) => c.startedAt);
    expect([...starts].sort().reverse()).toEqual(starts);
  });
});

describe("bad input and limits", () => {
  it("refuses with a stable code and a localized message", async () => {
    const { contact } = await newContact(app, roleId);
    const empty = await start({ kind: "contacts", serviceId: "consultation", contactIds: [contact.id] });
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ code: "CAMPAIGN_EMPTY" });
    const unknownService = await start({ kind: "contacts", serviceId: "nope", contactIds: [contact.id] });
    expect(unknownService.body).toMatchObject({ code: "SERVICE_NOT_FOUND" });
    const unknownContact = await start({ kind: "contacts", serviceId: "consultation", contactIds: ["nobody"] });
    expect(unknownContact.status).toBe(404);
    expect(unknownContact.body).toMatchObject({ code: "CONTACT_NOT_FOUND" });
    const badKind = await start({ kind: "everyone", serviceId: "consultation" });
    expect(badKind.status).toBe(400);
    expect(badKind.body).toMatchObject({ code: "VALIDATION_FAILED" });
    const tooMany = await start({
      kind: "contacts",
      serviceId: "consultation",
      contactIds: Array.from({ length: 1001 }, (_, i) => `c${i}`),
    });
    expect(tooMany.status).toBe(400);
    const missing = await call(app, "GET", "/campaigns/nope", { lang: "en" });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      code: "CAMPAIGN_NOT_FOUND",
      message: "This proposal campaign cannot be found.",
    });
  });

  it("refuses a selection that makes more than 1,000 proposals (CAMPAIGN_TOO_LARGE)", async () => {
    const { dossier } = await dossierWithOffer(app);
    const { repos } = app.running.deps;
    const now = new Date().toISOString();
    const actor = { oid: "test", name: "Test" };
    const prefix = unique("big");
    const ids = Array.from({ length: 1001 }, (_, i) => `${prefix}-${i}`);
    const base = (await newContact(app, roleId)).contact;
    await repos.contacts.createMany(
      TEST_TENANT,
      ids.map((id, i) => ({ ...base, id, email: `${id}@exemple.fr`, nom: `Gros ${i}`, guest: null })),
    );
    for (const id of ids)
      await repos.links.create(TEST_TENANT, {
        contactId: id,
        dossierId: dossier.id,
        limitedTo: "-",
        createdAt: now,
        createdBy: actor,
        updatedAt: now,
      });
    const res = await call(app, "POST", "/campaigns", {
      body: { kind: "dossiers", serviceId: "consultation", dossierIds: [dossier.id] },
      lang: "fr",
    });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({
      code: "CAMPAIGN_TOO_LARGE",
      message: expect.stringContaining("1000") as unknown,
    });
  });

  it("expands a selection of many contacts from one listing of the firm's rows: only their links, all their links", async () => {
    const { dossier } = await dossierWithOffer(app);
    const { dossier: other } = await dossierWithOffer(app);
    const { repos } = app.running.deps;
    const now = new Date().toISOString();
    const actor = { oid: "test", name: "Test" };
    const prefix = unique("many");
    // 60 selected contacts (past the point where the firm's rows are listed rather than read one by one), and one
    // more linked to the same dossier but not selected.
    const ids = Array.from({ length: 61 }, (_, i) => `${prefix}-${i}`);
    const base = (await newContact(app, roleId)).contact;
    await repos.contacts.createMany(
      TEST_TENANT,
      ids.map((id, i) => ({ ...base, id, email: `${id}@exemple.fr`, nom: `Nombreux ${i}`, guest: null })),
    );
    const link = (contactId: string, dossierId: string) =>
      repos.links.create(TEST_TENANT, {
        contactId,
        dossierId,
        limitedTo: "-",
        createdAt: now,
        createdBy: actor,
        updatedAt: now,
      });
    for (const id of ids) await link(id, dossier.id);
    await link(ids[0] as string, other.id);
    const selected = ids.slice(0, 60);

    const unknown = await call(app, "POST", "/campaigns", {
      body: { kind: "contacts", serviceId: "consultation", contactIds: [...selected, `${prefix}-unknown`] },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "CONTACT_NOT_FOUND" });

    const started = await start({ kind: "contacts", serviceId: "consultation", contactIds: selected });
    expect(started.status).toBe(202);
    expect(started.body.total).toBe(61);
    const items = await repos.campaigns.items(TEST_TENANT, started.body.id);
    expect(items.map((i) => `${i.value.contactId}>${i.value.dossierId}`).sort()).toEqual(
      [...selected.map((id) => `${id}>${dossier.id}`), `${ids[0]}>${other.id}`].sort(),
    );
    expect(items.find((i) => i.value.contactId === ids[1])?.value).toMatchObject({
      contactName: expect.stringContaining("Nombreux 1") as unknown,
      dossierCode: dossier.code,
    });
    const ended = await until(started.body.id, (v) => v.status === "done");
    expect(ended).toMatchObject({ done: 61, failed: 0 });
  });
});
