import { AUDIT_FIELDS, auditEvent, summarize, type AuditAction, type AuditTarget } from "@comptoir/shared";
import type { Ctx, ServiceDeps } from "./context";

type Kind = keyof typeof AUDIT_FIELDS;

/** Appends one audit event; before/after keep only the fields the catalogue lists for that kind. */
export async function audit(
  deps: ServiceDeps,
  ctx: Ctx,
  action: AuditAction,
  target: AuditTarget & { type: Kind },
  change: { dossierId?: string; before?: object | null; after?: object | null },
): Promise<void> {
  const fields = AUDIT_FIELDS[target.type] as readonly string[];
  const event = auditEvent({
    id: deps.newId(),
    now: ctx.now,
    actor: ctx.actor,
    action,
    target,
    ...(change.dossierId !== undefined ? { dossierId: change.dossierId } : {}),
    before: summarize(change.before as Record<string, unknown> | null | undefined, fields),
    after: summarize(change.after as Record<string, unknown> | null | undefined, fields),
  });
  await deps.repos.audit.append(ctx.tenantId, [event]);
}
