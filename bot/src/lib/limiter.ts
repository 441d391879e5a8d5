/** At most `limit` (a positive integer) takes in any `ms` milliseconds. */
export interface RateWindow {
  limit: number;
  ms: number;
}

export interface LimiterOptions {
  /**
   * Stretches every window by this fraction (0.1: 10 % longer), so that jitter between our clock and the
   * service's never lands a take inside a window the service still sees as full. Default 0.
   */
  margin?: number;
  now?: () => number;
}

/**
 * The earliest time at or after `t` at which every window has room, given the takes so far (`taken`, in
 * time order): in a full window, the `limit`-th newest take must leave it first. Shared by the in-process
 * limiters and the storage-backed one (several instances reserving slots in one history).
 */
export function nextSlot(taken: readonly number[], windows: readonly RateWindow[], t: number): number {
  let slot = t;
  for (const w of windows) {
    const blocker = taken[taken.length - w.limit];
    if (blocker !== undefined && blocker > slot - w.ms) slot = Math.max(slot, blocker + w.ms + 1);
  }
  return slot;
}

export function stretched(windows: readonly RateWindow[], margin = 0): RateWindow[] {
  for (const w of windows) if (!Number.isInteger(w.limit) || w.limit < 1) throw new RangeError(`limit ${w.limit}`);
  return windows.map((w) => ({ limit: w.limit, ms: Math.ceil(w.ms * (1 + margin)) }));
}

/**
 * Sliding-window limiter over several windows at once (Graph's "150 per 5 s", Teams' "7 per second, 8 per
 * 2 s, 60 per 30 s, 1,800 per hour"): pacing on our side keeps us under a service's limits instead of
 * learning them from 429s. Hand-written: maintained libraries do not model Microsoft's documented sliding
 * windows, several at once (`bottleneck` refills a reservoir, `limiter` is a token bucket).
 *
 * One history serves every window, so no window can lag behind another; callers are served in order.
 */
export class Limiter {
  private readonly windows: readonly RateWindow[];
  private readonly longestMs: number;
  private readonly now: () => number;
  /** Times of the takes still inside the longest window, oldest first. */
  private readonly taken: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(windows: readonly RateWindow[], options: LimiterOptions = {}) {
    this.windows = stretched(windows, options.margin);
    this.longestMs = Math.max(0, ...this.windows.map((w) => w.ms));
    this.now = options.now ?? Date.now;
  }

  /** Waits until every window has room, after the callers already waiting. */
  take(): Promise<void> {
    this.pending++;
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn.finally(() => this.pending--);
  }

  /** How long a take would wait now, not counting the callers already waiting (they come first). */
  delay(): number {
    return Math.max(0, this.delayAt(this.now()));
  }

  /** Nothing waiting and no take inside any window: this history no longer matters. */
  idle(): boolean {
    const last = this.taken.at(-1);
    return this.pending === 0 && (last === undefined || last <= this.now() - this.longestMs);
  }

  private async wait(): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.taken.length > 0 && (this.taken[0] ?? t) <= t - this.longestMs) this.taken.shift();
      const delay = this.delayAt(t);
      if (delay <= 0) {
        this.taken.push(t);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private delayAt(t: number): number {
    return nextSlot(this.taken, this.windows, t) - t;
  }
}

/** Forget idle keys at most this often, when a new key comes. */
const PRUNE_EVERY_MS = 60_000;

/**
 * One `Limiter` per key (a Teams conversation, say): keys are paced independently. Idle keys are forgotten
 * when new ones come, so memory follows the keys in use, not every key ever seen.
 */
export class KeyedLimiter {
  private readonly limiters = new Map<string, Limiter>();
  private readonly windows: readonly RateWindow[];
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(windows: readonly RateWindow[], options: LimiterOptions = {}) {
    this.windows = stretched(windows, options.margin);
    this.now = options.now ?? Date.now;
  }

  take(key: string): Promise<void> {
    let limiter = this.limiters.get(key);
    if (!limiter) {
      this.prune();
      limiter = new Limiter(this.windows, { now: this.now });
      this.limiters.set(key, limiter);
    }
    return limiter.take();
  }

  /** How long a take for this key would wait now (callers already waiting come first on top of it). */
  delay(key: string): number {
    return this.limiters.get(key)?.delay() ?? 0;
  }

  /** Keys currently tracked (tests). */
  get size(): number {
    return this.limiters.size;
  }

  private prune(): void {
    const t = this.now();
    if (t - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = t;
    for (const [key, limiter] of this.limiters) if (limiter.idle()) this.limiters.delete(key);
  }
}
