import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import {
  contactDetailSchema,
  contactPageSchema,
  proposeServiceResultSchema,
  type ContactDetail,
} from "@comptoir/shared/api/back-office";
import { contactSchema, type ContactCreateInput, type ContactUpdateInput } from "@comptoir/shared/domain/contact";
import { dossierLinkSchema, type LimitedTo } from "@comptoir/shared/domain/dossier-link";
import { serviceSubscriptionSchema } from "@comptoir/shared/domain/service-subscription";
import { apiFetch, type ApiResult } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

const PAGE_SIZE = 100;

function contactSearch(q: string, cursor: string | null, limit: number): string {
  const params = new URLSearchParams({ limit: String(limit) });
  if (q.trim()) params.set("q", q.trim());
  if (cursor) params.set("cursor", cursor);
  return params.toString();
}

/** `GET /contacts`, page after page, for the Interlocuteurs grid. */
export function useContactList(q: string) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.contactLists, "list", q],
    queryFn: async ({ pageParam, signal }) =>
      (
        await apiFetch(`/api/v1/contacts?${contactSearch(q, pageParam, PAGE_SIZE)}`, {
          schema: contactPageSchema,
          signal,
        })
      ).data,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.cursor,
    placeholderData: keepPreviousData,
    structuralSharing: false,
  });
}

/** `GET /contacts?q=`: the first matches, for the picker of the dossier's *Interlocuteurs*. */
export function useContactSearch(q: string) {
  return useQuery({
    queryKey: [...queryKeys.contactLists, "search", q],
    queryFn: async ({ signal }) =>
      (await apiFetch(`/api/v1/contacts?${contactSearch(q, null, 20)}`, { schema: contactPageSchema, signal })).data,
    placeholderData: keepPreviousData,
  });
}

/** `GET /contacts/:id`: the contact, its *Dossiers client* (each with the link's ETag) and the contact's ETag. */
export function useContact(id: string | null) {
  return useQuery({
    queryKey: queryKeys.contact(id ?? ""),
    queryFn: ({ signal }) => apiFetch(apiPath("contacts", id ?? ""), { schema: contactDetailSchema, signal }),
    enabled: id !== null,
  });
}

/** Refreshes the contact, the lists and every dossier page (their contacts and services change too). */
function useRefreshContact() {
  const client = useQueryClient();
  return (contactId: string) => {
    void client.invalidateQueries({ queryKey: queryKeys.contact(contactId) });
    void client.invalidateQueries({ queryKey: queryKeys.contactLists });
    void client.invalidateQueries({ queryKey: ["dossier"] });
    void client.invalidateQueries({ queryKey: queryKeys.dossierLists });
  };
}

/** `POST /contacts` (the *Général* tab of a new interlocuteur). */
export function useCreateContact() {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: (input: ContactCreateInput) =>
      apiFetch("/api/v1/contacts", { method: "POST", body: input, schema: contactSchema }),
    onSuccess: (result) => refresh(result.data.id),
  });
}

/** `PATCH /contacts/:id` (If-Match) with the changed fields only. */
export function useUpdateContact() {
  const client = useQueryClient();
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: ({ id, patch, etag }: { id: string; patch: ContactUpdateInput; etag: string | null }) =>
      apiFetch(apiPath("contacts", id), {
        method: "PATCH",
        body: patch,
        etag: etag ?? undefined,
        schema: contactSchema,
      }),
    onSuccess: (result) => {
      // The saved values and their ETag at once, so the form never shows the old ones in between.
      client.setQueryData<ApiResult<ContactDetail>>(queryKeys.contact(result.data.id), (old) =>
        old ? { data: { ...old.data, contact: result.data }, etag: result.etag ?? old.etag } : old,
      );
      refresh(result.data.id);
    },
  });
}

/** `DELETE /contacts/:id` (If-Match). */
export function useDeleteContact() {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: ({ id, etag }: { id: string; etag: string | null }) =>
      apiFetch(apiPath("contacts", id), { method: "DELETE", etag: etag ?? undefined, schema: z.undefined() }),
    onSuccess: (_, { id }) => refresh(id),
  });
}

/** `POST /contacts/:id/dossiers`: *Ajouter* in the *Dossiers client* tab. */
export function useLinkDossier(contactId: string) {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: ({ dossierId, limitedTo }: { dossierId: string; limitedTo: LimitedTo }) =>
      apiFetch(apiPath("contacts", contactId, "dossiers"), {
        method: "POST",
        body: { dossierId, limitedTo },
        schema: z.object({ link: dossierLinkSchema }),
      }),
    onSuccess: () => refresh(contactId),
  });
}

/** `PATCH /contacts/:id/dossiers/:dossierId` (If-Match = the link's ETag): changes *Limité à*. */
export function useUpdateLink(contactId: string) {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: ({ dossierId, limitedTo, etag }: { dossierId: string; limitedTo: LimitedTo; etag: string }) =>
      apiFetch(apiPath("contacts", contactId, "dossiers", dossierId), {
        method: "PATCH",
        body: { limitedTo },
        etag,
        schema: z.unknown(),
      }),
    onSuccess: () => refresh(contactId),
  });
}

/** `DELETE /contacts/:id/dossiers/:dossierId` (If-Match = the link's ETag): removes the dossier (and revokes its services). */
export function useUnlinkDossier(contactId: string) {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: ({ dossierId, etag }: { dossierId: string; etag: string }) =>
      apiFetch(apiPath("contacts", contactId, "dossiers", dossierId), {
        method: "DELETE",
        etag,
        schema: z.unknown(),
      }),
    onSuccess: () => refresh(contactId),
  });
}

/** `POST /contacts/:id/dossiers/:dossierId/services`: *Proposer un service collaboratif pour ce dossier*. */
export function useProposeService(contactId: string) {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: ({ dossierId, serviceId }: { dossierId: string; serviceId: string }) =>
      apiFetch(apiPath("contacts", contactId, "dossiers", dossierId, "services"), {
        method: "POST",
        body: { serviceId },
        schema: proposeServiceResultSchema,
      }),
    onSuccess: () => refresh(contactId),
  });
}

/** `POST /subscriptions/:id/revoke`. */
export function useRevokeSubscription(contactId: string) {
  const refresh = useRefreshContact();
  return useMutation({
    mutationFn: (subscriptionId: string) =>
      apiFetch(apiPath("subscriptions", subscriptionId, "revoke"), {
        method: "POST",
        body: {},
        schema: serviceSubscriptionSchema,
      }),
    onSuccess: () => refresh(contactId),
  });
}
