import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { clientSocietesSchema } from "@comptoir/shared/api/client-space";
import { apiFetch } from "../../api/client";
import { apiPath } from "../query-keys";
import { societesSearch, type SocietesQuery } from "./societes-query";

/** React Query keys of the client's space; the prefix refreshes all of it at once. */
export const clientQueryKeys = {
  all: ["client"] as const,
  societes: (query: SocietesQuery) => ["client", "societes", query.q.trim(), query.dir] as const,
  fiche: (dossierId: string) => ["client", "fiche", dossierId] as const,
};

/** `GET /client/societes`: *Ma société*, searched and sorted by the server. */
export function useClientSocietes(query: SocietesQuery) {
  return useQuery({
    queryKey: clientQueryKeys.societes(query),
    queryFn: async ({ signal }) =>
      (
        await apiFetch(`${apiPath("client", "societes")}?${societesSearch(query)}`, {
          schema: clientSocietesSchema,
          signal,
        })
      ).data,
    // A new search keeps the current cards on screen until its answer arrives.
    placeholderData: keepPreviousData,
  });
}
