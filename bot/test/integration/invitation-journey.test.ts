import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ClientFiche,
  ClientSocietes,
  Contact,
  ContactDetail,
  DossierDetail,
  FirmSettings,
  ServiceSubscription,
} from "@comptoir/shared";
import { call, PERSONS, startTestApp, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newRole } from "./fixtures";

let app: TestApp;
let graphUrl: string;
beforeAll(async () => {
  app = await startTestApp();
  graphUrl = app.running.wiring.localGraphUrl;
});
afterAll(() => app.close());

interface Mail {
  kind: string;
  to: { address: string }[];
  subject: string;
  body: string;
  links: string[];
}

async function mailsTo(address: string): Promise<Mail[]> {
  const res = await fetch(`${graphUrl}/dev/mailbox.json`);
  const { value } = (await res.json()) as { value: Mail[] };
  return value.filter((m) => m.to.some((t) => t.address === address));
}

/** Staff set up a dossier the way the seed says, and propose the service; returns who and what. */
async function proposeFor(extra: { limitedTo?: string[] | "-"; dossier?: Record<string, unknown> } = {}) {
  const role = await newRole(app);
  const { dossier, etag } = await dossierWithOffer(app, extra.dossier);
  const widget = await call(app, "PUT", `/dossiers/${dossier.id}/widget`, { etag, body: { extensionActive: true } });
  expect(widget.status).toBe(200);
  const { contact } = await newContact(app, role.id);
  await call(app, "POST", `/contacts/${contact.id}/dossiers`, {
    body: { dossierId: dossier.id, limitedTo: extra.limitedTo ?? "-" },
  });
  const proposed = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${contact.id}/dossiers/${dossier.id}/services`,
    { body: { serviceId: "consultation" } },
  );
  expect(proposed.status).toBe(201);
  return { dossier, contact, subscription: proposed.body.subscription };
}

async function statusOf(dossierId: string, subscriptionId: string) {
  const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossierId}`);
  return detail.body.contacts.flatMap((c) => c.subscriptions).find((s) => s.id === subscriptionId);
}

async function guestOf(contactId: string): Promise<Contact> {
  return (await call<ContactDetail>(app, "GET", `/contacts/${contactId}`)).body.contact;
}

describe("the invitation pipeline", () => {
  it("invites the guest, sends our e-mail, and moves proposed → invited; a client sign-in makes it active", async () => {
    const { dossier, contact, subscription } = await proposeFor();
    await app.running.pipeline.idle();
    expect((await statusOf(dossier.id, subscription.id))?.status).toBe("invited");

    const mails = await mailsTo(contact.email);
    const ours = mails.filter((m) => m.kind === "sendMail");
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain(contact.email);
    expect(ours[0]?.links.some((l) => l.includes("/redeem/"))).toBe(true);
    expect(mails.filter((m) => m.kind === "invitation")).toHaveLength(1);

    const invitations = await call<{ items: { subscriptionId: string; mail: string; guestInvited: boolean }[] }>(
      app,
      "GET",
      `/dossiers/${dossier.id}/invitations`,
    );
    expect(invitations.body.items).toEqual([
      expect.objectContaining({ subscriptionId: subscription.id, mail: "sent", guestInvited: true }),
    ]);

    const guest = await guestOf(contact.id);
    expect(guest.guest?.objectId).toBeTruthy();
    const token = await app.sign({ oid: guest.guest?.objectId ?? "", name: "Client", roles: [] });
    const societes = await call<ClientSocietes>(app, "GET", "/client/societes", { as: null, token });
    expect(societes.status).toBe(200);
    expect(societes.body.items.map((s) => s.dossierId)).toEqual([dossier.id]);
    expect(societes.body.total).toBe(1);
    const after = await statusOf(dossier.id, subscription.id);
    expect(after?.history.map((h) => h.status)).toEqual(["proposed", "invited", "accepted", "active"]);
    expect((await guestOf(contact.id)).lastSignInAt).not.toBeNull();
  });

  it("mails the space's stable link; once the guest accepted, a second service gets a 'nouveau service' e-mail with no acceptance step", async () => {
    const { dossier, contact } = await proposeFor();
    await app.running.pipeline.idle();
    const [first] = (await mailsTo(contact.email)).filter((m) => m.kind === "sendMail");
    const redeem = first?.links.find((l) => l.includes("/redeem/")) ?? "";
    expect(redeem).not.toBe("");
    expect(first?.links.some((l) => l.endsWith(`/#/ma-societe/${dossier.id}`))).toBe(true);

    // The client accepts Microsoft's invitation (the Graph stand-in's redeem page, as in a browser).
    const accepted = await fetch(redeem, {
      method: "POST",
      body: new URLSearchParams({ decision: "accept" }),
      redirect: "manual",
    });
    expect(accepted.status).toBe(303);

    const second = await dossierWithOffer(app);
    await call(app, "PUT", `/dossiers/${second.dossier.id}/widget`, {
      etag: second.etag,
      body: { extensionActive: true },
    });
    await call(app, "POST", `/contacts/${contact.id}/dossiers`, {
      body: { dossierId: second.dossier.id, limitedTo: "-" },
    });
    const proposed = await call(app, "POST", `/contacts/${contact.id}/dossiers/${second.dossier.id}/services`, {
      body: { serviceId: "consultation" },
    });
    expect(proposed.status).toBe(201);
    await app.running.pipeline.idle();
    const ours = (await mailsTo(contact.email)).filter((m) => m.kind === "sendMail");
    expect(ours).toHaveLength(2);
    const newService = ours.find((m) => m !== first);
    expect(newService?.subject).toMatch(/vous ouvre un nouveau service/);
    expect(newService?.links.some((l) => l.includes("/redeem/"))).toBe(false);
    expect(newService?.links.some((l) => l.endsWith(`/#/ma-societe/${second.dossier.id}`))).toBe(true);
  });

  it("is idempotent: proposing again, resending the job or retrying never invites or mails twice", async () => {
    const { dossier, contact, subscription } = await proposeFor();
    await app.running.pipeline.enqueue({
      tenantId: "7d1c8e6a-3f0b-4d1e-9a51-0c0f1a2b3c4d",
      subscriptionId: subscription.id,
    });
    await call(app, "POST", `/contacts/${contact.id}/dossiers/${dossier.id}/services`, {
      body: { serviceId: "consultation" },
    });
    await app.running.pipeline.idle();
    const mails = await mailsTo(contact.email);
    expect(mails.filter((m) => m.kind === "sendMail")).toHaveLength(1);
    expect(mails.filter((m) => m.kind === "invitation")).toHaveLength(1);
  });

  it("survives a throttling storm without duplicates or losses", async () => {
    await fetch(`${graphUrl}/_control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ match: "* /v1.0/invitations", status: 429, retryAfter: 1, rate: 0.3 }),
    });
    try {
      const runs = [];
      for (let i = 0; i < 6; i++) runs.push(await proposeFor());
      await app.running.pipeline.idle();
      for (const { dossier, contact, subscription } of runs) {
        expect((await statusOf(dossier.id, subscription.id))?.status).toBe("invited");
        expect((await mailsTo(contact.email)).filter((m) => m.kind === "sendMail")).toHaveLength(1);
      }
    } finally {
      await fetch(`${graphUrl}/_control/faults`, { method: "DELETE" });
    }
  });

  it("marks a permanent failure on the subscription, and Renvoyer retries it", async () => {
    await fetch(`${graphUrl}/_control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ match: "POST /v1.0/invitations", status: 400, times: 1 }),
    });
    const { dossier, contact, subscription } = await proposeFor();
    await app.running.pipeline.idle();
    const failed = await statusOf(dossier.id, subscription.id);
    expect(failed?.status).toBe("proposed");
    expect(failed?.lastError?.code).toBe("INVITE_EMAIL_REJECTED");
    const listed = await call<{ items: { error: { code: string; message: string } | null }[] }>(
      app,
      "GET",
      `/dossiers/${dossier.id}/invitations`,
    );
    expect(listed.body.items[0]?.error).toMatchObject({ code: "INVITE_EMAIL_REJECTED" });
    expect(listed.body.items[0]?.error?.message.length).toBeGreaterThan(10);

    expect((await call(app, "POST", `/subscriptions/${subscription.id}/resend`)).status).toBe(202);
    await app.running.pipeline.idle();
    const retried = await statusOf(dossier.id, subscription.id);
    expect(retried?.status).toBe("invited");
    expect(retried?.lastError).toBeNull();
    expect((await mailsTo(contact.email)).filter((m) => m.kind === "sendMail")).toHaveLength(1);
  });
});

describe("the client's space", () => {
  it("binds by object id only, respects Limité à, and loses access at once on revocation", async () => {
    const etablissements = [
      { code: "001", name: "Siège", siret: "73282932000074" },
      { code: "002", name: "Atelier", siret: "73282932000082" },
    ];
    const { dossier, contact, subscription } = await proposeFor({
      limitedTo: ["002"],
      dossier: { siren: "732829320", etablissements },
    });
    await app.running.pipeline.idle();
    const oid = (await guestOf(contact.id)).guest?.objectId ?? "";
    const token = await app.sign({ oid, name: "Client", roles: [] });
    const as = { token };

    const fiche = await call<ClientFiche>(app, "GET", `/client/societes/${dossier.id}`, as);
    expect(fiche.status).toBe(200);
    expect(fiche.body.etablissements.map((e) => e.code)).toEqual(["002"]);

    const stranger = await app.sign({
      oid: "11111111-1111-4111-8111-111111111111",
      name: "Autre",
      preferred_username: contact.email,
      roles: [],
    });
    const strangers = await call<ClientSocietes>(app, "GET", "/client/societes", { as: null, token: stranger });
    expect(strangers.body).toMatchObject({ bound: false, total: 0 });
    expect(
      (await call(app, "GET", `/client/societes/${dossier.id}`, { as: null, token: stranger })).body,
    ).toMatchObject({ code: "CLIENT_NO_ACCESS" });

    expect((await call(app, "POST", `/subscriptions/${subscription.id}/revoke`)).status).toBe(200);
    const gone = await call(app, "GET", `/client/societes/${dossier.id}`, as);
    expect(gone.status).toBe(403);
    expect(gone.body).toMatchObject({ code: "CLIENT_NO_ACCESS" });
    expect((await call<ClientSocietes>(app, "GET", "/client/societes", as)).body.total).toBe(0);
  });

  it("shows the collaborateur's e-mail and phone once an admin fills them in Paramètres (issue 18)", async () => {
    const responsible = { oid: "c0llab00-0000-4000-8000-000000000001", name: "Camille Martin" };
    const { dossier } = await proposeFor({ dossier: { responsible } });
    await app.running.pipeline.idle();
    const oid =
      (
        await guestOf(
          (await call<DossierDetail>(app, "GET", `/dossiers/${dossier.id}`)).body.contacts[0]?.contact.id ?? "",
        )
      ).guest?.objectId ?? "";
    const as = { token: await app.sign({ oid, name: "Client", roles: [] }) };
    const firmOf = async () => (await call<ClientFiche>(app, "GET", `/client/societes/${dossier.id}`, as)).body.firm;
    expect(await firmOf()).toMatchObject({ contactName: "Camille Martin", contactEmail: null, contactPhone: null });

    const admin = { as: PERSONS.admin };
    const listed = await call<{ items: { oid: string; name: string }[] }>(
      app,
      "GET",
      "/settings/collaborateurs",
      admin,
    );
    expect(listed.body.items).toContainEqual(responsible);
    expect((await call(app, "GET", "/settings/collaborateurs")).status).toBe(403);

    const settings = await call<FirmSettings>(app, "GET", "/settings", admin);
    const bad = await call(app, "PUT", "/settings", {
      ...admin,
      etag: settings.etag,
      body: { ...settings.body, staffContacts: [{ ...responsible, email: "pas-un-email", phone: null }] },
    });
    expect(bad.status).toBe(400);
    const saved = await call<FirmSettings>(app, "PUT", "/settings", {
      ...admin,
      etag: settings.etag,
      body: {
        ...settings.body,
        staffContacts: [{ ...responsible, email: "Camille.Martin@Cabinet.example", phone: "01 23 45 67 89" }],
      },
    });
    expect(saved.status).toBe(200);
    expect(await firmOf()).toEqual({
      name: settings.body.name,
      contactName: "Camille Martin",
      contactEmail: "camille.martin@cabinet.example",
      contactPhone: "+33123456789",
    });
  });

  it("refuses every write to a client", async () => {
    const { dossier } = await proposeFor();
    await app.running.pipeline.idle();
    const token = await app.sign({ oid: "22222222-2222-4222-8222-222222222222", name: "Client", roles: [] });
    for (const [method, path] of [
      ["PUT", `/dossiers/${dossier.id}/offers/consultation`],
      ["PATCH", `/dossiers/${dossier.id}`],
      ["POST", "/contacts"],
    ] as const) {
      const res = await call(app, method, path, { as: null, token, body: {} });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });
});
