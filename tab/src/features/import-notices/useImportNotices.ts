import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  importNoticeListSchema,
  importNoticePreferenceSchema,
  type ImportNoticePreference,
} from "@comptoir/shared/api/import-notices";
import { apiFetch } from "../../api/client";
import { apiPath } from "../query-keys";

const keys = {
  notices: (dossierId: string, importId: string) => ["dossier", dossierId, "import-notices", importId] as const,
  preference: (contactId: string) => ["contact", contactId, "import-notices"] as const,
};

/** `GET /dossiers/:id/fec/imports/:importId/notices`: who was told of an import (staff). */
export function useImportNotices(dossierId: string, importId: string, enabled: boolean) {
  return useQuery({
    queryKey: keys.notices(dossierId, importId),
    queryFn: async ({ signal }) =>
      (
        await apiFetch(apiPath("dossiers", dossierId, "fec", "imports", importId, "notices"), {
          schema: importNoticeListSchema,
          signal,
        })
      ).data,
    enabled,
  });
}

/** `GET /contacts/:id/import-notices`: whether the contact is told of new accounting. */
export function useImportNoticePreference(contactId: string) {
  return useQuery({
    queryKey: keys.preference(contactId),
    queryFn: async ({ signal }) =>
      (
        await apiFetch(apiPath("contacts", contactId, "import-notices"), {
          schema: importNoticePreferenceSchema,
          signal,
        })
      ).data,
  });
}

/** `PUT /contacts/:id/import-notices`: staff turn the contact's notices on or off. */
export function useSetImportNoticePreference(contactId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: ImportNoticePreference) =>
      (
        await apiFetch(apiPath("contacts", contactId, "import-notices"), {
          method: "PUT",
          body,
          schema: importNoticePreferenceSchema,
        })
      ).data,
    onSuccess: (data) => client.setQueryData(keys.preference(contactId), data),
  });
}
