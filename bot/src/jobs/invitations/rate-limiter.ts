/**
 * At most `limit` takes in any `windowMs` (a sliding window, like Microsoft's "150 requests per 5 seconds"):
 * pacing on our side keeps us under the service's limits instead of learning them from 429s.
 */
export class RateLimiter {
  private readonly taken: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Waits for a slot; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.taken.length > 0 && (this.taken[0] ?? 0) <= t - this.windowMs) this.taken.shift();
      if (this.taken.length < this.limit) {
        this.taken.push(t);
        return;
      }
      const oldest = this.taken[0] ?? t;
      await new Promise((r) => setTimeout(r, oldest + this.windowMs - t + 1));
    }
  }
}
