import {
  auditEventIsAbout,
  erasedPersonOf,
  guestErasureVerdict,
  type Contact,
  type ContactHoldings,
  type KeepGuestReason,
} from "@comptoir/shared";
import type { Versioned } from "../../core/repos";
import { getContact } from "../../core/services/contacts";
import type { ServiceDeps } from "../../core/services/context";
import type { GuestGraph } from "../invitations/pipeline";

/** What the RGPD routes need of Graph: Entra's view of the guest account, and its deletion. */
export type GuestDirectory = Pick<GuestGraph, "lookupUser" | "deleteGuest">;

/**
 * Reads everything Comptoir holds on one contact, across tables: the same reading serves the export,
 * the erasure preview and the erasure, so all three count the same rows.
 */
export async function readHoldings(
  deps: ServiceDeps,
  tenantId: string,
  contactId: string,
): Promise<{ contact: Versioned<Contact>; holdings: ContactHoldings }> {
  const contact = await getContact(deps, tenantId, contactId);
  const oid = contact.value.guest?.objectId ?? null;
  const [links, subscriptions, portfolio, conversation, importNoticesOff, importNotices, earlyArrivals, campaigns] =
    await Promise.all([
      deps.repos.links.listByContact(tenantId, contactId),
      deps.repos.subscriptions.listByContact(tenantId, contactId),
      deps.projections.portfolio.get(tenantId),
      oid ? deps.repos.conversations.get(tenantId, oid) : null,
      deps.repos.importNotices.isOptedOut(tenantId, contactId),
      deps.repos.importNotices.listByContact(tenantId, contactId),
      deps.repos.earlyArrivals.listByContact(tenantId, contactId),
      deps.repos.campaigns.itemsOfContact(tenantId, contactId),
    ]);
  const subscriptionIds = subscriptions.map((s) => s.id);
  const [invitations, greeted, auditEvents] = await Promise.all([
    Promise.all(subscriptionIds.map((id) => deps.repos.invitations.get(tenantId, id))),
    deps.repos.conversations.greetedAmong(tenantId, subscriptionIds),
    aboutPerson(deps, tenantId, contact.value),
  ]);
  return {
    contact,
    holdings: {
      contact: contact.value,
      links: links.map(({ value }) => {
        const dossier = portfolio.summary(value.dossierId);
        return { ...value, dossierCode: dossier?.code ?? "", dossierName: dossier?.name ?? "" };
      }),
      subscriptions,
      invitations: invitations.flatMap((i) => (i ? [i.value] : [])),
      conversation: conversation
        ? {
            key: `u|${conversation.userOid}`,
            conversationId: conversation.reference.conversation.id,
            updatedAt: conversation.updatedAt,
          }
        : null,
      greetedSubscriptionIds: greeted,
      importNoticesOff,
      importNotices,
      earlyArrivals,
      campaignItems: campaigns.map(({ campaignId, item }) => ({
        campaignId,
        dossierId: item.dossierId,
        contactName: item.contactName,
        email: item.email,
        status: item.status,
        updatedAt: item.updatedAt,
      })),
      auditEvents,
    },
  };
}

async function aboutPerson(deps: ServiceDeps, tenantId: string, contact: Contact) {
  const person = erasedPersonOf(contact);
  const events = [];
  for await (const event of deps.repos.audit.all(tenantId)) if (auditEventIsAbout(event, person)) events.push(event);
  return events;
}

/** Whether the erasure may delete the contact's guest account, from storage and Entra (see `guestErasureVerdict`). */
export async function guestVerdict(
  deps: ServiceDeps,
  directory: GuestDirectory,
  tenantId: string,
  holdings: ContactHoldings,
): Promise<{ deleteGuest: boolean; keepGuestReason: KeepGuestReason | null }> {
  const oid = holdings.contact.guest?.objectId ?? null;
  if (!oid) return { deleteGuest: false, keepGuestReason: "none" };
  const [boundContactId, conversation, directoryUser] = await Promise.all([
    deps.repos.contacts.findIdByGuest(tenantId, oid),
    deps.repos.conversations.get(tenantId, oid),
    directory.lookupUser(oid),
  ]);
  return guestErasureVerdict({
    contactId: holdings.contact.id,
    guestObjectId: oid,
    invitedObjectIds: holdings.invitations.flatMap((i) => (i.guestObjectId && i.invitedAt ? [i.guestObjectId] : [])),
    boundContactId,
    usedAsStaff: conversation?.role === "staff",
    directoryUser,
  });
}
