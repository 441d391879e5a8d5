import { useQuery } from "@tanstack/react-query";
import { applyStartRoute } from "./start-route";
import { initHost } from "./teams-host";

/** Detects Teams / Outlook / Microsoft 365 once per page. */
export function useHost() {
  return useQuery({
    queryKey: ["host"],
    queryFn: async () => {
      const info = await initHost(window);
      // Before the router exists (it is created after sign-in), so it starts on the deep link's page.
      applyStartRoute(info.startRoute, window);
      return info;
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    // The value holds the Teams SDK module: keep it as is.
    structuralSharing: false,
  });
}
