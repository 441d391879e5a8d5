import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEventSchema,
  type AuditEvent,
  type ClientSocietes,
  type Contact,
  type ContactDetail,
  type DossierDetail,
  type ServiceSubscription,
} from "@comptoir/shared";
import { AuditRepository } from "../../src/core/repos/audit";
import { TABLES } from "../../src/core/repos/tables";
import { listDocuments } from "../../src/core/storage/reads";
import { call, PERSONS, startTestApp, TEST_TENANT, type TestApp } from "./harness";
import { dossierWithOffer, newContact, newRole, unique } from "./fixtures";

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
  links: string[];
}

async function ourMailsTo(address: string): Promise<Mail[]> {
  const { value } = (await (await fetch(`${graphUrl}/dev/mailbox.json`)).json()) as { value: Mail[] };
  return value.filter((m) => m.kind === "sendMail" && m.to.some((t) => t.address === address));
}

/** The distinct redeem links of these e-mails (one e-mail shows its link twice: button and text). */
function redeemLinks(mails: Mail[]): string[] {
  return [...new Set(mails.flatMap((m) => m.links.filter((l) => l.includes("/redeem/"))))];
}

/** The person clicks the redeem link of our e-mail and accepts, as on Microsoft's consent page. */
async function accept(redeemLink: string): Promise<void> {
  const res = await fetch(redeemLink.replace("127.0.0.1", "localhost"), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "decision=accept",
    redirect: "manual",
  });
  expect(res.status).toBe(303);
}

/** A dossier open to consultation, a contact linked to it, and `serviceId` proposed to them. */
async function proposeFor(email = `${unique("c")}@exemple.fr`) {
  const role = await newRole(app);
  const { dossier, etag } = await dossierWithOffer(app);
  expect(
    (await call(app, "PUT", `/dossiers/${dossier.id}/widget`, { etag, body: { extensionActive: true } })).status,
  ).toBe(200);
  const { contact } = await newContact(app, role.id, { email });
  await call(app, "POST", `/contacts/${contact.id}/dossiers`, { body: { dossierId: dossier.id, limitedTo: "-" } });
  const subscription = await propose(contact.id, dossier.id, "consultation");
  return { dossier, contact, subscription };
}

async function propose(contactId: string, dossierId: string, serviceId: string): Promise<ServiceSubscription> {
  const res = await call<{ subscription: ServiceSubscription }>(
    app,
    "POST",
    `/contacts/${contactId}/dossiers/${dossierId}/services`,
    { body: { serviceId } },
  );
  expect(res.status).toBe(201);
  return res.body.subscription;
}

async function contactOf(id: string): Promise<{ contact: Contact; etag: string }> {
  const res = await call<ContactDetail>(app, "GET", `/contacts/${id}`);
  expect(res.status).toBe(200);
  return { contact: res.body.contact, etag: res.etag ?? "" };
}

async function subscriptionOf(dossierId: string, id: string): Promise<ServiceSubscription | undefined> {
  const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossierId}`);
  return detail.body.contacts.flatMap((c) => c.subscriptions).find((s) => s.id === id);
}

const clientToken = (oid: string) => app.sign({ oid, name: "Client", roles: [] });

async function ficheStatus(oid: string, dossierId: string): Promise<{ status: number; code?: string }> {
  const res = await call<{ code?: string }>(app, "GET", `/client/societes/${dossierId}`, {
    as: null,
    token: await clientToken(oid),
  });
  // A fiche has a `code` too (the dossier's): only an error's is kept.
  return res.status === 200 ? { status: 200 } : { status: res.status, code: res.body.code ?? "" };
}

/** The firm's audit events about one contact (contact events have no dossier). */
async function contactEvents(contactId: string): Promise<AuditEvent[]> {
  const table = app.running.storage.table(TABLES.audit);
  const events: AuditEvent[] = [];
  for await (const { value } of listDocuments(table, auditEventSchema, AuditRepository.partition(TEST_TENANT), ""))
    if (value.target.id === contactId) events.push(value);
  return events;
}

/** Invited, the invitation accepted, the client in: their first request makes the service active. */
async function boundAndSignedIn() {
  const proposed = await proposeFor();
  await app.running.pipeline.idle();
  const [link] = redeemLinks(await ourMailsTo(proposed.contact.email));
  await accept(link ?? "");
  const oldGuest = (await contactOf(proposed.contact.id)).contact.guest?.objectId ?? "";
  expect(oldGuest).not.toBe("");
  expect(await ficheStatus(oldGuest, proposed.dossier.id)).toEqual({ status: 200 });
  expect((await subscriptionOf(proposed.dossier.id, proposed.subscription.id))?.status).toBe("active");
  // The sign-in was recorded on the contact: its ETag is the one staff now hold.
  const { etag } = await contactOf(proposed.contact.id);
  return { ...proposed, oldGuest, oldLink: link ?? "", etag };
}

describe("changing the e-mail of a bound contact", () => {
  it("replays the finding: the answer has no guest, and the old guest gets CLIENT_NO_ACCESS at once", async () => {
    const { dossier, contact, oldGuest, etag } = await boundAndSignedIn();

    const patched = await call<Contact>(app, "PATCH", `/contacts/${contact.id}`, {
      etag,
      body: { prenom: "Paul", email: "paul@autre.fr" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ prenom: "Paul", email: "paul@autre.fr", guest: null, lastSignInAt: null });

    expect(await ficheStatus(oldGuest, dossier.id)).toEqual({ status: 403, code: "CLIENT_NO_ACCESS" });
    const societes = await call<ClientSocietes>(app, "GET", "/client/societes", {
      as: null,
      token: await clientToken(oldGuest),
    });
    expect(societes.body).toMatchObject({ bound: false, total: 0 });
    expect(await app.running.deps.repos.contacts.findIdByGuest(TEST_TENANT, oldGuest)).toBeNull();
    expect((await contactOf(contact.id)).contact.guest).toBeNull();

    const unbinding = (await contactEvents(contact.id)).filter((e) => e.action === "contact.guest.unbound");
    expect(unbinding).toHaveLength(1);
    expect(unbinding[0]).toMatchObject({
      actor: { oid: PERSONS.staff.oid },
      before: { email: contact.email, guest: { objectId: oldGuest } },
      after: { email: "paul@autre.fr", guest: null },
    });
  });

  it("refuses a stale ETag and leaves the binding as it was", async () => {
    const { dossier, contact, oldGuest, etag } = await boundAndSignedIn();
    const renamed = await call(app, "PATCH", `/contacts/${contact.id}`, { etag, body: { nom: "Durand" } });
    expect(renamed.status).toBe(200);
    const stale = await call(app, "PATCH", `/contacts/${contact.id}`, { etag, body: { email: `${unique("p")}@x.fr` } });
    expect(stale.status).toBe(412);
    expect((await contactOf(contact.id)).contact.guest?.objectId).toBe(oldGuest);
    expect(await app.running.deps.repos.contacts.findIdByGuest(TEST_TENANT, oldGuest)).toBe(contact.id);
    expect(await ficheStatus(oldGuest, dossier.id)).toEqual({ status: 200 });
  });

  it("keeps the services, and Renvoyer invites the new address with a redeem link of its own", async () => {
    const { dossier, contact, subscription, oldGuest, oldLink, etag } = await boundAndSignedIn();
    const newEmail = `${unique("paul")}@autre.fr`;
    expect((await call(app, "PATCH", `/contacts/${contact.id}`, { etag, body: { email: newEmail } })).status).toBe(200);
    expect((await subscriptionOf(dossier.id, subscription.id))?.status).toBe("active");

    expect((await call(app, "POST", `/subscriptions/${subscription.id}/resend`)).status).toBe(202);
    await app.running.pipeline.idle();

    const newGuest = (await contactOf(contact.id)).contact.guest?.objectId ?? "";
    expect(newGuest).not.toBe("");
    expect(newGuest).not.toBe(oldGuest);
    const mails = await ourMailsTo(newEmail);
    expect(mails).toHaveLength(1);
    const links = redeemLinks(mails);
    expect(links).toHaveLength(1);
    expect(links).not.toContain(oldLink);
    expect(await ficheStatus(oldGuest, dossier.id)).toEqual({ status: 403, code: "CLIENT_NO_ACCESS" });

    await accept(links[0] ?? "");
    expect(await ficheStatus(newGuest, dossier.id)).toEqual({ status: 200 });
    expect((await subscriptionOf(dossier.id, subscription.id))?.status).toBe("active");
    const invitations = await call<{ items: { subscriptionId: string; guestInvited: boolean; mail: string }[] }>(
      app,
      "GET",
      `/dossiers/${dossier.id}/invitations`,
    );
    expect(invitations.body.items).toEqual([
      expect.objectContaining({ subscriptionId: subscription.id, guestInvited: true, mail: "sent" }),
    ]);
  });

  it("a new proposal invites the new address, never with the old invitation", async () => {
    const { dossier, contact, oldGuest, oldLink, etag } = await boundAndSignedIn();
    const newEmail = `${unique("paul")}@autre.fr`;
    expect((await call(app, "PATCH", `/contacts/${contact.id}`, { etag, body: { email: newEmail } })).status).toBe(200);

    await propose(contact.id, dossier.id, "consultation-tpe");
    await app.running.pipeline.idle();
    const newGuest = (await contactOf(contact.id)).contact.guest?.objectId;
    expect(newGuest).toBeTruthy();
    expect(newGuest).not.toBe(oldGuest);
    const mails = await ourMailsTo(newEmail);
    expect(mails).toHaveLength(1);
    const links = redeemLinks(mails);
    expect(links).toHaveLength(1);
    expect(links).not.toContain(oldLink);
  });
});

describe("only guests are bound", () => {
  async function registerMember(mail: string): Promise<string> {
    const res = await fetch(`${graphUrl}/_control/members`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ mail, displayName: "Associé du cabinet" }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it("refuses a member's address: a coded, localized error on the subscription, nothing bound, Renvoyer after the fix", async () => {
    const memberMail = `${unique("associe")}@cabinet-demo.fr`;
    const memberId = await registerMember(memberMail);
    const { dossier, contact, subscription } = await proposeFor(memberMail);
    await app.running.pipeline.idle();

    const failed = await subscriptionOf(dossier.id, subscription.id);
    expect(failed).toMatchObject({ status: "proposed", lastError: { code: "INVITE_NOT_A_GUEST" } });
    const { contact: unbound, etag } = await contactOf(contact.id);
    expect(unbound.guest).toBeNull();
    expect(await app.running.deps.repos.contacts.findIdByGuest(TEST_TENANT, memberId)).toBeNull();
    expect(await ficheStatus(memberId, dossier.id)).toEqual({ status: 403, code: "CLIENT_NO_ACCESS" });
    expect(await ourMailsTo(memberMail)).toEqual([]);

    for (const [lang, words] of [
      ["fr", "membre du cabinet"],
      ["en", "member of the firm"],
    ] as const) {
      const listed = await call<{ items: { error: { code: string; message: string } | null }[] }>(
        app,
        "GET",
        `/dossiers/${dossier.id}/invitations`,
        { lang },
      );
      expect(listed.body.items[0]?.error?.code).toBe("INVITE_NOT_A_GUEST");
      expect(listed.body.items[0]?.error?.message).toContain(words);
    }

    const fixedEmail = `${unique("client")}@exemple.fr`;
    expect((await call(app, "PATCH", `/contacts/${contact.id}`, { etag, body: { email: fixedEmail } })).status).toBe(
      200,
    );
    expect((await call(app, "POST", `/subscriptions/${subscription.id}/resend`)).status).toBe(202);
    await app.running.pipeline.idle();
    expect(await subscriptionOf(dossier.id, subscription.id)).toMatchObject({ status: "invited", lastError: null });
    const guest = (await contactOf(contact.id)).contact.guest?.objectId;
    expect(guest).toBeTruthy();
    expect(guest).not.toBe(memberId);
  });

  it("waits for a user Entra does not list yet, then binds it", async () => {
    const fault = await fetch(`${graphUrl}/_control/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ match: "GET /v1.0/users/*", status: 404, times: 1 }),
    });
    expect(fault.status).toBe(201);
    try {
      const { dossier, contact, subscription } = await proposeFor();
      await app.running.pipeline.idle();
      expect(await subscriptionOf(dossier.id, subscription.id)).toMatchObject({ status: "invited", lastError: null });
      expect((await contactOf(contact.id)).contact.guest?.objectId).toBeTruthy();
    } finally {
      await fetch(`${graphUrl}/_control/faults`, { method: "DELETE" });
    }
  });
});
