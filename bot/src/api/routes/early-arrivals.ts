import { earlyArrivalListSchema } from "@comptoir/shared/api/client-space";
import type { ServiceDeps } from "../../core/services/context";
import { earlyArrivals } from "../../core/services/early-arrivals";
import { defineRoute, type AnyRoute } from "../http/route";

/** Staff only: the clients who came before the dossier's space was open (issue 18), for its dashboard. */
export function earlyArrivalRoutes(deps: ServiceDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/dossiers/:id/early-arrivals",
      allow: ["staff"],
      tag: "dossiers",
      summary: "Clients who tried to consult the dossier before its space was open, while it is still closed",
      response: earlyArrivalListSchema,
      handler: async ({ principal, params }) => ({
        body: { items: await earlyArrivals(deps, principal, params.id) },
      }),
    }),
  ];
}
