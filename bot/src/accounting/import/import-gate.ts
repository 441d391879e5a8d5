import { AppError } from "@comptoir/shared";

/**
 * Imports are memory-heavy (the entry blob's frames waiting for compression and storage, the aggregates
 * and bucket counters) and long, so a server runs few at a time: `slots` concurrent imports, a caller
 * waiting at most `waitMs` for one; two imports of the same exercice never overlap (the second is
 * refused at once).
 */
export class ImportGate {
  private running = 0;
  private readonly busy = new Set<string>();
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly slots = 1,
    private readonly waitMs = 30_000,
  ) {}

  isActive(lockKey: string): boolean {
    return this.busy.has(lockKey);
  }

  async acquire(lockKey: string): Promise<() => void> {
    if (this.busy.has(lockKey)) throw new AppError("FEC_IMPORT_BUSY");
    this.busy.add(lockKey);
    try {
      // A released slot is handed straight to the next waiter, so `running` never overshoots.
      if (this.running < this.slots) this.running++;
      else await this.waitForSlot();
    } catch (e) {
      this.busy.delete(lockKey);
      throw e;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busy.delete(lockKey);
      const next = this.waiters.shift();
      if (next) next();
      else this.running--;
    };
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
        reject(new AppError("FEC_IMPORT_BUSY"));
      }, this.waitMs);
      this.waiters.push(wake);
    });
  }
}
