import express, { type NextFunction, type Request, type Response, type Router } from "express";
import type { z } from "zod";
import { AppError, resolveLocale, zodIssuesToFields, type Locale } from "@comptoir/shared";
import type { TokenVerifier } from "../../auth/verify";
import { authenticate } from "./authenticate";
import { isAllowed, type AnyRoute } from "./route";

export interface ApiRouterOptions {
  verify: TokenVerifier;
  routes: readonly AnyRoute[];
  maxJsonBytes: number;
}

/** `/api/v1`: authenticate, authorise against the route's declared audiences, parse, then call the handler. */
export function createApiRouter({ verify, routes, maxJsonBytes }: ApiRouterOptions): Router {
  const router = express.Router();
  router.use(express.json({ limit: maxJsonBytes }));
  for (const route of routes) {
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

async function handle(route: AnyRoute, req: Request, res: Response, verify: TokenVerifier): Promise<void> {
  const locale = resolveLocale(req.headers["accept-language"]);
  const principal = await authenticate(req, verify);
  if (!isAllowed(principal, route.allow)) throw new AppError("FORBIDDEN");
  const body = route.body ? parseOrThrow(route.body, req.body ?? {}, locale) : undefined;
  const query = route.query ? parseOrThrow(route.query, req.query, locale) : {};
  const ifMatch = typeof req.headers["if-match"] === "string" ? req.headers["if-match"] : "";
  if (route.ifMatch === "required" && !ifMatch) throw new AppError("PRECONDITION_REQUIRED");
  const result = await route.handler({
    principal,
    locale,
    params: req.params as Record<string, string>,
    query,
    body,
    ifMatch,
  });
  if (result.etag) res.setHeader("ETag", result.etag);
  for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("Content-Language", locale);
  const status = result.status ?? (result.body === undefined ? 204 : 200);
  if (result.body === undefined) res.status(status).end();
  else res.status(status).json(result.body);
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, locale: Locale): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", {}, zodIssuesToFields(parsed.error, locale, value));
  return parsed.data;
}
