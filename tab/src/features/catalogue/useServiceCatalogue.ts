import { useQuery } from "@tanstack/react-query";
import { serviceCatalogueSchema } from "@comptoir/shared/api/back-office";
import { apiFetch } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

const catalogueQuery = {
  queryKey: queryKeys.services,
  queryFn: async ({ signal }: { signal: AbortSignal }) =>
    (await apiFetch(apiPath("services"), { schema: serviceCatalogueSchema, signal })).data,
  staleTime: 60_000,
};

/** `GET /services`: the firm's active catalogue of collaborative services. */
export function useServiceCatalogue() {
  return useQuery({ ...catalogueQuery, select: (data) => data.items });
}

/** The firm's name, from the same answer (for the invitation card's preview). */
export function useFirmName() {
  return useQuery({ ...catalogueQuery, select: (data) => data.firmName });
}
