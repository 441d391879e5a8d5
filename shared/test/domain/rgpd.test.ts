import { describe, expect, it } from "vitest";
import {
  auditEvent,
  auditEventConcerns,
  linkKey,
  pseudonymFor,
  pseudonymiseAuditEvent,
  retentionDaysSchema,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  rgpdErasurePreviewSchema,
  type ErasedPerson,
} from "../../src/domain";
import { NOW, STAFF } from "./fixtures";

const PERSON: ErasedPerson = {
  contactId: "contact-42",
  guestObjectId: "guest-oid-42",
  email: "marie.durand@client.fr",
  names: ["Durand", "Marie", "Marie Durand"],
  phones: ["+33612345678"],
};

describe("RGPD pseudonym", () => {
  it("is stable per contact, distinct across contacts, and names no one", () => {
    expect(pseudonymFor("contact-42")).toBe(pseudonymFor("contact-42"));
    expect(pseudonymFor("contact-42")).not.toBe(pseudonymFor("contact-43"));
    expect(pseudonymFor("contact-42")).toMatch(/^personne-effacée-[0-9a-f]{16}$/);
    expect(pseudonymFor("contact-42")).not.toContain("42");
  });
});

describe("audit pseudonymisation", () => {
  const p = pseudonymFor(PERSON.contactId);

  it("keeps the event but replaces the person's name, e-mail, phones and ids", () => {
    const e = auditEvent({
      id: "evt-1",
      now: NOW,
      actor: STAFF,
      action: "contact.updated",
      target: { type: "contact", id: PERSON.contactId },
      before: { nom: "Durand", prenom: "Marie", email: "Marie.Durand@client.fr", phone: "+33612345678" },
      after: { nom: "Durand", prenom: "Marie", email: "marie.durand@client.fr", roleId: "role-1" },
    });
    const out = pseudonymiseAuditEvent(e, PERSON);
    expect(out).toMatchObject({ id: "evt-1", at: e.at, action: "contact.updated", actor: STAFF });
    expect(out.target).toEqual({ type: "contact", id: p });
    expect(out.before).toEqual({ nom: p, prenom: p, email: p, phone: p });
    expect(out.after).toEqual({ nom: p, prenom: p, email: p, roleId: "role-1" });
    expect(JSON.stringify(out)).not.toMatch(/durand|marie|contact-42|33612345678/i);
  });

  it("replaces the person as actor of their own actions, and inside link keys", () => {
    const e = auditEvent({
      id: "evt-2",
      now: NOW,
      actor: { oid: PERSON.guestObjectId ?? "", name: "Marie Durand" },
      action: "link.updated",
      target: { type: "link", id: linkKey(PERSON.contactId, "dossier-1") },
      dossierId: "dossier-1",
    });
    const out = pseudonymiseAuditEvent(e, PERSON);
    expect(out.actor).toEqual({ oid: p, name: p });
    expect(out.target.id).toBe(`${p}|dossier-1`);
    expect(out.dossierId).toBe("dossier-1");
  });

  it("leaves events about others untouched, and is idempotent", () => {
    const other = auditEvent({
      id: "evt-3",
      now: NOW,
      actor: STAFF,
      action: "contact.created",
      target: { type: "contact", id: "contact-7" },
      after: { nom: "Martin", prenom: "Paul" },
    });
    expect(auditEventConcerns(other, PERSON)).toBe(false);
    expect(pseudonymiseAuditEvent(other, PERSON)).toEqual(other);

    const mine = auditEvent({
      id: "evt-4",
      now: NOW,
      actor: STAFF,
      action: "contact.deleted",
      target: { type: "contact", id: PERSON.contactId },
      before: { nom: "Durand" },
    });
    expect(auditEventConcerns(mine, PERSON)).toBe(true);
    const once = pseudonymiseAuditEvent(mine, PERSON);
    expect(pseudonymiseAuditEvent(once, PERSON)).toEqual(once);
    expect(auditEventConcerns(once, PERSON)).toBe(false);
  });

  it("does not replace a short name inside other words", () => {
    const e = auditEvent({
      id: "evt-5",
      now: NOW,
      actor: STAFF,
      action: "dossier.updated",
      target: { type: "dossier", id: "dossier-1" },
      after: { name: "Boulangerie Mariette" },
    });
    expect(pseudonymiseAuditEvent(e, PERSON)).toEqual(e);
  });
});

describe("retention bounds and erasure preview", () => {
  it("accepts days within the explicit min and max only", () => {
    expect(retentionDaysSchema.safeParse(RETENTION_MIN_DAYS).success).toBe(true);
    expect(retentionDaysSchema.safeParse(RETENTION_MAX_DAYS).success).toBe(true);
    expect(retentionDaysSchema.safeParse(RETENTION_MIN_DAYS - 1).success).toBe(false);
    expect(retentionDaysSchema.safeParse(RETENTION_MAX_DAYS + 1).success).toBe(false);
    expect(retentionDaysSchema.safeParse(400.5).success).toBe(false);
  });

  it("parses a preview with counts", () => {
    const preview = {
      contactId: PERSON.contactId,
      pseudonym: pseudonymFor(PERSON.contactId),
      remove: { links: 2, subscriptions: 1, invitations: 1, conversationReferences: 1, importNoticePreferences: 0 },
      pseudonymiseAuditEvents: 5,
      deleteGuest: true,
    };
    // Previews from before the early arrivals, notices sent and the guest's reason read with their defaults.
    expect(rgpdErasurePreviewSchema.parse(preview)).toEqual({
      ...preview,
      remove: { ...preview.remove, importNoticesSent: 0, earlyArrivals: 0, campaignItems: 0 },
      keepGuestReason: null,
    });
    expect(rgpdErasurePreviewSchema.safeParse({ ...preview, remove: { ...preview.remove, links: -1 } }).success).toBe(
      false,
    );
  });
});
