import { AppError, type ErrorCode, type Params } from "@comptoir/shared";

/** Failures worth retrying later: Graph asked us to slow down, or was down, past our own retries. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["GRAPH_THROTTLED", "GRAPH_UNAVAILABLE"]);

/**
 * For the invitation pipeline: true when the same call may succeed later (throttled, unavailable, or an
 * unexpected non-catalogue error), false for a permanent refusal (4xx, missing consent, bad address…).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof AppError) return TRANSIENT.has(error.code);
  return true;
}

/** The wait Graph last asked for, when a throttled call gave up; lets the caller reschedule rather than spin. */
export function retryAfterMs(error: unknown): number | null {
  if (!(error instanceof AppError)) return null;
  const seconds = error.params.retryAfterSeconds;
  return typeof seconds === "number" ? seconds * 1000 : null;
}

export interface GraphFailure {
  method: string;
  path: string;
  status: number;
  graphCode: string;
  graphMessage: string;
  attempts: number;
  requestId?: string;
}

/** Graph's own code and message stay in the params, for logs; the catalogue code is what callers branch on. */
export function graphError(code: ErrorCode, failure: GraphFailure, extra: Params = {}): AppError {
  const params: Params = {
    method: failure.method,
    path: failure.path,
    status: failure.status,
    graphCode: failure.graphCode,
    graphMessage: failure.graphMessage.slice(0, 500),
    attempts: failure.attempts,
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
    ...extra,
  };
  return new AppError(code, params);
}

/** The generic mapping of a permanent 4xx; operations may refine it first (e.g. invitation 400). */
export function clientErrorCode(status: number): ErrorCode {
  if (status === 401) return "GRAPH_AUTH_FAILED";
  if (status === 403) return "GRAPH_FORBIDDEN";
  if (status === 404) return "GRAPH_NOT_FOUND";
  return "GRAPH_REQUEST_REJECTED";
}
