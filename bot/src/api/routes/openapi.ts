import { buildOpenApi } from "../http/openapi";
import { defineRoute, type AnyRoute } from "../http/route";

/** `/api/v1/openapi.json`, built once from the registry it documents (itself included). */
export function openApiRoute(routes: () => readonly AnyRoute[]): AnyRoute {
  let doc: unknown;
  return defineRoute({
    method: "get",
    path: "/openapi.json",
    allow: ["staff"],
    tag: "meta",
    summary: "This OpenAPI document",
    handler: () => {
      doc ??= buildOpenApi(routes(), "1");
      return Promise.resolve({ body: doc });
    },
  });
}
