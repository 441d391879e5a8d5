import type { ErrorRequestHandler, Response } from "express";
import { AppError, explainError, resolveLocale, type ErrorBody, type Locale } from "@comptoir/shared";
import { isStorageUnreachable } from "../../lib/storage-faults";
import { HTTP_STATUS } from "./error-status";

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  const body: ErrorBody = { code: error.code, message: explainError(locale, error.code, error.params) };
  if (Object.keys(error.params).length > 0) body.details = { ...error.params };
  if (error.fields) body.fields = error.fields;
  return body;
}

export function sendError(res: Response, error: AppError, locale: Locale): void {
  const status = HTTP_STATUS[error.code];
  // Busy refusals (429, 503) say when trying again makes sense.
  if (typeof error.params.retryAfter === "number") res.setHeader("Retry-After", String(error.params.retryAfter));
  if (status === 401)
    res.setHeader("WWW-Authenticate", `Bearer error="invalid_token", error_description="${error.code}"`);
  res.status(status).json(errorBody(error, locale));
}

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** Last middleware: every failure leaves as `{ code, message }` in the caller's language; unknown ones are logged. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const locale = resolveLocale(req.headers["accept-language"]);
  if (err instanceof AppError) return sendError(res, err, locale);
  const parserError = err as BodyParserError;
  if (parserError.type === "entity.too.large") {
    return sendError(res, new AppError("PAYLOAD_TOO_LARGE", { limit: `${parserError.limit ?? 0} o` }), locale);
  }
  // The client hung up (or its connection timed out) mid-body: nobody is left to answer.
  if (parserError.type === "request.aborted") return void res.destroy();
  if (parserError.type === "entity.parse.failed") {
    return sendError(res, new AppError("INVALID_JSON"), locale);
  }
  // Storage is down: a clear, retryable answer (the SDKs' retries are bounded, so it comes fast).
  if (isStorageUnreachable(err)) return sendError(res, new AppError("STORAGE_UNAVAILABLE", { retryAfter: 5 }), locale);
  console.error("Unhandled error on", req.method, req.originalUrl, err);
  sendError(res, new AppError("INTERNAL"), locale);
};
