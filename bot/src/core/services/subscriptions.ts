import {
  AppError,
  findService,
  isLive,
  proposeService,
  subscriptionAuditAction,
  transitionSubscription,
  type ServiceSubscription,
  type SubscriptionStatus,
} from "@comptoir/shared";
import type { Versioned } from "../repos";
import { audit } from "./audit";
import { found, type Ctx, type ServiceDeps } from "./context";
import { getSettings } from "./settings";

/**
 * "Proposer un service collaboratif pour ce dossier". Idempotent: proposing the same live triple again
 * (even concurrently) returns the existing subscription with `created: false`.
 */
export async function propose(
  deps: ServiceDeps,
  ctx: Ctx,
  contactId: string,
  dossierId: string,
  serviceId: string,
): Promise<{ subscription: ServiceSubscription; created: boolean }> {
  const { repos } = deps;
  const [dossier, link, settings, existing] = await Promise.all([
    repos.dossiers.get(ctx.tenantId, dossierId),
    repos.links.get(ctx.tenantId, contactId, dossierId),
    getSettings(deps, ctx.tenantId),
    repos.subscriptions.listByContact(ctx.tenantId, contactId),
  ]);
  const result = proposeService({
    link: link?.value,
    dossier: found(dossier, "DOSSIER_NOT_FOUND").value,
    service: findService(settings.value.services, serviceId),
    existing: existing.filter((s) => s.dossierId === dossierId),
    id: deps.newId(),
    actor: ctx.actor,
    now: ctx.now,
  });
  if (!result.created) return result;
  try {
    await repos.subscriptions.create(ctx.tenantId, result.subscription);
  } catch (e) {
    // A concurrent proposal of the same triple won the `live` row: return theirs.
    if (!(e instanceof AppError && e.code === "CONFLICT")) throw e;
    const liveId = await repos.subscriptions.findLiveId(ctx.tenantId, contactId, dossierId, serviceId);
    const live = liveId ? await repos.subscriptions.get(ctx.tenantId, liveId) : null;
    if (!live) throw e;
    return { subscription: live.value, created: false };
  }
  // Once stored, the change log, the invitation's queue message and the audit line are independent: one
  // round trip instead of three (a bulk of proposals is limited by this latency).
  await Promise.all([
    deps.projections.putSubscription(ctx.tenantId, result.subscription),
    deps.onProposed?.(ctx.tenantId, result.subscription),
    audit(
      deps,
      ctx,
      "service.proposed",
      { type: "subscription", id: result.subscription.id },
      { dossierId, after: result.subscription },
    ),
  ]);
  return result;
}

/** Moves one subscription to `to` under its ETag (`*` for cascades, where revocation wins). */
export async function transition(
  deps: ServiceDeps,
  ctx: Ctx,
  id: string,
  to: SubscriptionStatus,
  etag?: string,
): Promise<Versioned<ServiceSubscription>> {
  const current = found(await deps.repos.subscriptions.get(ctx.tenantId, id), "SUBSCRIPTION_NOT_FOUND");
  const next = transitionSubscription(current.value, to, ctx.actor, ctx.now);
  const newEtag = await store(deps, ctx, current.value, next, etag ?? current.etag);
  return { value: next, etag: newEtag };
}

/** Stores subscriptions a domain rule already revoked (offer off, link removed, contact deleted). */
export async function storeRevoked(
  deps: ServiceDeps,
  ctx: Ctx,
  revoked: readonly ServiceSubscription[],
): Promise<void> {
  for (const next of revoked) {
    const before = await deps.repos.subscriptions.get(ctx.tenantId, next.id);
    if (!before || !isLive(before.value)) continue;
    await store(deps, ctx, before.value, next, "*");
  }
}

async function store(
  deps: ServiceDeps,
  ctx: Ctx,
  before: ServiceSubscription,
  next: ServiceSubscription,
  etag: string,
): Promise<string> {
  const newEtag = await deps.repos.subscriptions.update(ctx.tenantId, before, next, etag);
  await deps.projections.putSubscription(ctx.tenantId, next);
  if (next.status === "revoked") await deps.onRevoked?.(ctx.tenantId, next);
  await audit(
    deps,
    ctx,
    subscriptionAuditAction(next.status),
    { type: "subscription", id: next.id },
    { dossierId: next.dossierId, before, after: next },
  );
  return newEtag;
}
