import type { Principal } from "../identity";
import type { Contact } from "./contact";
import { etablissementCodeKey, type Dossier } from "./dossier";
import { WHOLE_DOSSIER, type DossierLink } from "./dossier-link";
import { isConsultable, isLive, type ServiceSubscription } from "./service-subscription";

/**
 * The one rule for every client read. A client may consult dossier D (and établissement E) only if:
 * 1. the principal is a client bound to contact C by its guest account (tenant + object id, never by e-mail);
 * 2. C is linked to D, with E inside the link's "Limité à" when E is given ("-" = whole dossier);
 * 3. C has a live service on D that the client accepted (status `accepted` or `active`);
 * 4. D's Consultation offer is active;
 * 5. D's collaborative extension is active.
 */
export type ClientAccessInput = {
  principal: Principal;
  /** The contact bound to the principal, or `null` when the caller found none. */
  contact: Pick<Contact, "id" | "guest"> | null;
  /** Links of the contact (others are ignored). */
  links: readonly Pick<DossierLink, "contactId" | "dossierId" | "limitedTo">[];
  /** Subscriptions of the contact (others are ignored). */
  subscriptions: readonly Pick<ServiceSubscription, "contactId" | "dossierId" | "status">[];
  dossier: Pick<Dossier, "id" | "etablissements" | "offers" | "collaborativeWidget">;
  etablissementCode?: string;
};

/** Why access is refused, in the order the conditions are checked. */
export const CLIENT_ACCESS_DENIALS = [
  "not-client",
  "not-bound",
  "not-linked",
  "etablissement-not-allowed",
  "no-service",
  "offer-inactive",
  "extension-inactive",
] as const;
export type ClientAccessDenial = (typeof CLIENT_ACCESS_DENIALS)[number];

export type ClientAccessDecision = { allowed: true } | { allowed: false; reason: ClientAccessDenial };

/** Bound = the contact's guest account is this principal in this tenant. */
export function isBoundTo(
  principal: Pick<Principal, "tenantId" | "oid">,
  contact: Pick<Contact, "guest"> | null,
): boolean {
  const guest = contact?.guest;
  return (
    !!guest &&
    guest.tenantId !== "" &&
    guest.objectId !== "" &&
    guest.tenantId === principal.tenantId &&
    guest.objectId === principal.oid
  );
}

/** Same rule as `canClientConsult`, telling which condition failed first (for logs and tests, not for clients). */
export function explainClientAccess(input: ClientAccessInput): ClientAccessDecision {
  const { principal, contact, dossier } = input;
  if (principal.kind !== "client") return deny("not-client");
  if (!contact || !isBoundTo(principal, contact)) return deny("not-bound");

  const links = input.links.filter((l) => l.contactId === contact.id && l.dossierId === dossier.id);
  if (links.length === 0) return deny("not-linked");
  if (input.etablissementCode !== undefined) {
    const code = input.etablissementCode;
    const allowed = links.some((l) => allowedCodes(l.limitedTo, dossier).has(etablissementCodeKey(code)));
    if (!allowed) return deny("etablissement-not-allowed");
  }

  const granted = input.subscriptions.some(
    (s) => s.contactId === contact.id && s.dossierId === dossier.id && isLive(s) && isConsultable(s),
  );
  if (!granted) return deny("no-service");
  if (!dossier.offers.consultation.active) return deny("offer-inactive");
  if (!dossier.collaborativeWidget.extensionActive) return deny("extension-inactive");
  return { allowed: true };
}

export function canClientConsult(input: ClientAccessInput): boolean {
  return explainClientAccess(input).allowed;
}

/**
 * The établissement codes the client may see on the dossier, in the dossier's order: all of them
 * for "-", else those named by the link that still exist. Empty when the dossier itself is refused.
 */
export function visibleEtablissements(input: Omit<ClientAccessInput, "etablissementCode">): string[] {
  const { contact, dossier } = input;
  if (!contact || !canClientConsult({ ...input, etablissementCode: undefined })) return [];
  const allowed = new Set<string>();
  for (const link of input.links) {
    if (link.contactId !== contact.id || link.dossierId !== dossier.id) continue;
    for (const key of allowedCodes(link.limitedTo, dossier)) allowed.add(key);
  }
  return dossier.etablissements.map((e) => e.code).filter((code) => allowed.has(etablissementCodeKey(code)));
}

/** Keys of the existing établissements a "Limité à" value covers. */
function allowedCodes(limitedTo: DossierLink["limitedTo"], dossier: Pick<Dossier, "etablissements">): Set<string> {
  const existing = dossier.etablissements.map((e) => etablissementCodeKey(e.code));
  if (limitedTo === WHOLE_DOSSIER) return new Set(existing);
  const named = new Set(limitedTo.map(etablissementCodeKey));
  return new Set(existing.filter((k) => named.has(k)));
}

function deny(reason: ClientAccessDenial): ClientAccessDecision {
  return { allowed: false, reason };
}
