import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { meResponseSchema } from "@comptoir/shared/identity";
import { rgpdErasurePreviewSchema } from "@comptoir/shared/domain/rgpd";
import type { Locale } from "@comptoir/shared/i18n/locale";
import { apiFetch } from "../../api/client";
import { downloadFile } from "../accounting/download";
import { apiPath, queryKeys } from "../query-keys";

/** Whether the signed-in person is a Firm.Admin (the shell's `me`, same query key: no second request). */
export function useIsAdmin(): boolean {
  const me = useQuery({
    queryKey: ["me"],
    queryFn: async ({ signal }) => (await apiFetch("/api/v1/me", { schema: meResponseSchema, signal })).data,
    staleTime: 5 * 60_000,
  });
  return me.data?.kind === "staff" && me.data.roles.includes("Firm.Admin");
}

/** `GET …/rgpd/erasure-preview`: what an erasure removes now, with the contact's ETag. */
export function useErasurePreview(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: ["rgpd-erasure-preview", contactId],
    queryFn: ({ signal }) =>
      apiFetch(apiPath("contacts", contactId, "rgpd", "erasure-preview"), { schema: rgpdErasurePreviewSchema, signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/** `POST …/rgpd/erasure` under the ETag the preview was read with; the lists forget the contact. */
export function useErase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, etag }: { contactId: string; etag: string }) =>
      apiFetch(apiPath("contacts", contactId, "rgpd", "erasure"), {
        method: "POST",
        etag,
        schema: rgpdErasurePreviewSchema,
      }),
    onSuccess: (_, { contactId }) => {
      queryClient.removeQueries({ queryKey: queryKeys.contact(contactId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.contactLists });
    },
  });
}

/** Downloads the export with the bearer token (a plain link would not carry it); returns the file's name. */
export function downloadRgpdExport(contactId: string, ext: "json" | "html", locale: Locale): Promise<string> {
  const url = `${apiPath("contacts", contactId, "rgpd")}/export.${ext}`;
  return downloadFile(url, `comptoir-rgpd-${contactId}.${ext}`, locale, { "Accept-Language": locale });
}
