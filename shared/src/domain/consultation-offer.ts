import { AppError } from "../errors";
import type { Actor } from "./common";
import type { Dossier } from "./dossier";
import { consultationSubscriptionShortfall, type FirmSettings } from "./firm-settings";
import { revokeSubscriptions, type ServiceSubscription } from "./service-subscription";

/**
 * Switches the Consultation offer on for a dossier. The firm's subscription must be active, not
 * past its end date and have room: `activeOfferCount` is how many dossiers have the offer active
 * now. Otherwise `SUBSCRIPTION_REQUIRED`, with `reason` (inactive | expired | quota) and what explains it
 * (`until`, the subscription's end date; `maxDossiers`).
 * Idempotent: an already active dossier is returned unchanged.
 */
export function activateConsultationOffer(
  dossier: Dossier,
  firmSettings: FirmSettings,
  activeOfferCount: number,
  actor: Actor,
  now: Date,
): Dossier {
  if (dossier.offers.consultation.active) return dossier;
  const shortfall = consultationSubscriptionShortfall(firmSettings, activeOfferCount, now);
  if (shortfall !== null) {
    const { until, maxDossiers } = firmSettings.subscriptions.consultation;
    throw new AppError("SUBSCRIPTION_REQUIRED", {
      reason: shortfall,
      ...(until !== null ? { until } : {}),
      ...(maxDossiers !== null ? { maxDossiers } : {}),
    });
  }
  const at = now.toISOString();
  return {
    ...dossier,
    offers: { ...dossier.offers, consultation: { active: true, activatedAt: at, activatedBy: actor } },
    updatedAt: at,
  };
}

/**
 * Switches the offer off. Every service of the dossier depends on it, so all the live
 * subscriptions among `subscriptions` (pass the dossier's) come back revoked, ready to store.
 * Idempotent on the dossier; stray live subscriptions are revoked even if it was already off.
 */
export function deactivateConsultationOffer(
  dossier: Dossier,
  subscriptions: readonly ServiceSubscription[],
  actor: Actor,
  now: Date,
): { dossier: Dossier; revoked: ServiceSubscription[] } {
  const revoked = revokeSubscriptions(subscriptions, (s) => s.dossierId === dossier.id, actor, now);
  if (!dossier.offers.consultation.active) return { dossier, revoked };
  const at = now.toISOString();
  return {
    dossier: {
      ...dossier,
      offers: { ...dossier.offers, consultation: { active: false, activatedAt: null, activatedBy: null } },
      updatedAt: at,
    },
    revoked,
  };
}
