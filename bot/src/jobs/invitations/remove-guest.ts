import { AppError, isLive, type ServiceSubscription } from "@comptoir/shared";
import type { ServiceDeps } from "../../core/services/context";
import type { GuestGraph } from "./pipeline";

/**
 * The optional clean-up (`DELETE_GUEST_WITHOUT_SERVICE`): once a contact's last live service is revoked,
 * their guest account leaves the firm's tenant and the contact forgets it (a new proposal invites again).
 */
export function removeGuestWithoutService(deps: ServiceDeps, graph: GuestGraph) {
  return async (tenantId: string, revoked: ServiceSubscription): Promise<void> => {
    const remaining = await deps.repos.subscriptions.listByContact(tenantId, revoked.contactId);
    if (remaining.some((s) => s.id !== revoked.id && isLive(s))) return;
    const contact = await deps.repos.contacts.get(tenantId, revoked.contactId);
    const guest = contact?.value.guest;
    if (!contact || !guest) return;
    await graph.deleteGuest(guest.objectId);
    const next = { ...contact.value, guest: null };
    try {
      await deps.repos.contacts.update(tenantId, contact.value, next, contact.etag);
      await deps.projections.contacts.update(tenantId, (d) => d.put(next));
    } catch (e) {
      if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    }
  };
}
