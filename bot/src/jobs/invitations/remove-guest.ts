import { AppError, isGuestUserType, isLive, type ServiceSubscription } from "@comptoir/shared";
import { audit } from "../../core/services/audit";
import type { ServiceDeps } from "../../core/services/context";
import type { GuestGraph } from "./pipeline";

const SYSTEM = { oid: "comptoir", name: "Comptoir" };

/**
 * The optional clean-up (`DELETE_GUEST_WITHOUT_SERVICE`): once a contact's last live service is revoked,
 * their guest account leaves the firm's tenant and the contact forgets it (a new proposal invites again).
 * A member of the firm is never deleted: `userType` is read right before deleting, and anything but a
 * guest is only let go of (and the refusal audited).
 */
export function removeGuestWithoutService(deps: ServiceDeps, graph: GuestGraph) {
  return async (tenantId: string, revoked: ServiceSubscription): Promise<void> => {
    const remaining = await deps.repos.subscriptions.listByContact(tenantId, revoked.contactId);
    if (remaining.some((s) => s.id !== revoked.id && isLive(s))) return;
    const contact = await deps.repos.contacts.get(tenantId, revoked.contactId);
    const guest = contact?.value.guest;
    if (!contact || !guest) return;
    const ctx = { tenantId, actor: SYSTEM, now: deps.now() };
    const target = { type: "contact", id: contact.value.id } as const;
    const user = await graph.lookupUser(guest.objectId);
    if (user && isGuestUserType(user.userType)) await graph.deleteGuest(guest.objectId);
    else if (user) {
      console.warn(`Not deleting ${guest.objectId} (userType ${user.userType ?? "unset"}): not a guest`);
      await audit(deps, ctx, "contact.guest.deletionRefused", target, { before: contact.value });
    }
    const next = { ...contact.value, guest: null };
    try {
      await deps.repos.contacts.update(tenantId, contact.value, next, contact.etag);
      await deps.projections.putContact(tenantId, next);
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
      return;
    }
    await audit(deps, ctx, "contact.guest.unbound", target, { before: contact.value, after: next });
  };
}
