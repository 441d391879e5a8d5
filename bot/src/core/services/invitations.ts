import {
  errorMessageKey,
  isAppErrorCode,
  translate,
  type InvitationStatus,
  type Locale,
  type Principal,
} from "@comptoir/shared";
import type { ServiceDeps } from "./context";
import { getDossier } from "./dossiers";

/** Where each service of the dossier stands in the invitation pipeline (guest invited, e-mail queued or sent, errors). */
export async function invitationStatuses(
  deps: ServiceDeps,
  principal: Principal,
  dossierId: string,
  locale: Locale,
): Promise<InvitationStatus[]> {
  const { tenantId } = principal;
  const dossier = await getDossier(deps, tenantId, dossierId);
  const subs = await deps.repos.subscriptions.listByDossier(tenantId, dossier.value.id);
  return Promise.all(
    subs.map(async (sub): Promise<InvitationStatus> => {
      const s = (await deps.repos.invitations.get(tenantId, sub.id))?.value;
      const error = s?.error ?? sub.lastError;
      return {
        subscriptionId: sub.id,
        guestInvited: !!s?.guestObjectId,
        mail: s?.mailSentAt ? "sent" : s?.mailQueuedAt ? "queued" : "pending",
        mailSentAt: s?.mailSentAt ?? null,
        appInstalled: !!s?.appInstalledAt,
        error: error
          ? {
              code: error.code,
              at: error.at,
              message: isAppErrorCode(error.code) ? translate(locale, errorMessageKey(error.code)) : error.code,
            }
          : null,
      };
    }),
  );
}
