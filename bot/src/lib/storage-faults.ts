/**
 * Storage outages: the Azure SDKs' retry settings, how to recognise "storage is unreachable", and the
 * bounded backoff and one-line logs of background loops while it is.
 */

/**
 * Table clients (core-rest-pipeline): 3 tries within about 1 s instead of the default 4 over ~7 s, so a
 * request fails fast with STORAGE_UNAVAILABLE and a stop is never held up by retries.
 */
export const TABLE_RETRY_OPTIONS = { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 } as const;

/** Queue and blob clients (storage pipeline): the default is 4 tries 4 s apart, doubling up to 2 min. */
export const STORAGE_PIPELINE_RETRY_OPTIONS = { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1_000 } as const;

/**
 * The storage service did not answer (refused, reset, timed out) or said it is unavailable (503). Only the
 * Azure SDKs' `RestError` counts: Graph's or the Bot Connector's network errors are not storage outages.
 */
export function isStorageUnreachable(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { name, statusCode } = e as { name?: unknown; statusCode?: unknown };
  return name === "RestError" && (statusCode === undefined || statusCode === 503);
}

const describe = (e: unknown): string => {
  const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === "string" ? code : typeof message === "string" ? message.slice(0, 120) : String(e);
};

/**
 * A background loop's view of an outage: one line when it starts, one when it ends (never a stack per
 * poll), and the wait before the next try: doubling from `firstMs` up to `maxMs`.
 */
export class OutageTracker {
  private since: number | null = null;
  private failures = 0;

  constructor(
    private readonly name: string,
    private readonly firstMs = 500,
    private readonly maxMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get down(): boolean {
    return this.since !== null;
  }

  /** Records a failed try; returns how long to wait before the next. */
  failed(e: unknown): number {
    if (this.since === null) {
      this.since = this.now();
      console.warn(
        `[${this.name}] storage unreachable (${describe(e)}); retrying with backoff up to ${this.maxMs / 1000} s`,
      );
    }
    const wait = Math.min(this.maxMs, this.firstMs * 2 ** this.failures);
    this.failures++;
    return wait;
  }

  /** Records a successful try; logs the end of an outage. */
  recovered(): void {
    if (this.since === null) return;
    const seconds = ((this.now() - this.since) / 1000).toFixed(1);
    console.warn(`[${this.name}] storage reachable again after ${seconds} s`);
    this.since = null;
    this.failures = 0;
  }
}
