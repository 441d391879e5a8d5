/**
 * Work a request starts and does not wait for (the clients' import notices, the cleanup of replaced
 * imports). A failure is logged, never thrown at nobody; `idle()` resolves once the work started so far
 * is done (tests, shutdown). Work lost with the process is not retried here: each user says why that is
 * acceptable (the next import collects what a lost cleanup left; a notice is sent at most once).
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly log: (message: string, error?: unknown) => void) {}

  start(label: string, work: () => Promise<void>): void {
    const done: Promise<void> = work()
      .catch((e: unknown) => this.log(`${label} failed`, e))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }
}
