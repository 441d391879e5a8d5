import { AppError, type ErrorCode } from "@comptoir/shared";
import type { z } from "zod";
import { clientErrorCode, graphError, type GraphFailure } from "./errors";
import { backoffDelay, DEFAULT_RETRY_POLICY, parseRetryAfter, realSleep, type RetryPolicy, type Sleep } from "./retry";
import { graphErrorBodySchema } from "./schemas";
import type { TokenProvider } from "./token";

export interface RetryEvent {
  method: string;
  path: string;
  attempt: number;
  /** The status that caused the retry; absent for a network error or a timeout. */
  status?: number;
  delayMs: number;
  /** True when the delay is the server's Retry-After rather than our backoff. */
  fromRetryAfter: boolean;
}

export interface GraphHttpOptions {
  /** `https://graph.microsoft.com/v1.0`, or the local Graph server's `<url>/v1.0`. */
  baseUrl: string;
  getToken: TokenProvider;
  /** Per attempt; an attempt that takes longer is aborted and counts as a network error. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Injectable for tests (record delays, skip real waiting). */
  sleep?: Sleep;
  random?: () => number;
  fetch?: typeof fetch;
  onRetry?: (event: RetryEvent) => void;
}

export interface GraphRequest<S extends z.ZodType> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the base URL, with its query string already encoded. */
  path: string;
  body?: unknown;
  /** Parses a 2xx body; omit for bodiless answers (202, 204). */
  schema?: S;
  /** Statuses that end the call as a success without a body, e.g. 409 "already installed". */
  okStatuses?: readonly number[];
  /** Refines the mapping of a permanent 4xx before the generic one (e.g. invitation 400). */
  mapClientError?: (status: number, graphCode: string) => ErrorCode | undefined;
  /** Extra request headers, e.g. `ConsistencyLevel: eventual` for advanced directory queries. */
  headers?: Readonly<Record<string, string>>;
  /** This call's own retry bounds and per-attempt timeout, e.g. shorter while someone waits in a chat. */
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

export interface GraphResponse<T> {
  status: number;
  data: T;
}

export interface GraphHttp {
  baseUrl: string;
  request<S extends z.ZodType>(req: GraphRequest<S> & { schema: S }): Promise<GraphResponse<z.output<S>>>;
  request(req: GraphRequest<z.ZodType> & { schema?: undefined }): Promise<GraphResponse<undefined>>;
}

/** Statuses Graph may answer with a Retry-After worth honouring (Microsoft Learn, "Microsoft Graph throttling guidance"). */
const HONOURS_RETRY_AFTER = new Set([429, 503]);

/**
 * A fetch-based Graph client: bearer token per attempt, a timeout per attempt, Retry-After on 429/503,
 * exponential backoff with full jitter on other 5xx and network errors, all bounded by the retry policy.
 * Every failure leaves as an AppError with a catalogue code; `isTransient` tells the caller which to retry.
 */
export function createGraphHttp(opts: GraphHttpOptions): GraphHttp {
  const baseUrl = opts.baseUrl.replace(/\/+$/, "");
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
  const sleep = opts.sleep ?? realSleep;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;

  async function request(req: GraphRequest<z.ZodType>): Promise<GraphResponse<unknown>> {
    const callPolicy: RetryPolicy = req.retry ? { ...policy, ...req.retry } : policy;
    const callTimeoutMs = req.timeoutMs ?? timeoutMs;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const failure: GraphFailure = {
        method: req.method,
        path: req.path,
        status: 0,
        graphCode: "",
        graphMessage: "",
        attempts: attempt,
      };
      let retryAfter: number | null = null;
      try {
        const token = await opts.getToken();
        const res = await doFetch(`${baseUrl}${req.path}`, {
          method: req.method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: "application/json",
            ...(req.body === undefined ? {} : { "Content-Type": "application/json" }),
            ...req.headers,
          },
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: AbortSignal.timeout(callTimeoutMs),
        });
        const text = await res.text();
        if ((res.status >= 200 && res.status < 300) || req.okStatuses?.includes(res.status)) {
          return { status: res.status, data: res.ok && req.schema ? parseBody(req.schema, text, failure) : undefined };
        }
        Object.assign(failure, describeFailure(res, text));
        if (HONOURS_RETRY_AFTER.has(res.status)) retryAfter = parseRetryAfter(res.headers.get("retry-after"));
        if (res.status < 500 && res.status !== 429) {
          throw graphError(req.mapClientError?.(res.status, failure.graphCode) ?? clientErrorCode(res.status), failure);
        }
      } catch (e) {
        if (e instanceof AppError) throw e;
        // Network error, timeout, or a transient token failure: retried like a 5xx.
        failure.graphCode = e instanceof Error ? e.name : "NetworkError";
        failure.graphMessage = e instanceof Error ? e.message : String(e);
      }

      const delay = retryAfter ?? backoffDelay(attempt, callPolicy, opts.random);
      if (attempt >= callPolicy.maxAttempts || waited + delay > callPolicy.maxTotalDelayMs) {
        const code: ErrorCode = failure.status === 429 ? "GRAPH_THROTTLED" : "GRAPH_UNAVAILABLE";
        throw graphError(code, failure, retryAfter === null ? {} : { retryAfterSeconds: Math.ceil(retryAfter / 1000) });
      }
      opts.onRetry?.({
        method: req.method,
        path: req.path,
        attempt,
        ...(failure.status ? { status: failure.status } : {}),
        delayMs: delay,
        fromRetryAfter: retryAfter !== null,
      });
      await sleep(delay);
      waited += delay;
    }
  }

  return { baseUrl, request: request as GraphHttp["request"] };
}

function parseBody(schema: z.ZodType, text: string, failure: GraphFailure): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw graphError("GRAPH_BAD_RESPONSE", { ...failure, graphMessage: "Response body is not JSON" });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw graphError("GRAPH_BAD_RESPONSE", { ...failure, graphMessage: parsed.error.message });
  }
  return parsed.data;
}

function describeFailure(
  res: Response,
  text: string,
): Pick<GraphFailure, "status" | "graphCode" | "graphMessage" | "requestId"> {
  let graphCode = "";
  let graphMessage = "";
  try {
    const body = graphErrorBodySchema.safeParse(JSON.parse(text));
    if (body.success) ({ code: graphCode, message: graphMessage } = body.data.error);
  } catch {
    graphMessage = text.slice(0, 200);
  }
  const requestId = res.headers.get("request-id") ?? undefined;
  return { status: res.status, graphCode, graphMessage, ...(requestId ? { requestId } : {}) };
}
