import { useQuery } from "@tanstack/react-query";
import { serviceCatalogueSchema } from "@comptoir/shared/api/back-office";
import type { ServiceDefinition } from "@comptoir/shared/domain/service-definition";
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

/** The rule of "may be proposed": an inactive service stays in the catalogue for its old subscriptions only. */
export const activeServices = (data: { items: ServiceDefinition[] }) => data.items.filter((s) => s.active);

/** The services staff may propose now (propose, campaigns), filtered here only. */
export function useActiveServices() {
  return useQuery({ ...catalogueQuery, select: activeServices });
}

/** The firm's name, from the same answer (for the invitation card's preview). */
export function useFirmName() {
  return useQuery({ ...catalogueQuery, select: (data) => data.firmName });
}
