import {
  contactDisplayName,
  etablissementCodeKey,
  explainClientAccess,
  visibleEtablissements,
  WHOLE_DOSSIER,
  type Contact,
  type Dossier,
  type Principal,
} from "@comptoir/shared";
import type { ServiceDeps } from "../../core/services/context";
import type { AccountingAccess } from "../access";
import type { ExercicePointer } from "../store/store";

/** A contact as the import notice sees them: whether they consult the dossier, and how much of it. */
export type Recipient =
  | { kind: "none" }
  /** Consults the dossier but has no guest account yet: Teams cannot reach them. */
  | { kind: "unreachable"; contact: Contact }
  | { kind: "reader"; contact: Contact; principal: Principal; access: AccountingAccess };

/**
 * The client access rule (`explainClientAccess`: linked, a live accepted Consultation service, the offer and
 * the extension active) evaluated for a contact from stored data, as the contact's own request would, but
 * without a request: nothing is recorded (no sign-in, no status change). *Limité à* gives the établissements.
 */
export async function recipientOf(
  deps: ServiceDeps,
  tenantId: string,
  dossier: Dossier,
  contactId: string,
): Promise<Recipient> {
  const stored = await deps.repos.contacts.get(tenantId, contactId);
  if (!stored) return { kind: "none" };
  const contact = stored.value;
  const [links, subscriptions] = await Promise.all([
    deps.repos.links.listByContact(tenantId, contactId),
    deps.repos.subscriptions.listByContact(tenantId, contactId),
  ]);
  const guest = contact.guest && contact.guest.tenantId === tenantId ? contact.guest : null;
  // Without a guest the rule stops at "not bound": judge the rest as if the contact were bound.
  const oid = guest?.objectId ?? "unbound";
  const principal: Principal = {
    tenantId,
    oid,
    name: contactDisplayName(contact),
    username: contact.email,
    roles: [],
    kind: "client",
  };
  const input = {
    principal,
    contact: { id: contact.id, guest: { invitedAt: "", ...contact.guest, tenantId, objectId: oid } },
    links: links.map((l) => l.value),
    subscriptions,
    dossier,
  };
  if (!explainClientAccess(input).allowed) return { kind: "none" };
  if (!guest) return { kind: "unreachable", contact };
  const whole = input.links.some((l) => l.dossierId === dossier.id && l.limitedTo === WHOLE_DOSSIER);
  const etablissements = whole ? undefined : visibleEtablissements(input).map(etablissementCodeKey);
  return { kind: "reader", contact, principal, access: { dossier, staff: false, etablissements } };
}

/** Whether the import holds a line the reader may see (a restricted reader sees only their établissements'). */
export function hasLinesFor(access: AccountingAccess, pointer: ExercicePointer): boolean {
  const scope = access.etablissements;
  return scope === undefined || pointer.etablissements.some((e) => scope.includes(e));
}
