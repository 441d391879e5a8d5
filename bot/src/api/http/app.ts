import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { type Express, type Router } from "express";
import { AppError, resolveLocale } from "@comptoir/shared";
import type { TokenVerifier } from "../../auth/verify";
import { createApiRouter } from "./api-router";
import { errorHandler, sendError } from "./errors";
import type { AnyRoute } from "./route";

export interface HttpAppOptions {
  verify: TokenVerifier;
  /** Every `/api/v1` route, JSON and stream alike (FEC upload, exports). */
  routes: readonly AnyRoute[];
  maxJsonBytes: number;
  /** Public, unauthenticated: what the tab needs to know before it can sign in. */
  authConfig: unknown;
  agent: Router;
  /** Microsoft Graph's change notifications (no bearer token: see the router). */
  graphNotifications?: Router;
  /** Local mode only. */
  localSignIn?: Router;
  /** Built tab (vite output); absent in API-only tests. */
  tabDist?: string;
  /** Readiness: whether storage answers (cached briefly); `/api/health` answers 503 when it does not. */
  storageReachable?: () => Promise<boolean>;
}

export function createHttpApp(opts: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    next();
  });
  app.get("/api/health", (req, res, next) => {
    const probe = opts.storageReachable ?? (() => Promise.resolve(true));
    probe().then((ok) => {
      res.setHeader("Cache-Control", "no-store");
      if (ok) return void res.json({ status: "ok" });
      sendError(
        res,
        new AppError("STORAGE_UNAVAILABLE", { retryAfter: 5 }),
        resolveLocale(req.headers["accept-language"]),
      );
    }, next);
  });
  app.get("/auth-config.json", (_req, res) => void res.setHeader("Cache-Control", "no-store").json(opts.authConfig));
  app.use("/api/messages", opts.agent);
  if (opts.graphNotifications) app.use("/api/graph/notifications", opts.graphNotifications);
  app.use("/api/v1", createApiRouter(opts));
  if (opts.localSignIn) app.use("/local-idp", opts.localSignIn);
  app.use("/api", (_req, _res, next) => next(new AppError("ROUTE_NOT_FOUND")));
  if (opts.tabDist && existsSync(join(opts.tabDist, "index.html"))) serveTab(app, opts.tabDist);
  app.use(errorHandler);
  return app;
}

/** The hosts allowed to frame the tab: Teams, Outlook and the Microsoft 365 app (Microsoft Learn, "Tab requirements"). */
const FRAME_ANCESTORS = [
  "'self'",
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
].join(" ");

function serveTab(app: Express, dist: string): void {
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", `frame-ancestors ${FRAME_ANCESTORS}`);
    next();
  });
  app.use(
    express.static(dist, {
      index: false,
      setHeaders: (res, path) => {
        // Hashed assets never change; the HTML must always be fresh to pick up new ones.
        res.setHeader("Cache-Control", path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
  app.get(/^\/(?!api\/|local-idp\/).*/, (_req, res) => {
    res.setHeader("Cache-Control", "no-cache");
    res.sendFile(join(dist, "index.html"));
  });
}
