import { useQuery } from "@tanstack/react-query";
import { clientFicheSchema } from "@comptoir/shared/api/client-space";
import { apiFetch, isApiError } from "../../api/client";
import { clientQueryKeys } from "../client-home/useClientSocietes";
import { apiPath } from "../query-keys";

/** `GET /client/societes/:dossierId`: *Voir la fiche société*. */
export function useClientFiche(dossierId: string) {
  return useQuery({
    queryKey: clientQueryKeys.fiche(dossierId),
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPath("client", "societes", dossierId), { schema: clientFicheSchema, signal })).data,
    enabled: dossierId !== "",
  });
}

/** The access rule said no (revoked, offer switched off, or not a société of this client). */
export function isNoAccess(error: unknown): boolean {
  return isApiError(error) && error.code === "CLIENT_NO_ACCESS";
}
