import type { z } from "zod";
import { isAdmin, isStaff, type Locale, type Principal } from "@comptoir/shared";

/** Who may call a route. Staff includes admins; `admin` alone means Firm.Admin only. */
export type Audience = "client" | "staff" | "admin";
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface RouteContext<B, Q> {
  principal: Principal;
  locale: Locale;
  params: Record<string, string>;
  query: Q;
  body: B;
  /** The ETag the caller read, from `If-Match`; never empty when the route requires it, else "" when absent. */
  ifMatch: string;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  etag?: string;
  headers?: Record<string, string>;
}

export interface RouteDef<B = unknown, Q = unknown> {
  method: HttpMethod;
  /** Express-style path under `/api/v1`, e.g. `/dossiers/:code`. */
  path: string;
  allow: readonly Audience[];
  summary: string;
  tag?: string;
  /** Updates name the version they read: the router refuses them without `If-Match` (PRECONDITION_REQUIRED). */
  ifMatch?: "required" | "optional";
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  response?: z.ZodType;
  handler: (ctx: RouteContext<B, Q>) => Promise<RouteResult>;
}

/** Keeps the body/query types of one route together while letting routes of every shape share one list. */
export function defineRoute<B = undefined, Q = Record<string, never>>(def: RouteDef<B, Q>): AnyRoute {
  return def as unknown as AnyRoute;
}
export type AnyRoute = RouteDef<unknown, unknown>;

export function isAllowed(principal: Principal, allow: readonly Audience[]): boolean {
  return allow.some((audience) => {
    if (audience === "admin") return isAdmin(principal);
    if (audience === "staff") return isStaff(principal);
    return principal.kind === "client";
  });
}
