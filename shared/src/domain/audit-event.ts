import { z } from "zod";
import { actorSchema, idSchema, isoTimestampSchema, type Actor } from "./common";
import type { SubscriptionStatus } from "./service-subscription";

/** Every change staff or the system make, as stable dotted codes (labels: `domain.audit.<code>`). */
export const AUDIT_ACTIONS = [
  "firm.settings.updated",
  "dossier.created",
  "dossier.updated",
  "dossier.deleted",
  "dossier.offer.activated",
  "dossier.offer.deactivated",
  "dossier.widget.initialized",
  "role.created",
  "role.updated",
  "role.deleted",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "contact.guest.invited",
  "contact.guest.unbound",
  "contact.guest.deletionRefused",
  "contact.erased",
  "link.created",
  "link.updated",
  "link.deleted",
  "service.proposed",
  "service.invited",
  "service.accepted",
  "service.activated",
  "service.revoked",
  "service.failed",
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const AUDIT_TARGET_TYPES = ["firm", "dossier", "role", "contact", "link", "subscription"] as const;
export const auditTargetSchema = z.object({
  type: z.enum(AUDIT_TARGET_TYPES),
  /** Entity id; for a link, `linkKey(contactId, dossierId)`; for the firm settings, `"settings"`. */
  id: z.string().min(1),
});
export type AuditTarget = z.infer<typeof auditTargetSchema>;

const summarySchema = z.record(z.string(), z.unknown()).nullable();

export const auditEventSchema = z.object({
  id: idSchema,
  at: isoTimestampSchema,
  actor: actorSchema,
  action: auditActionSchema,
  target: auditTargetSchema,
  /** Set whenever the change concerns one dossier, so the dossier's history can list it. */
  dossierId: idSchema.optional(),
  before: summarySchema,
  after: summarySchema,
});
export type AuditEvent = z.infer<typeof auditEventSchema>;

/** Picks the fields worth keeping in an audit summary; `null` in, `null` out. */
export function summarize<T extends object, K extends keyof T & string>(
  entity: T | null | undefined,
  fields: readonly K[],
): Record<string, unknown> | null {
  if (!entity) return null;
  const out: Record<string, unknown> = {};
  for (const f of fields) out[f] = entity[f];
  return out;
}

/** Fields summarized per entity type, so every writer records the same shape. */
export const AUDIT_FIELDS = {
  dossier: [
    "code",
    "name",
    "siren",
    "legalForm",
    "nafCode",
    "fiscalYearEnd",
    "responsible",
    "etablissements",
    "offers",
    "collaborativeWidget",
  ],
  role: ["label", "description"],
  contact: ["nom", "prenom", "email", "phone", "mobile", "roleId", "preferredLocale", "guest"],
  link: ["contactId", "dossierId", "limitedTo"],
  subscription: ["contactId", "dossierId", "serviceId", "status", "lastError"],
  firm: ["name", "subscriptions", "services", "logRetentionDays"],
} as const;

export function auditEvent(args: {
  id: string;
  now: Date;
  actor: Actor;
  action: AuditAction;
  target: AuditTarget;
  dossierId?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}): AuditEvent {
  return {
    id: args.id,
    at: args.now.toISOString(),
    actor: args.actor,
    action: args.action,
    target: args.target,
    ...(args.dossierId !== undefined ? { dossierId: args.dossierId } : {}),
    before: args.before ?? null,
    after: args.after ?? null,
  };
}

const STATUS_ACTIONS: Record<SubscriptionStatus, AuditAction> = {
  proposed: "service.proposed",
  invited: "service.invited",
  accepted: "service.accepted",
  active: "service.activated",
  revoked: "service.revoked",
};

/** The audit code of a subscription reaching `status`. */
export function subscriptionAuditAction(status: SubscriptionStatus): AuditAction {
  return STATUS_ACTIONS[status];
}
