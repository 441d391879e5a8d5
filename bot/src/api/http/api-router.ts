import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { AppError } from "@comptoir/shared";
import type { TokenVerifier } from "../../auth/verify";
import { authenticate } from "./authenticate";
import { parseOrThrow, passGate } from "./gate";
import type { AnyRoute, JsonRoute } from "./route";
import { streamHandler } from "./stream-exchange";

export interface ApiRouterOptions {
  verify: TokenVerifier;
  routes: readonly AnyRoute[];
  maxJsonBytes: number;
}

/** `/api/v1`: every route passes the same gate (token, declared audiences, query), then its handler runs. */
export function createApiRouter({ verify, routes, maxJsonBytes }: ApiRouterOptions): Router {
  const router = express.Router();
  // Stream routes first: the JSON body parser below must never consume an upload.
  for (const route of routes)
    if (route.kind === "stream") router[route.method](route.path, streamHandler(route, verify));
  router.use(express.json({ limit: maxJsonBytes }));
  for (const route of routes) {
    if (route.kind !== "json") continue;
    router[route.method](route.path, (req: Request, res: Response, next: NextFunction) => {
      handle(route, req, res, verify).catch(next);
    });
  }
  router.use((req, _res, next) => {
    // Unknown addresses still require a token, so they reveal nothing to anonymous callers.
    authenticate(req, verify)
      .then(() => next(new AppError("ROUTE_NOT_FOUND")))
      .catch(next);
  });
  return router;
}

async function handle(route: JsonRoute, req: Request, res: Response, verify: TokenVerifier): Promise<void> {
  const gate = await passGate(route, req, verify);
  const body = route.body ? parseOrThrow(route.body, req.body ?? {}, gate.locale) : undefined;
  const ifMatch = typeof req.headers["if-match"] === "string" ? req.headers["if-match"] : "";
  if (route.ifMatch === "required" && !ifMatch) throw new AppError("PRECONDITION_REQUIRED");
  const result = await route.handler({ ...gate, body, ifMatch });
  if (result.etag) res.setHeader("ETag", result.etag);
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Language", gate.locale);
  const status = result.status ?? (result.body === undefined ? 204 : 200);
  if (result.body === undefined) res.status(status).end();
  else res.status(status).json(result.body);
}
