import { useQuery } from "@tanstack/react-query";
import { meResponseSchema } from "@comptoir/shared/identity";
import { apiFetch } from "../api/client";

export const ME_QUERY_KEY = ["me"] as const;

/** `GET /api/v1/me`: who is signed in, and whether they are staff or a client. */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async ({ signal }) => (await apiFetch("/api/v1/me", { schema: meResponseSchema, signal })).data,
    staleTime: 5 * 60_000,
  });
}
