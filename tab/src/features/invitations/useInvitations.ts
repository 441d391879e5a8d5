import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { invitationStatusListSchema } from "@comptoir/shared/api/invitations";
import { apiFetch } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

/** How often to look again while an e-mail waits in the queue. */
const QUEUED_REFRESH_MS = 5_000;

/** `GET /dossiers/:id/invitations`: where each service's invitation stands; polls while e-mails are queued. */
export function useInvitations(dossierId: string) {
  return useQuery({
    queryKey: queryKeys.invitations(dossierId),
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("dossiers", dossierId, "invitations"), { schema: invitationStatusListSchema, signal }))
        .data,
    refetchInterval: (query) =>
      query.state.data?.items.some((i) => i.mail !== "sent" && !i.error) ? QUEUED_REFRESH_MS : false,
  });
}

/** `POST /subscriptions/:id/resend`: *Renvoyer*. */
export function useResendInvitation(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subscriptionId: string) =>
      apiFetch(apiPath("subscriptions", subscriptionId, "resend"), { method: "POST", schema: z.unknown() }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.invitations(dossierId) });
      void client.invalidateQueries({ queryKey: queryKeys.dossier(dossierId) });
    },
  });
}
