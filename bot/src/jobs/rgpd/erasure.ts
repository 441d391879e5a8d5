import {
  AppError,
  auditEvent,
  erasedPersonOf,
  erasurePreviewOf,
  pseudonymFor,
  pseudonymisedIfAbout,
  type RgpdErasurePreview,
} from "@comptoir/shared";
import type { Ctx, ServiceDeps } from "../../core/services/context";
import { guestVerdict, readHoldings, type GuestDirectory } from "./holdings";

/** `GET …/rgpd/erasure-preview`: what an erasure would remove now, and whether the guest account would go. */
export async function erasurePreview(
  deps: ServiceDeps,
  directory: GuestDirectory,
  tenantId: string,
  contactId: string,
): Promise<{ preview: RgpdErasurePreview; etag: string }> {
  const { contact, holdings } = await readHoldings(deps, tenantId, contactId);
  const preview = erasurePreviewOf(holdings, await guestVerdict(deps, directory, tenantId, holdings));
  return { preview, etag: contact.etag };
}

/**
 * Erases a contact (right to erasure), in an order where every step is idempotent and a crash leaves the
 * contact in place, so that the admin's retry (the preview shows what is left) completes the rest:
 * 1. the guest account, decided while the invitation rows still say Comptoir invited it;
 * 2. conversation references, import-notice preference and notices, early arrivals, invitation rows;
 * 3. subscriptions, then links (the contact's own copy of each last, since a retry lists through it);
 * 4. the audit: events about the person are pseudonymised in place, and the erasure itself is recorded
 *    under the pseudonym once (a retry finds it and does not add another);
 * 5. the contact and its index rows, under the If-Match the admin read.
 * Rows are deleted directly, not through the services that audit, so nothing new names the person.
 */
export async function eraseContact(
  deps: ServiceDeps,
  directory: GuestDirectory,
  ctx: Ctx,
  contactId: string,
  ifMatch: string,
): Promise<RgpdErasurePreview> {
  const t = ctx.tenantId;
  const { contact, holdings } = await readHoldings(deps, t, contactId);
  if (contact.etag !== ifMatch) throw new AppError("CONFLICT");
  const verdict = await guestVerdict(deps, directory, t, holdings);
  const done = erasurePreviewOf(holdings, verdict);
  const oid = contact.value.guest?.objectId ?? null;

  if (verdict.deleteGuest && oid) await directory.deleteGuest(oid);

  const conversation = oid ? await deps.repos.conversations.get(t, oid) : null;
  if (conversation) await deps.repos.conversations.remove(t, conversation);
  await deps.repos.conversations.removeGreeted(
    t,
    holdings.subscriptions.map((s) => s.id),
  );
  await deps.repos.importNotices.setEnabled(t, contactId, true, ctx.now.toISOString());
  await deps.repos.importNotices.deleteNotices(t, contactId, holdings.importNotices);
  await deps.repos.earlyArrivals.deleteArrivals(
    t,
    contactId,
    holdings.earlyArrivals.map((a) => a.dossierId),
  );
  for (const s of holdings.subscriptions) await deps.repos.invitations.delete(t, s.id);
  await deps.repos.campaigns.deleteItems(
    t,
    holdings.campaignItems.map((i) => ({ campaignId: i.campaignId, contactId, dossierId: i.dossierId })),
  );

  for (const s of holdings.subscriptions) {
    await deps.repos.subscriptions.purge(t, s);
    await deps.projections.removeSubscription(t, s.id);
  }
  for (const link of holdings.links) await deps.repos.links.purge(t, link);

  const person = erasedPersonOf(contact.value);
  const pseudonym = pseudonymFor(contactId);
  let recorded = false;
  await deps.repos.audit.rewrite(t, (event) => {
    if (event.action === "contact.erased" && event.target.id === pseudonym) recorded = true;
    return pseudonymisedIfAbout(event, person);
  });
  if (!recorded) {
    const event = auditEvent({
      id: deps.newId(),
      now: ctx.now,
      actor: ctx.actor,
      action: "contact.erased",
      target: { type: "contact", id: pseudonym },
      before: null,
      after: { ...done.remove, pseudonymisedAuditEvents: done.pseudonymiseAuditEvents, guestDeleted: done.deleteGuest },
    });
    await deps.repos.audit.append(t, [event]);
  }

  await deps.repos.contacts.delete(t, contact.value, contact.etag);
  await deps.projections.removeContact(t, contactId);
  return done;
}
