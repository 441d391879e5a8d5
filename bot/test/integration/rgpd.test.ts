import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEvent,
  pseudonymFor,
  rgpdErasurePreviewSchema,
  rgpdExportSchema,
  type AuditEvent,
  type ContactDetail,
  type FirmSettings,
  type RgpdErasurePreview,
  type ServiceSubscription,
} from "@comptoir/shared";
import type { ServiceDeps } from "../../src/core/services/context";
import { eraseContact } from "../../src/jobs/rgpd/erasure";
import { applyRetention } from "../../src/jobs/rgpd/retention";
import { emptyInvitationState } from "../../src/core/repos/invitation-state";
import { call, PERSONS, startTestApp, TEST_TENANT, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newRole } from "./fixtures";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const ADMIN = { as: PERSONS.admin };
const deps = () => app.running.deps;
const graphUrl = () => app.running.wiring.localGraphUrl;

async function graphDeletes(): Promise<number> {
  const stats = (await (await fetch(`${graphUrl()}/_control/stats`)).json()) as {
    requests: Record<string, Record<string, number>>;
  };
  return Object.entries(stats.requests)
    .filter(([route]) => route.startsWith("DELETE /v1.0/users"))
    .reduce((n, [, byStatus]) => n + Object.values(byStatus).reduce((a, b) => a + b, 0), 0);
}

async function allAudit(): Promise<AuditEvent[]> {
  const out: AuditEvent[] = [];
  for await (const e of deps().repos.audit.all(TEST_TENANT)) out.push(e);
  return out;
}

/** A contact with something in every category: link, service invited (guest, mail), conversation, notices, early arrival. */
async function fullContact() {
  const role = await newRole(app);
  const { dossier } = await dossierWithOffer(app);
  const { contact } = await newContact(app, role.id, { phone: "+33612345678" });
  expect(
    (await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id } })).status,
  ).toBe(201);
  const proposed = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
    { body: { serviceId: "consultation" } },
  );
  expect(proposed.status).toBe(201);
  await app.running.pipeline.idle();
  const detail = await call<ContactDetail>(app, "GET", `/contacts/${contact.id}`);
  const oid = detail.body.contact.guest?.objectId ?? "";
  expect(oid).not.toBe("");
  const repos = deps().repos;
  const at = new Date().toISOString();
  await repos.conversations.save(
    TEST_TENANT,
    {
      userOid: oid,
      role: "client",
      updatedAt: at,
      reference: {
        channelId: "msteams",
        serviceUrl: "https://smba.example/",
        conversation: { id: `a:${oid}` },
        user: { id: `29:${oid}`, aadObjectId: oid },
        agent: { id: "28:bot" },
      },
    },
    null,
  );
  await repos.conversations.markGreeted(TEST_TENANT, proposed.body.subscription.id, at);
  await repos.importNotices.setEnabled(TEST_TENANT, contact.id, false, at);
  const notice = {
    importId: "import-1",
    dossierId: dossier.id,
    contactId: contact.id,
    contactName: "Client Collaboratif",
    status: "sent" as const,
    reason: null,
    at,
    error: null,
  };
  expect(await repos.importNotices.claim(TEST_TENANT, notice)).toBe(true);
  const arrival = { dossierId: dossier.id, contactId: contact.id, contactName: "Client Collaboratif", at };
  expect(await repos.earlyArrivals.record(TEST_TENANT, { ...arrival, reason: "offer-inactive" })).toBe(true);
  // A finished bulk proposal that named the contact (its item row keeps their name and e-mail).
  const campaignId = `c-${contact.id}`;
  await repos.campaigns.create(
    TEST_TENANT,
    {
      id: campaignId,
      kind: "contacts",
      serviceId: proposed.body.subscription.serviceId,
      status: "done",
      startedAt: at,
      startedBy: { oid: PERSONS.staff.oid, name: PERSONS.staff.name },
      endedAt: at,
      total: 1,
      runningSince: at,
      finishedAtRunStart: 0,
    },
    [
      {
        contactId: contact.id,
        dossierId: dossier.id,
        contactName: "Client Collaboratif",
        email: detail.body.contact.email,
        dossierCode: dossier.code,
        dossierName: dossier.name,
        status: "done",
        subscriptionId: proposed.body.subscription.id,
        error: null,
        resend: false,
        updatedAt: at,
      },
    ],
  );
  return {
    contact: detail.body.contact,
    etag: detail.etag ?? "",
    dossier,
    oid,
    subscription: proposed.body.subscription,
  };
}

async function preview(contactId: string) {
  const res = await call<RgpdErasurePreview>(app, "GET", `/contacts/${contactId}/rgpd/erasure-preview`, ADMIN);
  expect(res.status).toBe(200);
  return { preview: rgpdErasurePreviewSchema.parse(res.body), etag: res.etag ?? "" };
}

/** Nothing left that names the contact, in any table the erasure covers. */
async function expectGone(contactId: string, oid: string, email: string, subscriptionId: string, dossierId: string) {
  const repos = deps().repos;
  expect((await call(app, "GET", `/contacts/${contactId}`)).status).toBe(404);
  expect(await repos.contacts.findIdByEmail(TEST_TENANT, email)).toBeNull();
  expect(await repos.contacts.findIdByGuest(TEST_TENANT, oid)).toBeNull();
  expect(await repos.links.listByContact(TEST_TENANT, contactId)).toEqual([]);
  expect((await repos.links.listByDossier(TEST_TENANT, dossierId)).filter((l) => l.contactId === contactId)).toEqual(
    [],
  );
  expect(await repos.subscriptions.listByContact(TEST_TENANT, contactId)).toEqual([]);
  expect(await repos.subscriptions.get(TEST_TENANT, subscriptionId)).toBeNull();
  expect(await repos.subscriptions.findLiveId(TEST_TENANT, contactId, dossierId, "consultation")).toBeNull();
  expect(await repos.invitations.get(TEST_TENANT, subscriptionId)).toBeNull();
  expect(await repos.conversations.get(TEST_TENANT, oid)).toBeNull();
  expect(await repos.conversations.findByConversation(TEST_TENANT, `a:${oid}`)).toBeNull();
  expect(await repos.conversations.isGreeted(TEST_TENANT, subscriptionId)).toBe(false);
  expect(await repos.importNotices.isOptedOut(TEST_TENANT, contactId)).toBe(false);
  expect(await repos.importNotices.listByContact(TEST_TENANT, contactId)).toEqual([]);
  expect(await repos.earlyArrivals.listByContact(TEST_TENANT, contactId)).toEqual([]);
  expect(await repos.campaigns.itemsOfContact(TEST_TENANT, contactId)).toEqual([]);
  const audit = JSON.stringify(await allAudit());
  for (const trace of [contactId, oid, email]) expect(audit).not.toContain(trace);
}

describe("RGPD export (right of access)", () => {
  it("gives an admin every category held on the contact, as a JSON file and a readable HTML page", async () => {
    const { contact, oid, dossier, subscription } = await fullContact();
    const json = await app.request(`/api/v1/contacts/${contact.id}/rgpd/export.json`, { as: PERSONS.admin });
    expect(json.status).toBe(200);
    expect(json.headers.get("content-disposition")).toBe(`attachment; filename="comptoir-rgpd-${contact.id}.json"`);
    const data = rgpdExportSchema.parse(await json.json());
    expect(data.contact.email).toBe(contact.email);
    expect(data.links.map((l) => [l.dossierId, l.dossierCode])).toEqual([[dossier.id, dossier.code]]);
    expect(data.subscriptions.map((s) => s.id)).toEqual([subscription.id]);
    expect(data.invitations.map((i) => i.subscriptionId)).toEqual([subscription.id]);
    expect(data.mailsSent).toEqual([expect.objectContaining({ subscriptionId: subscription.id, to: contact.email })]);
    expect(data.conversationReferences).toEqual([expect.objectContaining({ conversationId: `a:${oid}` })]);
    expect(data.importNotices.turnedOff).toBe(true);
    expect(data.importNotices.sent).toEqual([expect.objectContaining({ dossierId: dossier.id, importId: "import-1" })]);
    expect(data.earlyArrivals).toEqual([expect.objectContaining({ dossierId: dossier.id, reason: "offer-inactive" })]);
    expect(data.campaignItems).toEqual([expect.objectContaining({ dossierId: dossier.id, status: "done" })]);
    const actions = data.auditEvents.map((e) => e.action);
    for (const action of ["contact.created", "link.created", "service.proposed"]) expect(actions).toContain(action);

    const html = await app.request(`/api/v1/contacts/${contact.id}/rgpd/export.html`, {
      as: PERSONS.admin,
      headers: { "Accept-Language": "fr" },
    });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(html.headers.get("content-disposition")).toContain(`comptoir-rgpd-${contact.id}.html`);
    const page = await html.text();
    expect(page).toContain("Données personnelles de Client Collaboratif");
    expect(page).toContain("Venues avant l&#39;ouverture de l&#39;espace");
    expect(page).toContain(contact.email);
  });

  it("refuses a collaborateur and a client, and answers CONTACT_NOT_FOUND for an unknown contact", async () => {
    const { contact } = await fullContact();
    for (const path of ["export.json", "export.html", "erasure-preview"]) {
      for (const as of [PERSONS.staff, PERSONS.client]) {
        const res = await call<{ code: string }>(app, "GET", `/contacts/${contact.id}/rgpd/${path}`, { as });
        expect(res.status, `${path} as ${as.name}`).toBe(403);
        expect(res.body.code).toBe("FORBIDDEN");
      }
    }
    const erase = await call<{ code: string }>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, {
      as: PERSONS.staff,
      etag: "x",
    });
    expect([erase.status, erase.body.code]).toEqual([403, "FORBIDDEN"]);
    const unknown = await call<{ code: string }>(app, "GET", "/contacts/nobody/rgpd/export.json", ADMIN);
    expect([unknown.status, unknown.body.code]).toEqual([404, "CONTACT_NOT_FOUND"]);
  });
});

describe("RGPD erasure (right to erasure)", () => {
  it("removes exactly what the preview said, pseudonymises the events, keeps them, and deletes the guest Comptoir invited", async () => {
    const other = await fullContact();
    const { contact, etag, oid, dossier, subscription } = await fullContact();
    const before = await allAudit();
    const about = before.filter((e) => JSON.stringify(e).includes(contact.id)).length;
    const { preview: p } = await preview(contact.id);
    expect(p).toEqual({
      contactId: contact.id,
      pseudonym: pseudonymFor(contact.id),
      remove: {
        links: 1,
        subscriptions: 1,
        invitations: 1,
        conversationReferences: 2,
        importNoticePreferences: 1,
        importNoticesSent: 1,
        earlyArrivals: 1,
        campaignItems: 1,
      },
      pseudonymiseAuditEvents: about,
      deleteGuest: true,
      keepGuestReason: null,
    });

    const stale = await call<{ code: string }>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, {
      ...ADMIN,
      etag: '"stale"',
    });
    expect([stale.status, stale.body.code]).toEqual([412, "CONFLICT"]);
    const missing = await call<{ code: string }>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, ADMIN);
    expect(missing.status).toBe(428);

    const deletesBefore = await graphDeletes();
    const res = await call<RgpdErasurePreview>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, { ...ADMIN, etag });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(p);
    expect(await graphDeletes()).toBe(deletesBefore + 1);
    expect(await fetch(`${graphUrl()}/v1.0/users/${oid}`).then((r) => r.status)).not.toBe(200);
    await expectGone(contact.id, oid, contact.email, subscription.id, dossier.id);

    const after = await allAudit();
    const pseudonym = pseudonymFor(contact.id);
    // Every event stays (same ids), plus the erasure itself, recorded under the pseudonym by the admin.
    const afterIds = new Set(after.map((e) => e.id));
    expect(before.filter((e) => !afterIds.has(e.id))).toEqual([]);
    const beforeIds = new Set(before.map((e) => e.id));
    expect(after.filter((e) => !beforeIds.has(e.id)).map((e) => e.action)).toEqual(["contact.erased"]);
    const erased = after.filter((e) => e.action === "contact.erased");
    expect(erased).toHaveLength(1);
    expect(erased[0]?.target).toEqual({ type: "contact", id: pseudonym });
    expect(erased[0]?.actor.oid).toBe(PERSONS.admin.oid);
    expect(after.filter((e) => JSON.stringify(e).includes(pseudonym))).toHaveLength(about + 1);

    // The other contact keeps everything.
    const kept = await call<ContactDetail>(app, "GET", `/contacts/${other.contact.id}`);
    expect(kept.status).toBe(200);
    expect(kept.body.dossiers).toHaveLength(1);
    expect(await deps().repos.conversations.get(TEST_TENANT, other.oid)).not.toBeNull();
    expect(await deps().repos.importNotices.isOptedOut(TEST_TENANT, other.contact.id)).toBe(true);
    expect(await deps().repos.earlyArrivals.listByContact(TEST_TENANT, other.contact.id)).toHaveLength(1);
    expect(await deps().repos.campaigns.itemsOfContact(TEST_TENANT, other.contact.id)).toHaveLength(1);
    expect(JSON.stringify(after)).toContain(other.contact.id);
  });

  it("keeps a guest account Comptoir did not invite, and a member of the firm", async () => {
    const role = await newRole(app);
    const { contact } = await newContact(app, role.id);
    expect((await preview(contact.id)).preview).toMatchObject({ deleteGuest: false, keepGuestReason: "none" });

    const invited = await fullContact();
    // The invitation rows are what proves Comptoir invited the account: without them, it stays.
    await deps().repos.invitations.delete(TEST_TENANT, invited.subscription.id);
    expect((await preview(invited.contact.id)).preview).toMatchObject({
      deleteGuest: false,
      keepGuestReason: "notInvitedByComptoir",
    });

    const member = await fullContact();
    const converted = await fetch(`${graphUrl()}/_control/users/${member.oid}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userType: "Member" }),
    });
    expect(converted.status).toBe(200);
    const { preview: p, etag } = await preview(member.contact.id);
    expect(p).toMatchObject({ deleteGuest: false, keepGuestReason: "notAGuest" });
    const deletesBefore = await graphDeletes();
    const res = await call(app, "POST", `/contacts/${member.contact.id}/rgpd/erasure`, { ...ADMIN, etag });
    expect(res.status).toBe(200);
    expect(await graphDeletes()).toBe(deletesBefore);
    expect((await call(app, "GET", `/contacts/${member.contact.id}`)).status).toBe(404);
  });

  it("completes on retry after a crash mid-way, and records the erasure once", async () => {
    const { contact, etag, oid, dossier, subscription } = await fullContact();
    const { preview: p } = await preview(contact.id);
    const admin = {
      tenantId: TEST_TENANT,
      actor: { oid: PERSONS.admin.oid, name: PERSONS.admin.name },
      now: new Date(),
    };
    const crash = () => Promise.reject(new Error("process died"));
    const repos = deps().repos;

    // 1. Dies after the guest, conversations, notices and subscriptions went, before the links.
    const links = Object.assign(Object.create(repos.links) as typeof repos.links, { purge: crash });
    const first: ServiceDeps = { ...deps(), repos: { ...repos, links } };
    await expect(eraseContact(first, app.running.wiring.graph, admin, contact.id, etag)).rejects.toThrow(
      "process died",
    );
    expect((await preview(contact.id)).preview.remove).toMatchObject({ subscriptions: 0, links: 1 });

    // 2. Dies after recording the erasure, before deleting the contact.
    const contacts = Object.assign(Object.create(repos.contacts) as typeof repos.contacts, { delete: crash });
    const second: ServiceDeps = { ...deps(), repos: { ...repos, contacts } };
    await expect(eraseContact(second, app.running.wiring.graph, admin, contact.id, etag)).rejects.toThrow(
      "process died",
    );

    // 3. The admin's retry completes it.
    const deletesBefore = await graphDeletes();
    const res = await call<RgpdErasurePreview>(app, "POST", `/contacts/${contact.id}/rgpd/erasure`, { ...ADMIN, etag });
    expect(res.status).toBe(200);
    expect(await graphDeletes()).toBe(deletesBefore);
    expect(p.deleteGuest).toBe(true);
    await expectGone(contact.id, oid, contact.email, subscription.id, dossier.id);
    const erased = (await allAudit()).filter(
      (e) => e.action === "contact.erased" && e.target.id === pseudonymFor(contact.id),
    );
    expect(erased).toHaveLength(1);
    // It tells what the attempt that reached the audit step removed (the links, here; the rest went before).
    expect(erased[0]?.after).toMatchObject({ links: 1, subscriptions: 0 });
  });
});

describe("log retention", () => {
  it("is a firm setting between 365 and 3,650 days, 1,095 by default, changed by an admin only", async () => {
    const current = await call<FirmSettings>(app, "GET", "/settings", ADMIN);
    expect(current.body.logRetentionDays).toBe(1095);
    const tooShort = await call<{ code: string }>(app, "PUT", "/settings", {
      ...ADMIN,
      etag: current.etag,
      body: { ...current.body, logRetentionDays: 100 },
    });
    expect(tooShort.status).toBe(400);
    const saved = await call<FirmSettings>(app, "PUT", "/settings", {
      ...ADMIN,
      etag: current.etag,
      body: { ...current.body, logRetentionDays: 400 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.logRetentionDays).toBe(400);
    const staff = await call(app, "PUT", "/settings", { etag: saved.etag, body: saved.body });
    expect(staff.status).toBe(403);
  });

  it("deletes audit events and mail log rows older than the setting only, both tables, safely on two instances", async () => {
    const settings = await call<FirmSettings>(app, "GET", "/settings", ADMIN);
    expect(
      (
        await call(app, "PUT", "/settings", {
          ...ADMIN,
          etag: settings.etag,
          body: { ...settings.body, logRetentionDays: 365 },
        })
      ).status,
    ).toBe(200);
    const now = Date.now();
    const daysAgo = (d: number) => new Date(now - d * 86_400_000);
    const repos = deps().repos;
    const actor = { oid: "staff-x", name: "Sophie" };
    const event = (id: string, d: number, dossierId?: string) =>
      auditEvent({
        id,
        now: daysAgo(d),
        actor,
        action: "role.created",
        target: { type: "role", id: "r" },
        ...(dossierId ? { dossierId } : {}),
      });
    await repos.audit.append(TEST_TENANT, [
      event("ret-old-firm", 366),
      event("ret-old-dossier", 800, "ret-d"),
      event("ret-new", 364),
    ]);
    const mailLog = async (id: string, d: number) => {
      const row = await repos.invitations.getOrCreate(TEST_TENANT, id);
      const at = daysAgo(d).toISOString();
      await repos.invitations.save(
        TEST_TENANT,
        { ...emptyInvitationState(id), invitedAt: at, mailQueuedAt: at, mailSentAt: at },
        row.etag,
      );
    };
    await mailLog("ret-mail-old", 400);
    await mailLog("ret-mail-new", 10);

    const [a, b] = await Promise.all([applyRetention(deps(), TEST_TENANT), applyRetention(deps(), TEST_TENANT)]);
    expect(a.auditEvents + b.auditEvents).toBe(2);
    expect(a.mailLogs + b.mailLogs).toBe(1);
    const ids = (await allAudit()).map((e) => e.id);
    expect(ids).toContain("ret-new");
    expect(ids).not.toContain("ret-old-firm");
    expect(ids).not.toContain("ret-old-dossier");
    expect(await repos.invitations.get(TEST_TENANT, "ret-mail-old")).toBeNull();
    expect(await repos.invitations.get(TEST_TENANT, "ret-mail-new")).not.toBeNull();
    expect(await applyRetention(deps(), TEST_TENANT)).toEqual({ auditEvents: 0, mailLogs: 0 });
  });
});
