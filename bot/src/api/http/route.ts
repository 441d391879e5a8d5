import type { z } from "zod";
import { isAdmin, isStaff, type Locale, type Principal } from "@comptoir/shared";
import type { PathParams } from "./path-params";

/** Who may call a route. Staff includes admins; `admin` alone means Firm.Admin only. */
export type Audience = "client" | "staff" | "admin";
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** What every route declares, JSON or stream: where it is, who may call it, its query, how to document it. */
interface RouteHead<P extends string, Q> {
  method: HttpMethod;
  /** Express-style path under `/api/v1`, e.g. `/dossiers/:id`: the handler gets `params.id`. */
  path: P;
  allow: readonly Audience[];
  summary: string;
  tag?: string;
  query?: z.ZodType<Q>;
}

/** What the gate hands every handler once the caller is known and admitted. */
export interface GateContext<P extends string, Q> {
  principal: Principal;
  locale: Locale;
  params: PathParams<P>;
  query: Q;
}

export interface RouteContext<P extends string, B, Q> extends GateContext<P, Q> {
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

/** A JSON route: the router parses the body and sends the handler's result as JSON. */
export interface RouteDef<P extends string, B, Q> extends RouteHead<P, Q> {
  /** Updates name the version they read: the router refuses them without `If-Match` (PRECONDITION_REQUIRED). */
  ifMatch?: "required" | "optional";
  body?: z.ZodType<B>;
  response?: z.ZodType;
  handler: (ctx: RouteContext<P, B, Q>) => Promise<RouteResult>;
}

/** The request of a stream route: its body is never parsed, the handler reads it as it arrives. */
export interface StreamRequest {
  body: AsyncIterable<Uint8Array>;
  /** `Content-Length` when the caller sent one that is a number. */
  declaredBytes: number | null;
}

/** Writes bytes to the caller, resolving once they may take more. */
export type BodySink = (chunk: Uint8Array) => Promise<void>;

export interface StreamResponse {
  json(status: number, body: unknown): void;
  /** Starts a 200 download of this type and name; write to the sink, then `end()`. */
  attachment(contentType: string, fileName: string): BodySink;
  end(): void;
}

export interface StreamContext<P extends string, Q> extends GateContext<P, Q> {
  request: StreamRequest;
  response: StreamResponse;
}

/** A success answer of a stream route, for OpenAPI: JSON of a schema, or a file of a media type. */
export type AnswerDoc = { description: string } & ({ json: z.ZodType } | { file: string });

/** A route that reads its body raw or streams its answer (uploads, file exports). */
export interface StreamRouteDef<P extends string, Q> extends RouteHead<P, Q> {
  /** A raw body: its media type, and the size past which a declared body is not worth keeping the connection for. */
  request?: { contentType: string; description: string; maxBytes: () => number };
  /** Answers by status; failures are the usual `ErrorBody`. */
  responses: Readonly<Record<number, AnswerDoc>>;
  handler: (ctx: StreamContext<P, Q>) => Promise<void>;
}

export type JsonRoute = RouteDef<string, unknown, unknown> & { kind: "json" };
export type StreamRoute = StreamRouteDef<string, unknown> & { kind: "stream" };
/** The registry's entries: one list, one gate, one OpenAPI document for both kinds. */
export type AnyRoute = JsonRoute | StreamRoute;

/*
 * Where a route's types are erased so routes of every shape share one list: sound because the router
 * parses body and query with the route's own schemas and Express names the params from the same path.
 */
export function defineRoute<P extends string, B = undefined, Q = Record<string, never>>(
  def: RouteDef<P, B, Q>,
): AnyRoute {
  return { ...def, kind: "json" } as unknown as JsonRoute;
}

export function defineStreamRoute<P extends string, Q = Record<string, never>>(def: StreamRouteDef<P, Q>): AnyRoute {
  return { ...def, kind: "stream" } as unknown as StreamRoute;
}

export function isAllowed(principal: Principal, allow: readonly Audience[]): boolean {
  return allow.some((audience) => {
    if (audience === "admin") return isAdmin(principal);
    if (audience === "staff") return isStaff(principal);
    return principal.kind === "client";
  });
}
