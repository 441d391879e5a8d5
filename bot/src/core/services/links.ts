import {
  linkContactToDossier,
  unlinkContactFromDossier,
  updateLinkLimitedTo,
  type DossierLink,
  type LimitedTo,
} from "@comptoir/shared";
import type { Versioned } from "../repos";
import { audit } from "./audit";
import { found, type Ctx, type ServiceDeps } from "./context";
import { getContact } from "./contacts";
import { getDossier } from "./dossiers";
import { storeRevoked } from "./subscriptions";

/**
 * Attaches a contact to a dossier. Both entry points use it: the contact's *Dossiers client* tab and
 * picking an existing contact from the dossier. Idempotent for the same "Limité à".
 */
export async function link(
  deps: ServiceDeps,
  ctx: Ctx,
  contactId: string,
  dossierId: string,
  limitedTo: LimitedTo | undefined,
): Promise<{ link: Versioned<DossierLink>; created: boolean }> {
  const [contact, dossier, existing] = await Promise.all([
    getContact(deps, ctx.tenantId, contactId),
    getDossier(deps, ctx.tenantId, dossierId),
    deps.repos.links.get(ctx.tenantId, contactId, dossierId),
  ]);
  const result = linkContactToDossier({
    contact: contact.value,
    dossier: dossier.value,
    limitedTo,
    existing: existing?.value,
    actor: ctx.actor,
    now: ctx.now,
  });
  if (!result.created && existing) return { link: existing, created: false };
  const etag = await deps.repos.links.create(ctx.tenantId, result.link);
  await audit(
    deps,
    ctx,
    "link.created",
    { type: "link", id: `${contactId}|${dossierId}` },
    { dossierId, after: result.link },
  );
  return { link: { value: result.link, etag }, created: true };
}

/** Narrows or widens "Limité à" under the link's ETag. */
export async function changeLimitedTo(
  deps: ServiceDeps,
  ctx: Ctx,
  contactId: string,
  dossierId: string,
  limitedTo: LimitedTo,
  etag: string,
): Promise<Versioned<DossierLink>> {
  const [current, dossier] = await Promise.all([
    deps.repos.links.get(ctx.tenantId, contactId, dossierId),
    getDossier(deps, ctx.tenantId, dossierId),
  ]);
  const before = found(current, "LINK_NOT_FOUND").value;
  const next = updateLinkLimitedTo(before, limitedTo, dossier.value, ctx.now);
  const newEtag = await deps.repos.links.update(ctx.tenantId, next, etag);
  await audit(
    deps,
    ctx,
    "link.updated",
    { type: "link", id: `${contactId}|${dossierId}` },
    { dossierId, before, after: next },
  );
  return { value: next, etag: newEtag };
}

/** Removing the link revokes the contact's services on that dossier. */
export async function unlink(
  deps: ServiceDeps,
  ctx: Ctx,
  contactId: string,
  dossierId: string,
  etag: string,
): Promise<void> {
  const current = found(await deps.repos.links.get(ctx.tenantId, contactId, dossierId), "LINK_NOT_FOUND");
  await deps.repos.links.delete(ctx.tenantId, current.value, etag);
  const subscriptions = await deps.repos.subscriptions.listByContact(ctx.tenantId, contactId);
  await storeRevoked(deps, ctx, unlinkContactFromDossier(current.value, subscriptions, ctx.actor, ctx.now));
  await audit(
    deps,
    ctx,
    "link.deleted",
    { type: "link", id: `${contactId}|${dossierId}` },
    { dossierId, before: current.value },
  );
}
