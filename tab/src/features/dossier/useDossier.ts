import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { auditPageSchema, dossierDetailSchema, type DossierDetail } from "@comptoir/shared/api/back-office";
import { dossierSchema, type Dossier } from "@comptoir/shared/domain/dossier";
import { dossierLinkSchema, type LimitedTo } from "@comptoir/shared/domain/dossier-link";
import { apiFetch, type ApiResult } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

/** `GET /dossiers/:id`: the dossier, its contacts and their services, with the ETag for updates. */
export function useDossier(id: string) {
  return useQuery({
    queryKey: queryKeys.dossier(id),
    queryFn: ({ signal }) => apiFetch(apiPath("dossiers", id), { schema: dossierDetailSchema, signal }),
    enabled: id !== "",
  });
}

/** Puts the dossier an update returned (and its new ETag) in the cache, then refreshes what depends on it. */
function storeDossier(client: QueryClient, id: string, result: ApiResult<Dossier>) {
  client.setQueryData<ApiResult<DossierDetail>>(queryKeys.dossier(id), (old) =>
    old ? { data: { ...old.data, dossier: result.data }, etag: result.etag ?? old.etag } : old,
  );
  void client.invalidateQueries({ queryKey: queryKeys.dossier(id) });
  void client.invalidateQueries({ queryKey: queryKeys.dossierLists });
  void client.invalidateQueries({ queryKey: queryKeys.contactLists });
}

interface Versioned {
  etag: string | null;
}

/** `PUT /dossiers/:id/offers/consultation` (If-Match): the *Valider* of the offer tiles. */
export function useSetConsultationOffer(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ active, etag }: Versioned & { active: boolean }) =>
      apiFetch(apiPath("dossiers", id, "offers", "consultation"), {
        method: "PUT",
        body: { active },
        etag: etag ?? undefined,
        schema: dossierSchema,
      }),
    onSuccess: (result) => storeDossier(client, id, result),
  });
}

/** `PUT /dossiers/:id/widget` (If-Match): *Initialiser* with *Activation de l'extension*. */
export function useInitializeWidget(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ extensionActive, etag }: Versioned & { extensionActive: boolean }) =>
      apiFetch(apiPath("dossiers", id, "widget"), {
        method: "PUT",
        body: { extensionActive },
        etag: etag ?? undefined,
        schema: dossierSchema,
      }),
    onSuccess: (result) => storeDossier(client, id, result),
  });
}

/** `POST /dossiers/:id/contacts`: adds an existing interlocuteur to the dossier. */
export function useAddDossierContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, limitedTo }: { contactId: string; limitedTo: LimitedTo }) =>
      apiFetch(apiPath("dossiers", id, "contacts"), {
        method: "POST",
        body: { contactId, limitedTo },
        schema: z.object({ link: dossierLinkSchema }),
      }),
    onSuccess: (_, { contactId }) => {
      void client.invalidateQueries({ queryKey: queryKeys.dossier(id) });
      void client.invalidateQueries({ queryKey: queryKeys.contact(contactId) });
    },
  });
}

const AUDIT_PAGE_SIZE = 20;

/** `GET /dossiers/:id/audit`, newest first, page after page. */
export function useDossierAudit(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit(id),
    queryFn: async ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
      if (pageParam) params.set("cursor", pageParam);
      return (await apiFetch(`${apiPath("dossiers", id, "audit")}?${params}`, { schema: auditPageSchema, signal }))
        .data;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.cursor,
  });
}
