import { useQuery } from "@tanstack/react-query";
import { earlyArrivalListSchema } from "@comptoir/shared/api/client-space";
import { apiFetch } from "../../api/client";
import { apiPath, queryKeys } from "../query-keys";

/** `GET /dossiers/:id/early-arrivals`: the clients waiting for the dossier's space (empty once it is open). */
export function useEarlyArrivals(dossierId: string) {
  return useQuery({
    // Under the dossier's key: activating the extension refreshes it with the dossier.
    queryKey: [...queryKeys.dossier(dossierId), "early-arrivals"],
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("dossiers", dossierId, "early-arrivals"), { schema: earlyArrivalListSchema, signal }))
        .data.items,
  });
}
