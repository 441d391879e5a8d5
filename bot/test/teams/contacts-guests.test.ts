import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contact, ContactDetail, DossierDetail, ServiceSubscription } from "@comptoir/shared";
import { call, eventually, proposeToNewContact } from "./fixtures";
import { PEOPLE, startTeamsApp, type Person, type TeamsApp } from "./harness";

let app: TeamsApp;
beforeAll(async () => {
  // Revoking a contact's last service removes their guest account: the case where a member must survive.
  app = await startTeamsApp({ env: { DELETE_GUEST_WITHOUT_SERVICE: "true" } });
});
afterAll(() => app.close());

async function contactOf(id: string): Promise<{ contact: Contact; etag: string }> {
  const res = await call<ContactDetail>(app, "GET", `/contacts/${id}`);
  expect(res.status).toBe(200);
  return { contact: res.body.contact, etag: res.etag ?? "" };
}

async function subscriptionOf(dossierId: string, id: string): Promise<ServiceSubscription | undefined> {
  const detail = await call<DossierDetail>(app, "GET", `/dossiers/${dossierId}`);
  return detail.body.contacts.flatMap((c) => c.subscriptions).find((s) => s.id === id);
}

/** The redeem link of our invitation e-mail, from the Graph stand-in's mailbox. */
async function redeemLinkSentTo(address: string): Promise<string> {
  const res = await fetch(`${app.graph.url}/dev/mailbox.json`);
  const { value } = (await res.json()) as { value: { kind: string; to: { address: string }[]; links: string[] }[] };
  const link = value
    .filter((m) => m.kind === "sendMail" && m.to.some((t) => t.address === address))
    .flatMap((m) => m.links)
    .find((l) => l.includes("/redeem/"));
  if (!link) throw new Error(`No invitation e-mail to ${address} yet`);
  return link;
}

/** The guest accepts on the stand-in's consent page, as Microsoft's redeem page would let them. */
async function accept(redeemLink: string): Promise<void> {
  const res = await fetch(redeemLink, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "decision=accept",
    redirect: "manual",
  });
  expect(res.status).toBe(303);
}

const guestPerson = (oid: string, username: string): Person => ({
  oid,
  name: "Paul Client",
  username,
  roles: [],
  guest: true,
});

async function ficheAs(token: string, dossierId: string) {
  return call<{ code?: string }>(app, "GET", `/client/societes/${dossierId}`, { token });
}

describe("contacts and guests, in teams mode", () => {
  it("replays the finding: a new e-mail unbinds the guest, who gets CLIENT_NO_ACCESS at their next request", async () => {
    const { dossier, contact, subscription } = await proposeToNewContact(app);
    await eventually(async () => {
      expect((await subscriptionOf(dossier.id, subscription.id))?.status).toBe("invited");
    });
    await accept(await redeemLinkSentTo(contact.email));
    const guestOid = (await contactOf(contact.id)).contact.guest?.objectId ?? "";
    expect(guestOid).not.toBe("");
    const token = await app.tokenFor(guestPerson(guestOid, contact.email));
    expect((await ficheAs(token, dossier.id)).status).toBe(200);

    const { etag } = await contactOf(contact.id);
    const patched = await call<Contact>(app, "PATCH", `/contacts/${contact.id}`, {
      etag,
      body: { prenom: "Paul", email: "paul@autre.fr" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ prenom: "Paul", email: "paul@autre.fr", guest: null });

    const refused = await ficheAs(token, dossier.id);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("CLIENT_NO_ACCESS");
  });

  it("refuses to bind a member of the tenant invited by their address, and says so to staff", async () => {
    const member = PEOPLE.member;
    await app.graph.control.addMember({ id: member.oid, mail: member.username, displayName: member.name });
    const { dossier, contact, subscription } = await proposeToNewContact(app, member.username);
    await eventually(async () => {
      expect(await subscriptionOf(dossier.id, subscription.id)).toMatchObject({
        status: "proposed",
        lastError: { code: "INVITE_NOT_A_GUEST" },
      });
    });
    expect((await contactOf(contact.id)).contact.guest).toBeNull();
    expect((await app.graph.control.stats()).mailsByRecipient[member.username]).toBeUndefined();
    const asMember = await ficheAs(await app.tokenFor(member), dossier.id);
    expect(asMember.status).toBe(403);
    expect(asMember.body.code).toBe("CLIENT_NO_ACCESS");
  });

  it("never deletes a member when a contact's last service is revoked", async () => {
    const { dossier, contact, subscription } = await proposeToNewContact(app);
    await eventually(async () => {
      expect((await subscriptionOf(dossier.id, subscription.id))?.status).toBe("invited");
    });
    const userId = (await contactOf(contact.id)).contact.guest?.objectId ?? "";
    expect(await app.graph.control.setUserType(userId, "Member")).toMatchObject({ userType: "Member" });
    const usersBefore = (await app.graph.control.stats()).users;

    expect((await call(app, "POST", `/subscriptions/${subscription.id}/revoke`)).status).toBe(200);
    const { requests, users } = await app.graph.control.stats();
    expect(Object.keys(requests).filter((route) => route.startsWith("DELETE "))).toEqual([]);
    expect(users).toBe(usersBefore);
    expect((await contactOf(contact.id)).contact.guest).toBeNull();
  });
});
