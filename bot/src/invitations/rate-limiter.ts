/**
 * A token bucket: at most `capacity` takes per `windowMs`, refilled continuously. Pacing on our side
 * keeps us under Microsoft's limits instead of learning them from 429s.
 */
export class RateLimiter {
  private tokens: number;
  private last: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly capacity: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Waits for a token; callers are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) * this.capacity) / this.windowMs);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const ms = ((1 - this.tokens) * this.windowMs) / this.capacity;
      await new Promise((r) => setTimeout(r, Math.ceil(ms)));
    }
  }
}
