/**
 * Heavy work (FEC imports, file exports, reads that scan a whole import) holds memory and CPU for seconds:
 * this gate bounds how much runs at once on a server, `slots` in all and `perPerson` for any one caller, so
 * that one client cannot starve the others. A caller over their own share is refused at once; a caller who
 * finds every slot taken waits up to `waitMs` (in order of arrival), then is refused. Work sharing an
 * `exclusive` key (an import of one exercice) never overlaps: the second is refused at once.
 */
import { AppError, type ErrorCode } from "@comptoir/shared";

export interface WorkGateOptions {
  slots: number;
  perPerson: number;
  waitMs: number;
  /** The refusal when the exclusive key is taken (e.g. FEC_IMPORT_BUSY). */
  exclusiveBusy?: ErrorCode;
  /** The refusal when no slot frees up within `waitMs`; SERVER_BUSY unless told (imports keep FEC_IMPORT_BUSY). */
  busy?: ErrorCode;
}

export type Release = () => void;

export class WorkGate {
  private running = 0;
  private readonly perPerson = new Map<string, number>();
  private readonly exclusive = new Set<string>();
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly opts: WorkGateOptions) {
    if (opts.slots < 1 || opts.perPerson < 1) throw new RangeError("A work gate needs at least one slot");
  }

  /** Work under this exclusive key is running now. */
  isActive(exclusiveKey: string): boolean {
    return this.exclusive.has(exclusiveKey);
  }

  /** How many pieces of work hold a slot now (tests, metrics). */
  get inFlight(): number {
    return this.running;
  }

  /** How many callers wait for a slot now (tests, metrics). */
  get queued(): number {
    return this.waiters.length;
  }

  /** Resolves with the release to call once the work is done (exactly once; later calls do nothing). */
  async acquire(person: string, exclusiveKey?: string): Promise<Release> {
    if (exclusiveKey !== undefined && this.exclusive.has(exclusiveKey))
      throw this.refusal(this.opts.exclusiveBusy ?? "SERVER_BUSY");
    const mine = this.perPerson.get(person) ?? 0;
    if (mine >= this.opts.perPerson) throw this.refusal("TOO_MANY_REQUESTS");
    // Counted before waiting, so a caller cannot queue more than their share either.
    this.perPerson.set(person, mine + 1);
    if (exclusiveKey !== undefined) this.exclusive.add(exclusiveKey);
    try {
      // A released slot is handed straight to the next waiter, so `running` never overshoots.
      if (this.running < this.opts.slots) this.running++;
      else await this.waitForSlot();
    } catch (e) {
      this.forget(person, exclusiveKey);
      throw e;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.forget(person, exclusiveKey);
      const next = this.waiters.shift();
      if (next) next();
      else this.running--;
    };
  }

  private forget(person: string, exclusiveKey: string | undefined): void {
    const left = (this.perPerson.get(person) ?? 1) - 1;
    if (left > 0) this.perPerson.set(person, left);
    else this.perPerson.delete(person);
    if (exclusiveKey !== undefined) this.exclusive.delete(exclusiveKey);
  }

  /** The edge answers `retryAfter` as a Retry-After header: about one wait period, at least a second. */
  private refusal(code: ErrorCode): AppError {
    return new AppError(code, { retryAfter: Math.max(1, Math.ceil(this.opts.waitMs / 1000)) });
  }

  private waitForSlot(): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(wake);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(this.refusal(this.opts.busy ?? "SERVER_BUSY"));
      }, this.opts.waitMs);
      this.waiters.push(wake);
    });
  }
}
