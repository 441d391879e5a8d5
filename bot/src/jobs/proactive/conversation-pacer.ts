/** At most `limit` sends in any `ms` milliseconds. */
export interface SendWindow {
  limit: number;
  ms: number;
}

/**
 * Teams' documented "per bot per thread" limits for sending to one conversation (7 per second, 8 per
 * 2 s, 60 per 30 s, 1,800 per hour). Windows are stretched by `margin` so that network jitter between our
 * clock and the service's never lands a send inside a full window.
 */
export const TEAMS_SEND_WINDOWS: readonly SendWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/** One conversation's send history, checked against every window at once (one history, so no window can lag). */
class Pacer {
  private readonly sent: number[] = [];
  private turn: Promise<void> = Promise.resolve();
  pending = 0;
  lastUse = 0;

  constructor(
    private readonly windows: readonly SendWindow[],
    private readonly longestMs: number,
    private readonly now: () => number,
  ) {}

  take(): Promise<void> {
    this.pending++;
    const mine = this.turn.then(() => this.wait());
    this.turn = mine.catch(() => undefined);
    return mine.finally(() => {
      this.pending--;
      this.lastUse = this.now();
    });
  }

  private async wait(): Promise<void> {
    for (;;) {
      const t = this.now();
      while (this.sent.length > 0 && (this.sent[0] ?? 0) <= t - this.longestMs) this.sent.shift();
      const delay = this.delayAt(t);
      if (delay <= 0) {
        this.sent.push(t);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /** How long a send would wait now, ignoring the callers already queued. */
  delayNow(): number {
    return Math.max(0, this.delayAt(this.now()));
  }

  /** How long until every window has room: the oldest send inside a full window must leave it first. */
  private delayAt(t: number): number {
    let delay = 0;
    for (const w of this.windows) {
      const inside = this.sent.filter((s) => s > t - w.ms);
      if (inside.length < w.limit) continue;
      const blocker = inside[inside.length - w.limit] ?? t;
      delay = Math.max(delay, blocker + w.ms - t + 1);
    }
    return delay;
  }
}

/**
 * Paces sends per conversation (replies and proactive messages alike), so the bot stays under Teams'
 * limits instead of learning them from 429s. Callers are served in order within a conversation.
 */
export class ConversationPacer {
  private readonly pacers = new Map<string, Pacer>();
  private readonly windows: SendWindow[];
  private readonly longestMs: number;
  private lastPrune = 0;

  constructor(
    windows: readonly SendWindow[] = TEAMS_SEND_WINDOWS,
    margin = 0.1,
    private readonly now: () => number = Date.now,
  ) {
    this.windows = windows.map((w) => ({ limit: w.limit, ms: Math.ceil(w.ms * (1 + margin)) }));
    this.longestMs = Math.max(0, ...this.windows.map((w) => w.ms));
  }

  take(conversationId: string): Promise<void> {
    let pacer = this.pacers.get(conversationId);
    if (!pacer) {
      this.prune();
      pacer = new Pacer(this.windows, this.longestMs, this.now);
      this.pacers.set(conversationId, pacer);
    }
    return pacer.take();
  }

  /** How long a send to this conversation would wait now (callers already waiting come first on top of it). */
  delay(conversationId: string): number {
    return this.pacers.get(conversationId)?.delayNow() ?? 0;
  }

  /** Conversations currently tracked (tests). */
  get size(): number {
    return this.pacers.size;
  }

  /** Forgets conversations idle for longer than the longest window: their history no longer matters. */
  private prune(): void {
    const t = this.now();
    if (t - this.lastPrune < 60_000) return;
    this.lastPrune = t;
    const cutoff = t - this.longestMs;
    for (const [id, pacer] of this.pacers) if (pacer.pending === 0 && pacer.lastUse < cutoff) this.pacers.delete(id);
  }
}
