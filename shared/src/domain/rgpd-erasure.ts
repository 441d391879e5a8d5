import type { AuditEvent } from "./audit-event";
import type { Contact } from "./contact";
import { isGuestUserType } from "./contact";
import type { DossierLink } from "./dossier-link";
import {
  auditEventConcerns,
  pseudonymFor,
  pseudonymiseAuditEvent,
  rgpdExportSchema,
  rgpdErasurePreviewSchema,
  type ErasedPerson,
  type RgpdErasurePreview,
  type RgpdExport,
} from "./rgpd";
import type { ServiceSubscription } from "./service-subscription";

/**
 * The pure half of the RGPD export and erasure: what identifies a contact, which audit events are
 * about them, whether their guest account may go, and the documents the routes answer.
 */

/** The contact as the pseudonymisation knows them. */
export function erasedPersonOf(contact: Contact): ErasedPerson {
  return {
    contactId: contact.id,
    guestObjectId: contact.guest?.objectId ?? null,
    email: contact.email,
    names: [contact.nom, contact.prenom, `${contact.prenom} ${contact.nom}`],
    phones: [contact.phone, contact.mobile].filter((p): p is string => !!p),
  };
}

/**
 * Whether an audit event is about the person: it names their contact id, guest object id or e-mail.
 * Names and phones alone do not count (another contact may be called Marie), but inside an event that
 * is about them they are pseudonymised too.
 */
export function auditEventIsAbout(event: AuditEvent, person: ErasedPerson): boolean {
  return auditEventConcerns(event, { ...person, names: [], phones: [] });
}

/** The event without the person, or `null` when it is not about them (left as it is). */
export function pseudonymisedIfAbout(event: AuditEvent, person: ErasedPerson): AuditEvent | null {
  if (!auditEventIsAbout(event, person)) return null;
  const next = pseudonymiseAuditEvent(event, person);
  return JSON.stringify(next) === JSON.stringify(event) ? null : next;
}

export type KeepGuestReason = "none" | "notInvitedByComptoir" | "heldElsewhere" | "notAGuest";

/** What the erasure knows of the contact's guest account when it decides. */
export interface GuestFacts {
  contactId: string;
  guestObjectId: string | null;
  /** Object ids the invitation pipeline recorded inviting for this contact's subscriptions. */
  invitedObjectIds: readonly string[];
  /** The contact the `guest|<oid>` binding names (null: none). */
  boundContactId: string | null;
  /** The account also signs in as staff (its conversation is a staff one). */
  usedAsStaff: boolean;
  /** Entra's answer for the account: `null` when it no longer exists. */
  directoryUser: { userType: string | null } | null;
}

/**
 * The guest account leaves the firm's tenant only when Comptoir invited it for this contact, nothing
 * else of Comptoir holds it, and Entra says it is a guest (a member of the firm is never deleted).
 */
export function guestErasureVerdict(f: GuestFacts): { deleteGuest: boolean; keepGuestReason: KeepGuestReason | null } {
  const keep = (reason: KeepGuestReason) => ({ deleteGuest: false, keepGuestReason: reason });
  if (!f.guestObjectId || !f.directoryUser) return keep("none");
  if (!f.invitedObjectIds.includes(f.guestObjectId)) return keep("notInvitedByComptoir");
  if ((f.boundContactId !== null && f.boundContactId !== f.contactId) || f.usedAsStaff) return keep("heldElsewhere");
  if (!isGuestUserType(f.directoryUser.userType)) return keep("notAGuest");
  return { deleteGuest: true, keepGuestReason: null };
}

/** Everything Comptoir holds on one contact, as read from storage. */
export interface ContactHoldings {
  contact: Contact;
  links: readonly (DossierLink & { dossierCode: string; dossierName: string })[];
  subscriptions: readonly ServiceSubscription[];
  /** The invitation pipeline's rows (the mail log), one per subscription. */
  invitations: readonly {
    subscriptionId: string;
    guestObjectId: string | null;
    invitedAt: string | null;
    mailSentAt: string | null;
    [field: string]: unknown;
  }[];
  conversation: { key: string; conversationId: string; updatedAt: string | null } | null;
  greetedSubscriptionIds: readonly string[];
  importNoticesOff: boolean;
  importNotices: readonly { dossierId: string; importId: string; at: string; status: string }[];
  earlyArrivals: readonly { dossierId: string; reason: string; at: string }[];
  campaignItems: readonly RgpdExport["campaignItems"][number][];
  auditEvents: readonly AuditEvent[];
}

export function buildRgpdExport(h: ContactHoldings, firmTenantId: string, now: Date): RgpdExport {
  return rgpdExportSchema.parse({
    format: "comptoir-rgpd-export/1",
    generatedAt: now.toISOString(),
    firmTenantId,
    contact: h.contact,
    links: h.links,
    subscriptions: h.subscriptions,
    invitations: h.invitations.map((state) => ({ subscriptionId: state.subscriptionId, state })),
    mailsSent: h.invitations.flatMap((i) =>
      i.mailSentAt ? [{ subscriptionId: i.subscriptionId, to: h.contact.email, sentAt: i.mailSentAt }] : [],
    ),
    conversationReferences: h.conversation ? [h.conversation] : [],
    importNotices: {
      turnedOff: h.importNoticesOff,
      sent: h.importNotices.map((n) => ({ dossierId: n.dossierId, importId: n.importId, at: n.at, outcome: n.status })),
    },
    earlyArrivals: h.earlyArrivals.map((a) => ({ dossierId: a.dossierId, reason: a.reason, at: a.at })),
    campaignItems: h.campaignItems,
    auditEvents: h.auditEvents,
  });
}

/** What an erasure of these holdings removes and keeps; the erasure reports the same counts. */
export function erasurePreviewOf(
  h: ContactHoldings,
  guest: { deleteGuest: boolean; keepGuestReason: KeepGuestReason | null },
): RgpdErasurePreview {
  return rgpdErasurePreviewSchema.parse({
    contactId: h.contact.id,
    pseudonym: pseudonymFor(h.contact.id),
    remove: {
      links: h.links.length,
      subscriptions: h.subscriptions.length,
      invitations: h.invitations.length,
      conversationReferences: (h.conversation ? 1 : 0) + h.greetedSubscriptionIds.length,
      importNoticePreferences: h.importNoticesOff ? 1 : 0,
      importNoticesSent: h.importNotices.length,
      earlyArrivals: h.earlyArrivals.length,
      campaignItems: h.campaignItems.length,
    },
    pseudonymiseAuditEvents: h.auditEvents.length,
    ...guest,
  });
}
