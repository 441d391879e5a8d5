import { useQuery, useQueryClient } from "@tanstack/react-query";
import { fecImportListSchema } from "@comptoir/shared/api/accounting";
import { apiFetch } from "../../api/client";
import { apiPath } from "../query-keys";
import { accountingKeys } from "../accounting/audience";

const HISTORY_LIMIT = 50;

/** `GET /dossiers/:id/fec/imports`: who imported what and when, newest first. */
export function useFecImports(dossierId: string) {
  return useQuery({
    queryKey: accountingKeys.imports(dossierId),
    queryFn: async ({ signal }) =>
      (
        await apiFetch(`${apiPath("dossiers", dossierId, "fec", "imports")}?limit=${HISTORY_LIMIT}`, {
          schema: fecImportListSchema,
          signal,
        })
      ).data,
    enabled: dossierId !== "",
  });
}

/** After an upload: the history, the exercices and every view of the dossier are stale. */
export function useRefreshAccounting(dossierId: string): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: accountingKeys.dossier({ kind: "staff", dossierId }) });
}
