import { randomUUID } from "node:crypto";
import type { Response } from "express";

/** Graph's usual error code for a status, for answers we synthesise (faults, throttling). */
export function defaultGraphCode(status: number): string {
  switch (status) {
    case 400:
      return "BadRequest";
    case 401:
      return "InvalidAuthenticationToken";
    case 403:
      return "Authorization_RequestDenied";
    case 404:
      return "Request_ResourceNotFound";
    case 409:
      return "Conflict";
    case 429:
      return "TooManyRequests";
    case 503:
      return "ServiceUnavailable";
    case 504:
      return "GatewayTimeout";
    default:
      return status >= 500 ? "InternalServerError" : "BadRequest";
  }
}

const DEFAULT_MESSAGES: Record<number, string> = {
  403: "Insufficient privileges to complete the operation.",
  429: "Please retry again later.",
  503: "The service is temporarily unavailable. Please retry later.",
};

/**
 * Graph's error envelope: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 * Throttling answers carry the extra innerError fields shown in Microsoft's throttling sample response.
 */
export function sendGraphError(
  res: Response,
  status: number,
  opts: { code?: string; message?: string; retryAfter?: number } = {},
): void {
  const requestId = randomUUID();
  const date = new Date().toISOString().slice(0, 19);
  const innerError: Record<string, string> =
    status === 429
      ? { code: "429", date, message: "Please retry after", "request-id": requestId, status: "429" }
      : { date, "request-id": requestId, "client-request-id": requestId };
  if (opts.retryAfter !== undefined) res.setHeader("Retry-After", String(opts.retryAfter));
  res.setHeader("request-id", requestId);
  res.status(status).json({
    error: {
      code: opts.code ?? defaultGraphCode(status),
      message: opts.message ?? DEFAULT_MESSAGES[status] ?? "The request failed.",
      innerError,
    },
  });
}
