/**
 * A clock for long synchronous work on the event loop (an export decoding a million lines): `pass()`
 * hands the loop back (setImmediate, after pending I/O) once `ms` have gone by since the last hand-back.
 * Awaiting a resolved promise does not: microtasks run before any I/O callback, so work that never waits
 * on I/O would hold every other request (a balance read) until it ends.
 */
export class Turns {
  private started = performance.now();

  constructor(private readonly ms: number) {}

  /** Whether this turn has lasted `ms` (then `pass()` yields). */
  get over(): boolean {
    return performance.now() - this.started >= this.ms;
  }

  async pass(): Promise<void> {
    if (!this.over) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.started = performance.now();
  }
}
