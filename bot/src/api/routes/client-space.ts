import { clientFicheSchema, clientSocieteQuerySchema, clientSocietesSchema } from "@comptoir/shared";
import { defineRoute, type AnyRoute } from "../http/route";
import { ficheSociete, listSocietes, type ClientEventListener } from "../../core/services/client-space";
import type { ServiceDeps } from "../../core/services/context";

const CLIENT = ["client"] as const;
const tag = "client";

/** The client's space: reads only, each through the access rule. */
export function clientSpaceRoutes(deps: ServiceDeps & { onClientEvent?: ClientEventListener }): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/client/societes",
      allow: CLIENT,
      tag,
      summary: "Ma société: the sociétés the client may consult",
      query: clientSocieteQuerySchema,
      response: clientSocietesSchema,
      handler: async ({ principal, query }) => ({ body: await listSocietes(deps, principal, query) }),
    }),
    defineRoute({
      method: "get",
      path: "/client/societes/:dossierId",
      allow: CLIENT,
      tag,
      summary: "Voir la fiche société",
      response: clientFicheSchema,
      handler: async ({ principal, params }) => ({ body: await ficheSociete(deps, principal, params.dossierId) }),
    }),
  ];
}
