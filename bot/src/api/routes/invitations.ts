import { invitationStatusListSchema } from "@comptoir/shared";
import type { ServiceDeps } from "../../core/services/context";
import { invitationStatuses } from "../../core/services/invitations";
import type { InvitationPipeline } from "../../jobs/invitations/pipeline";
import { defineRoute, type AnyRoute } from "../http/route";

/** Staff's view of the invitation pipeline, and *Renvoyer*. */
export function invitationRoutes(deps: ServiceDeps, pipeline: () => InvitationPipeline): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/dossiers/:id/invitations",
      allow: ["staff"],
      tag: "invitations",
      summary: "Invitation progress of the dossier's services (e-mail queued or sent, errors)",
      response: invitationStatusListSchema,
      handler: async ({ principal, params, locale }) => ({
        body: { items: await invitationStatuses(deps, principal, params.id, locale) },
      }),
    }),
    defineRoute({
      method: "post",
      path: "/subscriptions/:id/resend",
      allow: ["staff"],
      tag: "invitations",
      summary: "Renvoyer: retry a failed invitation, or send the e-mail again",
      handler: async ({ principal, params }) => {
        await pipeline().resend({ tenantId: principal.tenantId, subscriptionId: params.id });
        return { status: 202 };
      },
    }),
  ];
}
