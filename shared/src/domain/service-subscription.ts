import { z } from "zod";
import { AppError } from "../errors";
import { actorSchema, idSchema, isoTimestampSchema, slugSchema, type Actor } from "./common";

/**
 * Life of a collaborative service proposed to a contact on a dossier:
 * `proposed → invited → accepted → active`, and `revoked` from any other status (final).
 */
export const SUBSCRIPTION_STATUSES = ["proposed", "invited", "accepted", "active", "revoked"] as const;
export const subscriptionStatusSchema = z.enum(SUBSCRIPTION_STATUSES);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

const NEXT: Record<SubscriptionStatus, readonly SubscriptionStatus[]> = {
  proposed: ["invited", "revoked"],
  invited: ["accepted", "revoked"],
  accepted: ["active", "revoked"],
  active: ["revoked"],
  revoked: [],
};

/** Statuses in which the client may consult the dossier. */
export const CONSULTABLE_STATUSES: readonly SubscriptionStatus[] = ["accepted", "active"];

export const subscriptionHistoryEntrySchema = z.object({
  status: subscriptionStatusSchema,
  at: isoTimestampSchema,
  by: actorSchema,
});
export type SubscriptionHistoryEntry = z.infer<typeof subscriptionHistoryEntrySchema>;

export const serviceSubscriptionSchema = z.object({
  id: idSchema,
  contactId: idSchema,
  dossierId: idSchema,
  serviceId: slugSchema,
  status: subscriptionStatusSchema,
  /** Every status it went through, oldest first; the last entry is the current status. */
  history: z.array(subscriptionHistoryEntrySchema).min(1),
  /** Last failure of an automated step (e.g. the guest invitation), cleared by the next transition. */
  lastError: z.object({ code: z.string().min(1), at: isoTimestampSchema }).nullable(),
});
export type ServiceSubscription = z.infer<typeof serviceSubscriptionSchema>;

export function canTransition(from: SubscriptionStatus, to: SubscriptionStatus): boolean {
  return NEXT[from].includes(to);
}

/** Moves a subscription to `to`, recording when and by whom; `INVALID_TRANSITION` otherwise. */
export function transitionSubscription(
  sub: ServiceSubscription,
  to: SubscriptionStatus,
  actor: Actor,
  now: Date,
): ServiceSubscription {
  if (!canTransition(sub.status, to)) throw new AppError("INVALID_TRANSITION", { from: sub.status, to });
  return {
    ...sub,
    status: to,
    history: [...sub.history, { status: to, at: now.toISOString(), by: actor }],
    lastError: null,
  };
}

/** Records that an automated step failed, without changing the status. */
export function recordSubscriptionError(sub: ServiceSubscription, code: string, now: Date): ServiceSubscription {
  return { ...sub, lastError: { code, at: now.toISOString() } };
}

/** Live = not revoked. At most one live subscription per (contact, dossier, service). */
export function isLive(sub: Pick<ServiceSubscription, "status">): boolean {
  return sub.status !== "revoked";
}

/** Grants consultation: live and accepted by the client. */
export function isConsultable(sub: Pick<ServiceSubscription, "status">): boolean {
  return CONSULTABLE_STATUSES.includes(sub.status);
}

/** The storage's uniqueness key for live subscriptions (ids never contain `|`, see `ID_PATTERN`). */
export function subscriptionTripleKey(contactId: string, dossierId: string, serviceId: string): string {
  return `${contactId}|${dossierId}|${serviceId}`;
}

/** Revokes every live subscription `which` selects; returns only those it changed, ready to store. */
export function revokeSubscriptions(
  subscriptions: readonly ServiceSubscription[],
  which: (sub: ServiceSubscription) => boolean,
  actor: Actor,
  now: Date,
): ServiceSubscription[] {
  return subscriptions
    .filter((s) => isLive(s) && which(s))
    .map((s) => transitionSubscription(s, "revoked", actor, now));
}
