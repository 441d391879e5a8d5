import {
  activateConsultationOffer,
  AppError,
  applyDossierUpdate,
  assertDossierDeletable,
  assertEtablissementsNotInUse,
  contactSummarySchema,
  createDossier,
  deactivateConsultationOffer,
  initializeCollaborativeWidget,
  type AuditEvent,
  type Dossier,
  type DossierCreateData,
  type DossierDetail,
  type DossierUpdateData,
} from "@comptoir/shared";
import type { PortfolioQuery } from "../readmodels/portfolio";
import type { Versioned } from "../repos";
import { audit } from "./audit";
import { found, type Ctx, type ServiceDeps } from "./context";
import { getSettings } from "./settings";
import { storeRevoked } from "./subscriptions";

export async function listDossiers(deps: ServiceDeps, tenantId: string, query: PortfolioQuery) {
  return (await deps.projections.portfolio.get(tenantId)).page(query);
}

export async function getDossier(deps: ServiceDeps, tenantId: string, id: string): Promise<Versioned<Dossier>> {
  return found(await deps.repos.dossiers.get(tenantId, id), "DOSSIER_NOT_FOUND");
}

/** The dossier with its contacts, each with the link and the services it carries. */
export async function dossierDetail(
  deps: ServiceDeps,
  tenantId: string,
  id: string,
): Promise<Versioned<DossierDetail>> {
  const { repos } = deps;
  const [dossier, links, subscriptions] = await Promise.all([
    getDossier(deps, tenantId, id),
    repos.links.listByDossier(tenantId, id),
    repos.subscriptions.listByDossier(tenantId, id),
  ]);
  const contacts = await Promise.all(links.map((l) => repos.contacts.get(tenantId, l.contactId)));
  return {
    etag: dossier.etag,
    value: {
      dossier: dossier.value,
      contacts: links.flatMap((link, i) => {
        const contact = contacts[i]?.value;
        if (!contact) return [];
        return [
          {
            contact: contactSummarySchema.parse(contact),
            link,
            subscriptions: subscriptions.filter((s) => s.contactId === link.contactId),
          },
        ];
      }),
    },
  };
}

export async function createNewDossier(
  deps: ServiceDeps,
  ctx: Ctx,
  data: DossierCreateData,
): Promise<Versioned<Dossier>> {
  const dossier = createDossier(data, { id: deps.newId(), now: ctx.now });
  const etag = await deps.repos.dossiers.create(ctx.tenantId, dossier);
  await deps.projections.putDossier(ctx.tenantId, dossier);
  await audit(
    deps,
    ctx,
    "dossier.created",
    { type: "dossier", id: dossier.id },
    { dossierId: dossier.id, after: dossier },
  );
  return { value: dossier, etag };
}

export async function updateDossier(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  patch: DossierUpdateData,
  etag: string,
): Promise<Versioned<Dossier>> {
  const current = await getDossier(deps, ctx.tenantId, id);
  const next = applyDossierUpdate(current.value, patch, ctx.now);
  if (patch.etablissements)
    assertEtablissementsNotInUse(current.value, next, await deps.repos.links.listByDossier(ctx.tenantId, id));
  return save(deps, ctx, current.value, next, etag, "dossier.updated");
}

export async function deleteDossier(deps: ServiceDeps, ctx: Ctx, id: string, etag: string): Promise<void> {
  const current = await getDossier(deps, ctx.tenantId, id);
  assertDossierDeletable(current.value, await deps.repos.subscriptions.listByDossier(ctx.tenantId, id));
  await deps.repos.dossiers.delete(ctx.tenantId, current.value, etag);
  await deps.projections.removeDossier(ctx.tenantId, id);
  await audit(deps, ctx, "dossier.deleted", { type: "dossier", id }, { dossierId: id, before: current.value });
}

/**
 * Activates the offer (needs the firm's subscription, with room) or deactivates it, revoking the dossier's
 * services. A refusal names its `reader` (an admin can fix the subscription in Paramètres, staff cannot), so
 * that its message gives that person's next step.
 */
export async function setConsultationOffer(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  active: boolean,
  etag: string,
  reader: "admin" | "staff",
): Promise<Versioned<Dossier>> {
  const current = await getDossier(deps, ctx.tenantId, id);
  if (active) {
    const [settings, portfolio] = await Promise.all([
      getSettings(deps, ctx.tenantId),
      deps.projections.portfolio.get(ctx.tenantId),
    ]);
    let next: Dossier;
    try {
      next = activateConsultationOffer(current.value, settings.value, portfolio.activeOfferCount(), ctx.actor, ctx.now);
    } catch (e) {
      if (e instanceof AppError && e.code === "SUBSCRIPTION_REQUIRED")
        throw new AppError(e.code, { ...e.params, reader });
      throw e;
    }
    if (next === current.value) return current;
    return save(deps, ctx, current.value, next, etag, "dossier.offer.activated");
  }
  const { dossier: next, revoked } = deactivateConsultationOffer(
    current.value,
    await deps.repos.subscriptions.listByDossier(ctx.tenantId, id),
    ctx.actor,
    ctx.now,
  );
  const saved =
    next === current.value ? current : await save(deps, ctx, current.value, next, etag, "dossier.offer.deactivated");
  await storeRevoked(deps, ctx, revoked);
  return saved;
}

/** *Initialiser* the collaborative widget, with or without *Activation de l'extension*. */
export async function initializeWidget(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  extensionActive: boolean,
  etag: string,
): Promise<Versioned<Dossier>> {
  const current = await getDossier(deps, ctx.tenantId, id);
  const next = initializeCollaborativeWidget(current.value, { extensionActive }, ctx.actor, ctx.now);
  return save(deps, ctx, current.value, next, etag, "dossier.widget.initialized");
}

async function save(
  deps: ServiceDeps,
  ctx: Ctx,
  before: Dossier,
  next: Dossier,
  etag: string,
  action: "dossier.updated" | "dossier.offer.activated" | "dossier.offer.deactivated" | "dossier.widget.initialized",
): Promise<Versioned<Dossier>> {
  const newEtag = await deps.repos.dossiers.update(ctx.tenantId, before, next, etag);
  await deps.projections.putDossier(ctx.tenantId, next);
  await audit(deps, ctx, action, { type: "dossier", id: next.id }, { dossierId: next.id, before, after: next });
  return { value: next, etag: newEtag };
}

/** The dossier's audit events, newest first, a page at a time. */
export async function dossierAudit(
  deps: ServiceDeps,
  tenantId: string,
  dossierId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: AuditEvent[]; cursor: string | null }> {
  const dossier = await getDossier(deps, tenantId, dossierId);
  return deps.repos.audit.pageForDossier(tenantId, dossier.value.id, page.limit, page.cursor);
}
