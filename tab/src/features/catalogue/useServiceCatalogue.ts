import { useQuery } from "@tanstack/react-query";
import { serviceCatalogueSchema } from "@comptoir/shared/api/back-office";
import { apiFetch } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

/** `GET /services`: the firm's active catalogue of collaborative services. */
export function useServiceCatalogue() {
  return useQuery({
    queryKey: queryKeys.services,
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("services"), { schema: serviceCatalogueSchema, signal })).data.items,
    staleTime: 60_000,
  });
}
