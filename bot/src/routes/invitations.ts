import {
  errorMessageKey,
  invitationStatusListSchema,
  isAppErrorCode,
  translate,
  type InvitationStatus,
} from "@comptoir/shared";
import { defineRoute, type AnyRoute } from "../http/route";
import type { InvitationPipeline } from "../invitations/pipeline";
import type { InvitationStateRepository } from "../invitations/state";
import type { ServiceDeps } from "../services/context";
import { getDossier } from "../services/dossiers";

/** Staff's view of the invitation pipeline, and *Renvoyer*. */
export function invitationRoutes(
  deps: ServiceDeps,
  state: InvitationStateRepository,
  pipeline: () => InvitationPipeline,
): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/dossiers/:id/invitations",
      allow: ["staff"],
      tag: "invitations",
      summary: "Invitation progress of the dossier's services (e-mail queued or sent, errors)",
      response: invitationStatusListSchema,
      handler: async ({ principal, params, locale }) => {
        const dossier = await getDossier(deps, principal.tenantId, params.id ?? "");
        const subs = await deps.repos.subscriptions.listByDossier(principal.tenantId, dossier.value.id);
        const items = await Promise.all(
          subs.map(async (sub): Promise<InvitationStatus> => {
            const s = (await state.get(principal.tenantId, sub.id))?.value;
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
        return { body: { items } };
      },
    }),
    defineRoute({
      method: "post",
      path: "/subscriptions/:id/resend",
      allow: ["staff"],
      tag: "invitations",
      summary: "Renvoyer: retry a failed invitation, or send the e-mail again",
      handler: async ({ principal, params }) => {
        await pipeline().resend({ tenantId: principal.tenantId, subscriptionId: params.id ?? "" });
        return { status: 202 };
      },
    }),
  ];
}
