import { useQuery } from "@tanstack/react-query";
import { authConfigSchema } from "@comptoir/shared/auth-config";
import { apiFetch } from "../api/client";

/** `GET /auth-config.json`: public, fixed for the life of the page. */
export function useAuthConfig() {
  return useQuery({
    queryKey: ["auth-config"],
    queryFn: async ({ signal }) =>
      (await apiFetch("/auth-config.json", { schema: authConfigSchema, auth: false, signal })).data,
    staleTime: Infinity,
    gcTime: Infinity,
  });
}
