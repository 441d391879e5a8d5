import { HttpError } from "@microsoft/agents-hosting";

/**
 * How the Agents SDK surfaces a failed Bot Connector call: its ConnectorClient throws the `HttpError` of
 * its fetch-based HttpClient, carrying `status` and the response (headers included). It retries nothing.
 */
export function connectorStatus(error: unknown): number | null {
  if (error instanceof HttpError) return error.status;
  const status = typeof error === "object" && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === "number" ? status : null;
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; `null` when absent or unreadable. */
export function retryAfterMs(error: unknown, now: number = Date.now()): number | null {
  if (!(error instanceof HttpError)) return null;
  return parseRetryAfter(error.response.headers.get("retry-after"), now);
}

export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Teams asks bots to retry 429 (throttled) and 412, 502, 504; 503 is the same "try later" answer. */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

/** The conversation cannot take messages any more: the user blocked or removed the app, or it is gone. */
const GONE_STATUSES: ReadonlySet<number> = new Set([403, 404]);

export type ConnectorFailure =
  | { kind: "retry"; status: number | null; retryAfterMs: number | null }
  | { kind: "gone"; status: number }
  | { kind: "fatal"; status: number | null };

export function classifyConnectorError(error: unknown, now: number = Date.now()): ConnectorFailure {
  const status = connectorStatus(error);
  if (status === null)
    return isNetworkError(error) ? { kind: "retry", status, retryAfterMs: null } : { kind: "fatal", status };
  if (RETRYABLE_STATUSES.has(status)) return { kind: "retry", status, retryAfterMs: retryAfterMs(error, now) };
  if (GONE_STATUSES.has(status)) return { kind: "gone", status };
  return { kind: "fatal", status };
}

/** Node's fetch rejects with `TypeError: fetch failed` (cause: ECONNRESET, ECONNREFUSED…) or an abort. */
function isNetworkError(error: unknown): boolean {
  if (error instanceof TypeError && error.message === "fetch failed") return true;
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** Exponential backoff with jitter (half to full), capped: `attempt` counts from 0. */
export function backoffMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exp * (0.5 + random() / 2));
}
