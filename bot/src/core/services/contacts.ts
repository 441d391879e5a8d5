import {
  applyContactUpdate,
  createContact,
  revokeContactServices,
  type Contact,
  type ContactCreateData,
  type ContactDetail,
  type ContactUpdateData,
  unboundGuest,
} from "@comptoir/shared";
import type { Versioned } from "../repos";
import { audit } from "./audit";
import { found, type Ctx, type ServiceDeps } from "./context";
import { storeRevoked } from "./subscriptions";

export async function listContacts(
  deps: ServiceDeps,
  tenantId: string,
  query: { q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  return (await deps.projections.contacts.get(tenantId)).page(query);
}

export async function getContact(deps: ServiceDeps, tenantId: string, id: string): Promise<Versioned<Contact>> {
  return found(await deps.repos.contacts.get(tenantId, id), "CONTACT_NOT_FOUND");
}

/** The contact and its *Dossiers client*, each with the services proposed on it. */
export async function contactDetail(
  deps: ServiceDeps,
  tenantId: string,
  id: string,
): Promise<Versioned<ContactDetail>> {
  const [contact, links, subscriptions, portfolio] = await Promise.all([
    getContact(deps, tenantId, id),
    deps.repos.links.listByContact(tenantId, id),
    deps.repos.subscriptions.listByContact(tenantId, id),
    deps.projections.portfolio.get(tenantId),
  ]);
  return {
    etag: contact.etag,
    value: {
      contact: contact.value,
      dossiers: links.flatMap(({ value: link, etag }) => {
        const dossier = portfolio.summary(link.dossierId);
        if (!dossier) return [];
        return [
          { link, linkEtag: etag, dossier, subscriptions: subscriptions.filter((s) => s.dossierId === link.dossierId) },
        ];
      }),
    },
  };
}

async function roleIds(deps: ServiceDeps, tenantId: string): Promise<string[]> {
  return (await deps.repos.roles.list(tenantId)).map((r) => r.value.id);
}

/** E-mail uniqueness is enforced by the e-mail row written in the same transaction as the contact. */
export async function addContact(deps: ServiceDeps, ctx: Ctx, data: ContactCreateData): Promise<Versioned<Contact>> {
  const contact = createContact(data, {
    id: deps.newId(),
    now: ctx.now,
    roleIds: await roleIds(deps, ctx.tenantId),
    existing: [],
  });
  const etag = await deps.repos.contacts.create(ctx.tenantId, contact);
  await deps.projections.putContact(ctx.tenantId, contact);
  await audit(deps, ctx, "contact.created", { type: "contact", id: contact.id }, { after: contact });
  return { value: contact, etag };
}

export async function updateContact(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  patch: ContactUpdateData,
  etag: string,
): Promise<Versioned<Contact>> {
  const current = await getContact(deps, ctx.tenantId, id);
  const next = applyContactUpdate(current.value, patch, {
    now: ctx.now,
    roleIds: await roleIds(deps, ctx.tenantId),
    existing: [],
  });
  // A new e-mail unbinds the guest: the `guest|<oid>` row goes in the same transaction as the document,
  // so the old guest's next request finds no contact.
  const newEtag = await deps.repos.contacts.update(ctx.tenantId, current.value, next, etag);
  await deps.projections.putContact(ctx.tenantId, next);
  await audit(deps, ctx, "contact.updated", { type: "contact", id }, { before: current.value, after: next });
  if (unboundGuest(current.value, next))
    await audit(deps, ctx, "contact.guest.unbound", { type: "contact", id }, { before: current.value, after: next });
  return { value: next, etag: newEtag };
}

/** Deleting a contact revokes their services and removes their links. */
export async function deleteContact(deps: ServiceDeps, ctx: Ctx, id: string, etag: string): Promise<void> {
  const current = await getContact(deps, ctx.tenantId, id);
  const [links, subscriptions] = await Promise.all([
    deps.repos.links.listByContact(ctx.tenantId, id),
    deps.repos.subscriptions.listByContact(ctx.tenantId, id),
  ]);
  await deps.repos.contacts.delete(ctx.tenantId, current.value, etag);
  await storeRevoked(deps, ctx, revokeContactServices(id, subscriptions, ctx.actor, ctx.now));
  for (const link of links) await deps.repos.links.delete(ctx.tenantId, link.value, link.etag);
  await deps.projections.removeContact(ctx.tenantId, id);
  await audit(deps, ctx, "contact.deleted", { type: "contact", id }, { before: current.value });
}
