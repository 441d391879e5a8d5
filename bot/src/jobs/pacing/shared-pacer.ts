import type { RateSlotRepository } from "../../core/repos/rate-slots";
import { KeyedLimiter, stretched, type RateWindow } from "../../lib/limiter";
import { isStorageUnreachable, OutageTracker } from "../../lib/storage-faults";

/** Paces calls per subject (a tenant, a mailbox, a conversation). */
export interface Pacer {
  /** Waits until a call for `subject` fits every window. */
  take(subject: string): Promise<void>;
  /** How long a take for `subject` would wait now. */
  delay(subject: string): Promise<number>;
}

/** Reservations per write: a bounded history row, and a fair share for other instances. */
const MAX_BATCH = 100;
/** A reservation slower than this (storage in trouble) does not push every later slot further out. */
const MAX_LEAD_MS = 1000;

export interface SharedPacerOptions {
  /** Stretches every window by this fraction, as `Limiter` does. */
  margin?: number;
  now?: () => number;
}

/**
 * A pacer whose history lives in storage (`RateSlotRepository`), so that a service's limit holds for the
 * whole deployment, not per instance: each take reserves a slot that no other instance can get, then
 * waits for it. This instance's reservations for one subject go one at a time (no conflicts among
 * ourselves), several at once; the waits overlap. While storage is unreachable, pacing falls back to this instance's
 * memory: calls keep their pace per instance rather than stop, and the outage is logged once.
 */
export class SharedPacer implements Pacer {
  private readonly windows: readonly RateWindow[];
  private readonly now: () => number;
  /** Takes waiting for a reservation, per subject, while one is in flight. */
  private readonly waiting = new Map<string, { resolve(slot: number): void; reject(e: unknown): void }[]>();
  private readonly fallback: KeyedLimiter;
  private readonly outage: OutageTracker;
  /** While storage is down, the next time it is tried again (takes in between pace from memory). */
  private retryStorageAt = 0;
  /** How long the last reservation took to be stored. */
  private lead = 0;

  constructor(
    private readonly slots: RateSlotRepository,
    private readonly name: string,
    windows: readonly RateWindow[],
    options: SharedPacerOptions = {},
  ) {
    this.windows = stretched(windows, options.margin);
    this.now = options.now ?? Date.now;
    this.fallback = new KeyedLimiter(this.windows, { now: this.now });
    this.outage = new OutageTracker(`pacing ${name}`);
  }

  async take(subject: string): Promise<void> {
    if (this.outage.down && this.now() < this.retryStorageAt) return this.fallback.take(subject);
    let slot: number;
    try {
      slot = await this.reserve(subject);
      this.outage.recovered();
    } catch (e) {
      if (!isStorageUnreachable(e)) throw e;
      this.retryStorageAt = this.now() + this.outage.failed(e);
      return this.fallback.take(subject);
    }
    const wait = slot - this.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  async delay(subject: string): Promise<number> {
    if (this.outage.down && this.now() < this.retryStorageAt) return this.fallback.delay(subject);
    try {
      const t = this.now();
      return Math.max(0, (await this.slots.peek(this.name, subject, this.windows, t)) - t);
    } catch (e) {
      if (!isStorageUnreachable(e)) throw e;
      return this.fallback.delay(subject);
    }
  }

  /**
   * One reservation at a time per subject from this instance, in call order: the takes that arrive while
   * one is in flight are reserved together by the next, in one read and one write.
   */
  private reserve(subject: string): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const waiting = this.waiting.get(subject);
      if (waiting) return waiting.push({ resolve, reject });
      this.waiting.set(subject, [{ resolve, reject }]);
      void this.drain(subject);
    });
  }

  private async drain(subject: string): Promise<void> {
    const waiting = this.waiting.get(subject) ?? [];
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_BATCH);
      try {
        // Slots are chosen before the reservation is stored: chosen `lead` ahead, a slot is not already past when the
        // call can go out, so calls reach the service spaced as their slots are (a late call of one window followed by
        // an on-time call of the next would exceed a sliding limit, as Graph's 429s showed).
        const started = this.now();
        const ahead = () => this.now() + this.lead;
        const slots = await this.slots.reserve(this.name, subject, this.windows, ahead, batch.length);
        this.lead = Math.min(MAX_LEAD_MS, this.now() - started);
        batch.forEach((w, i) => w.resolve(slots[i] ?? this.now()));
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    this.waiting.delete(subject);
  }
}
