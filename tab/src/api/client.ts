import type { z } from "zod";
import type { FieldIssue, Locale } from "@comptoir/shared";
import { errorBodySchema } from "@comptoir/shared/errors";
import { DEFAULT_LOCALE } from "@comptoir/shared/i18n/locale";
import { translate } from "@comptoir/shared/i18n/translate";

/** A failed API call; `message` is already localized (by the server, or here for transport failures). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** What the client needs from the sign-in layer. */
export interface ApiAuth {
  /** A bearer token; `refresh` asks for a new one after a 401 (the same one when it cannot). */
  token(refresh: boolean): Promise<string>;
  /** The server still refused the token: the sign-in layer decides what happens next. */
  rejected(error: ApiError): void;
  /** An authenticated call went through. */
  succeeded(): void;
}

let auth: ApiAuth | null = null;
let locale: Locale = DEFAULT_LOCALE;

export function setApiAuth(next: ApiAuth | null): void {
  auth = next;
}

export function setApiLocale(next: Locale): void {
  locale = next;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRequest<T> {
  method?: HttpMethod;
  body?: unknown;
  /** Parses the success body (`undefined` for 204). */
  schema: z.ZodType<T>;
  /** Sent as `If-Match` for optimistic concurrency. */
  etag?: string;
  /** False for the few public endpoints (e.g. `/auth-config.json`). */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiResult<T> {
  data: T;
  etag: string | null;
}

function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

async function send<T>(path: string, req: ApiRequest<T>, token: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": locale };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (req.etag) headers["If-Match"] = req.etag;
  if (req.body !== undefined) headers["Content-Type"] = "application/json";
  try {
    return await fetch(path, {
      method: req.method ?? "GET",
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, "SERVICE_UNAVAILABLE", translate(locale, "error.SERVICE_UNAVAILABLE"));
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  const parsed = errorBodySchema.safeParse(await readJson(res));
  if (parsed.success) {
    const { code, message, fields, details } = parsed.data;
    return new ApiError(res.status, code, message, fields, details);
  }
  // Not our error body (a proxy, a crash page): fall back to our own wording.
  const code = res.status === 503 || res.status === 502 ? "SERVICE_UNAVAILABLE" : "INTERNAL";
  return new ApiError(res.status, code, translate(locale, `error.${code}`));
}

async function tokenFor(refresh: boolean): Promise<string> {
  if (!auth) return "";
  try {
    return await auth.token(refresh);
  } catch {
    throw new ApiError(401, "AUTH_MISSING_TOKEN", translate(locale, "error.AUTH_MISSING_TOKEN"));
  }
}

/**
 * `Authorization` and `Accept-Language` as apiFetch sends them, for the few calls it cannot make:
 * an upload with progress events (XHR) and file downloads (blobs). `refresh` asks for a new token.
 */
export async function apiHeaders(refresh = false): Promise<Record<string, string>> {
  const token = await tokenFor(refresh);
  return token ? { Authorization: `Bearer ${token}`, "Accept-Language": locale } : { "Accept-Language": locale };
}

/** The one way the tab talks to the server. */
export async function apiFetch<T>(path: string, req: ApiRequest<T>): Promise<ApiResult<T>> {
  const withAuth = req.auth ?? true;
  const token = withAuth ? await tokenFor(false) : "";
  let res = await send(path, req, token);
  if (res.status === 401 && withAuth) {
    // One retry with a fresh token covers an expired cached one.
    const fresh = await tokenFor(true);
    if (fresh && fresh !== token) res = await send(path, req, fresh);
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && withAuth) auth?.rejected(error);
    throw error;
  }
  if (withAuth) auth?.succeeded();
  const parsed = req.schema.safeParse(res.status === 204 ? undefined : await readJson(res));
  if (!parsed.success) throw new ApiError(res.status, "INTERNAL", translate(locale, "error.INTERNAL"));
  return { data: parsed.data, etag: res.headers.get("ETag") };
}
