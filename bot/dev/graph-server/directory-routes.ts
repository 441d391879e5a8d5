import express, { type Request, type Response, type Router } from "express";
import type { LocalDirectory } from "./directory";
import { sendGraphError } from "./graph-errors";

export interface DirectoryRoutesDeps {
  directory: LocalDirectory;
  /** Users created by invitations (the store's guests) exist too. */
  storeUserExists: (id: string) => Promise<boolean>;
}

const GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
const RESOURCE_FILTER = new RegExp(`^\\s*resourceId\\s+eq\\s+(${GUID})\\s*$`);
const USER_PROPERTIES = ["id", "displayName", "mail", "userType"] as const;

const query = (req: Request, name: string): string | undefined => {
  const value = req.query[name];
  return typeof value === "string" ? value : undefined;
};

/** Graph returns only the `$select`ed properties (all of ours when there is no `$select`). */
function selected<T extends Record<string, unknown>>(entity: T, select: string | undefined): Partial<T> {
  if (!select) return entity;
  const wanted = new Set(select.split(",").map((s) => s.trim()));
  return Object.fromEntries(Object.entries(entity).filter(([k]) => wanted.has(k))) as Partial<T>;
}

const notFound = (res: Response, id: string) =>
  sendGraphError(res, 404, {
    code: "Request_ResourceNotFound",
    message: `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  });

/**
 * The directory reads of "who is staff", as Microsoft Learn documents them: GET /servicePrincipals(appId='…'),
 * GET /users/{id} of directory members and guests (invited guests fall through to the store's route), and
 * GET /users/{id}/appRoleAssignments with `$filter=resourceId eq {id}` and, with `$count`, the
 * `ConsistencyLevel: eventual` header advanced queries require.
 */
export function createDirectoryRoutes(deps: DirectoryRoutesDeps): Router {
  const router = express.Router();
  const { directory } = deps;

  router.get(/^\/servicePrincipals\(appId='([^'/]*)'\)$/, (req, res) => {
    const appId = decodeURIComponent((req.params as Record<string, string>)[0] ?? "");
    const sp = directory.servicePrincipal(appId);
    if (!sp) return notFound(res, appId);
    res.json({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity",
      ...selected({ ...sp }, query(req, "$select")),
    });
  });

  router.get("/users/:id", (req, res, next) => {
    const user = directory.user(req.params.id);
    if (!user) return next();
    const view = Object.fromEntries(USER_PROPERTIES.map((p) => [p, user[p]]));
    res.json({
      "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
      ...selected(view, query(req, "$select")),
    });
  });

  router.get("/users/:id/appRoleAssignments", (req, res, next) => {
    (async () => {
      const { id } = req.params;
      if (!directory.user(id) && !(await deps.storeUserExists(id))) return notFound(res, id);
      const count = query(req, "$count") === "true";
      if (count && req.get("ConsistencyLevel")?.toLowerCase() !== "eventual")
        return sendGraphError(res, 400, {
          code: "Request_UnsupportedQuery",
          message: "$count requires the ConsistencyLevel header set to eventual.",
        });
      const filter = query(req, "$filter");
      const resourceId = filter === undefined ? null : RESOURCE_FILTER.exec(filter)?.[1];
      if (resourceId === undefined)
        return sendGraphError(res, 400, { message: `Unsupported filter in this local stand-in: ${filter ?? ""}` });
      const value = directory
        .assignmentsOf(id)
        .filter((a) => resourceId === null || a.resourceId.toLowerCase() === resourceId.toLowerCase());
      res.json({
        "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#users('${id}')/appRoleAssignments`,
        ...(count ? { "@odata.count": value.length } : {}),
        value,
      });
    })().catch(next);
  });

  return router;
}
