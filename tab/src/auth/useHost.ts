import { useQuery } from "@tanstack/react-query";
import { initHost } from "./teams-host";

/** Detects Teams / Outlook / Microsoft 365 once per page. */
export function useHost() {
  return useQuery({
    queryKey: ["host"],
    queryFn: () => initHost(window),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    // The value holds the Teams SDK module: keep it as is.
    structuralSharing: false,
  });
}
