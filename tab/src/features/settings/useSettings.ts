import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  collaborateurListSchema,
  firmSettingsSchema,
  type FirmSettingsUpdateInput,
} from "@comptoir/shared/domain/firm-settings";
import { apiFetch } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

/** `GET /settings` (Firm.Admin): the firm, its Consultation subscription and service catalogue, with the ETag. */
export function useSettings() {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: ({ signal }) => apiFetch(apiPath("settings"), { schema: firmSettingsSchema, signal }),
  });
}

/** `GET /settings/collaborateurs` (Firm.Admin): who is responsible of some dossier, for their contact details. */
export function useCollaborateurs() {
  return useQuery({
    queryKey: [...queryKeys.settings, "collaborateurs"],
    queryFn: ({ signal }) =>
      apiFetch(apiPath("settings", "collaborateurs"), { schema: collaborateurListSchema, signal }),
  });
}

/** `PUT /settings` (If-Match): replaces the settings as a whole. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ settings, etag }: { settings: FirmSettingsUpdateInput; etag: string | null }) =>
      apiFetch(apiPath("settings"), {
        method: "PUT",
        body: settings,
        etag: etag ?? undefined,
        schema: firmSettingsSchema,
      }),
    onSuccess: (result) => {
      client.setQueryData(queryKeys.settings, result);
      void client.invalidateQueries({ queryKey: queryKeys.settings });
      void client.invalidateQueries({ queryKey: queryKeys.services });
    },
  });
}
