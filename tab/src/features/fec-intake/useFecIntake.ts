import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { z } from "zod";
import { intakeBrowseSchema, intakeStatusSchema, type IntakeFolderInput } from "@comptoir/shared/api/fec-intake";
import { apiFetch } from "../../api/client";
import { queryString } from "../accounting/audience";
import { apiPath } from "../query-keys";

const keys = {
  status: (dossierId: string) => ["dossier", dossierId, "fec-intake"] as const,
  folders: (driveId: string | undefined, folderId: string | undefined) =>
    ["fec-intake", "folders", driveId ?? "", folderId ?? ""] as const,
};

/** `GET /dossiers/:id/fec/intake`: the drop folder and the files found; refreshed while a file imports. */
export function useIntakeStatus(dossierId: string) {
  return useQuery({
    queryKey: keys.status(dossierId),
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("dossiers", dossierId, "fec", "intake"), { schema: intakeStatusSchema, signal })).data,
    refetchInterval: (query) =>
      query.state.data?.files.some((f) => f.status === "importing" || f.status === "aborted") ? 3_000 : 30_000,
  });
}

/** `GET /fec-intake/folders`: one folder of a drive (the firm's library by default) and its subfolders. */
export function useDriveFolders(at: { driveId?: string; folderId?: string }, enabled: boolean) {
  return useQuery({
    queryKey: keys.folders(at.driveId, at.folderId),
    queryFn: async ({ signal }) =>
      (
        await apiFetch(`${apiPath("fec-intake", "folders")}${queryString(at)}`, {
          schema: intakeBrowseSchema,
          signal,
        })
      ).data,
    enabled,
  });
}

/** `PUT` / `DELETE /dossiers/:id/fec/intake`: choose the drop folder, or stop watching it. */
export function useSetIntakeFolder(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (folder: IntakeFolderInput | null) =>
      folder
        ? (
            await apiFetch(apiPath("dossiers", dossierId, "fec", "intake"), {
              method: "PUT",
              body: folder,
              schema: intakeStatusSchema,
            })
          ).data
        : (
            await apiFetch(apiPath("dossiers", dossierId, "fec", "intake"), {
              method: "DELETE",
              schema: z.undefined(),
            })
          ).data,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.status(dossierId) }),
  });
}
