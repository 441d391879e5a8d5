import { describe, expect, it } from "vitest";
import {
  auditEvent,
  auditEventIsAbout,
  buildRgpdExport,
  erasedPersonOf,
  erasurePreviewOf,
  guestErasureVerdict,
  pseudonymFor,
  pseudonymisedIfAbout,
  type ContactHoldings,
  type GuestFacts,
} from "../../src/domain";
import { firmSettingsSchema, defaultFirmSettings } from "../../src/domain/firm-settings";
import { makeContact, makeSubscription, NOW, STAFF, TENANT } from "./fixtures";

const contact = makeContact({
  id: "contact-42",
  nom: "Durand",
  prenom: "Marie",
  email: "marie.durand@client.fr",
  phone: "+33612345678",
  guest: { tenantId: TENANT, objectId: "guest-oid-42", invitedAt: NOW.toISOString() },
});
const person = erasedPersonOf(contact);
const at = NOW.toISOString();

const facts: GuestFacts = {
  contactId: contact.id,
  guestObjectId: "guest-oid-42",
  invitedObjectIds: ["guest-oid-42"],
  boundContactId: contact.id,
  usedAsStaff: false,
  directoryUser: { userType: "Guest" },
};

describe("guestErasureVerdict", () => {
  it("deletes a guest Comptoir invited for this contact and nothing else holds", () => {
    expect(guestErasureVerdict(facts)).toEqual({ deleteGuest: true, keepGuestReason: null });
  });

  it("keeps it when Comptoir did not invite it, another contact or staff holds it, or it is a member", () => {
    expect(guestErasureVerdict({ ...facts, invitedObjectIds: [] }).keepGuestReason).toBe("notInvitedByComptoir");
    expect(guestErasureVerdict({ ...facts, invitedObjectIds: ["other"] }).keepGuestReason).toBe("notInvitedByComptoir");
    expect(guestErasureVerdict({ ...facts, boundContactId: "contact-7" }).keepGuestReason).toBe("heldElsewhere");
    expect(guestErasureVerdict({ ...facts, usedAsStaff: true }).keepGuestReason).toBe("heldElsewhere");
    expect(guestErasureVerdict({ ...facts, directoryUser: { userType: "Member" } }).keepGuestReason).toBe("notAGuest");
    expect(guestErasureVerdict({ ...facts, directoryUser: { userType: null } }).keepGuestReason).toBe("notAGuest");
  });

  it("has nothing to delete without a guest account, or once it is gone", () => {
    expect(guestErasureVerdict({ ...facts, guestObjectId: null })).toEqual({
      deleteGuest: false,
      keepGuestReason: "none",
    });
    expect(guestErasureVerdict({ ...facts, directoryUser: null }).deleteGuest).toBe(false);
  });
});

describe("audit events about the person", () => {
  const about = auditEvent({
    id: "e1",
    now: NOW,
    actor: STAFF,
    action: "contact.updated",
    target: { type: "contact", id: contact.id },
    before: { nom: "Durand", prenom: "Marie", email: contact.email, phone: contact.phone },
    after: { nom: "Durand", prenom: "Marie", email: contact.email, phone: "+33700000000" },
  });
  const namesake = auditEvent({
    id: "e2",
    now: NOW,
    actor: STAFF,
    action: "contact.created",
    target: { type: "contact", id: "contact-7" },
    after: { nom: "Martin", prenom: "Marie", email: "marie.martin@autre.fr" },
  });

  it("are those naming their id, guest account or e-mail, not a namesake", () => {
    expect(auditEventIsAbout(about, person)).toBe(true);
    expect(auditEventIsAbout(namesake, person)).toBe(false);
    expect(pseudonymisedIfAbout(namesake, person)).toBeNull();
  });

  it("keep the event and lose the person, names and phone included; twice changes nothing more", () => {
    const once = pseudonymisedIfAbout(about, person);
    const pseudonym = pseudonymFor(contact.id);
    expect(once).toMatchObject({ id: "e1", action: "contact.updated", actor: STAFF, target: { id: pseudonym } });
    const text = JSON.stringify(once);
    for (const trace of ["Durand", "Marie", contact.email, "+33612345678", contact.id])
      expect(text).not.toContain(trace);
    expect(once && pseudonymisedIfAbout(once, person)).toBeNull();
  });
});

function holdings(): ContactHoldings {
  return {
    contact,
    links: [
      {
        contactId: contact.id,
        dossierId: "dossier-1",
        limitedTo: "-",
        createdAt: at,
        createdBy: STAFF,
        updatedAt: at,
        dossierCode: "RPTEST2",
        dossierName: "Boulangerie",
      },
    ],
    subscriptions: [makeSubscription({ id: "sub-1", contactId: contact.id })],
    invitations: [
      { subscriptionId: "sub-1", guestObjectId: "guest-oid-42", invitedAt: at, mailSentAt: at, redeemUrl: null },
      { subscriptionId: "sub-2", guestObjectId: null, invitedAt: null, mailSentAt: null },
    ],
    conversation: { key: "u|guest-oid-42", conversationId: "a:1", updatedAt: at },
    greetedSubscriptionIds: ["sub-1"],
    importNoticesOff: true,
    importNotices: [{ dossierId: "dossier-1", importId: "imp-1", at, status: "sent" }],
    earlyArrivals: [{ dossierId: "dossier-1", reason: "offer-inactive", at }],
    campaignItems: [
      {
        campaignId: "c-1",
        dossierId: "dossier-1",
        contactName: "Marie Durand",
        email: contact.email,
        status: "done",
        updatedAt: at,
      },
    ],
    auditEvents: [],
  };
}

describe("buildRgpdExport and erasurePreviewOf", () => {
  it("put every category in the export, and only sent mails in the mail list", () => {
    const data = buildRgpdExport(holdings(), TENANT, NOW);
    expect(data.format).toBe("comptoir-rgpd-export/1");
    expect(data.links).toHaveLength(1);
    expect(data.invitations.map((i) => i.subscriptionId)).toEqual(["sub-1", "sub-2"]);
    expect(data.mailsSent).toEqual([{ subscriptionId: "sub-1", to: contact.email, sentAt: at }]);
    expect(data.conversationReferences).toEqual([{ key: "u|guest-oid-42", conversationId: "a:1", updatedAt: at }]);
    expect(data.importNotices).toEqual({
      turnedOff: true,
      sent: [{ dossierId: "dossier-1", importId: "imp-1", at, outcome: "sent" }],
    });
    expect(data.earlyArrivals).toEqual([{ dossierId: "dossier-1", reason: "offer-inactive", at }]);
    expect(data.campaignItems.map((i) => [i.campaignId, i.email])).toEqual([["c-1", contact.email]]);
  });

  it("count in the preview what the erasure removes", () => {
    expect(erasurePreviewOf(holdings(), { deleteGuest: true, keepGuestReason: null })).toEqual({
      contactId: contact.id,
      pseudonym: pseudonymFor(contact.id),
      remove: {
        links: 1,
        subscriptions: 1,
        invitations: 2,
        conversationReferences: 2,
        importNoticePreferences: 1,
        importNoticesSent: 1,
        earlyArrivals: 1,
        campaignItems: 1,
      },
      pseudonymiseAuditEvents: 0,
      deleteGuest: true,
      keepGuestReason: null,
    });
  });
});

describe("log retention setting", () => {
  it("defaults to 1,095 days, also for settings stored before it, and stays within 365–3,650", () => {
    const stored = { ...defaultFirmSettings("Cabinet") } as Record<string, unknown>;
    delete stored.logRetentionDays;
    expect(firmSettingsSchema.parse(stored).logRetentionDays).toBe(1095);
    for (const ok of [365, 3650])
      expect(firmSettingsSchema.safeParse({ ...stored, logRetentionDays: ok }).success).toBe(true);
    for (const bad of [364, 3651, 400.5])
      expect(firmSettingsSchema.safeParse({ ...stored, logRetentionDays: bad }).success).toBe(false);
  });
});
