import type { Change, ChangeLogRepository } from "../repos/changes";

/** Changes per append: one transaction holds the version row and up to 99 change rows. */
const MAX_PER_APPEND = 99;

interface Batch {
  changes: Change[];
  logged: Promise<void>;
}

/**
 * Appends this process's changes to the firms' logs, one append at a time per firm: changes made while
 * an append runs wait for it and go together in the next one, so concurrent writes of one instance do
 * not race each other for the version row's ETag (instances still may, and retry).
 */
export class ChangeWriter {
  /** The batch still taking changes, per firm. */
  private readonly open = new Map<string, Batch>();
  /** The last append started or queued, per firm. */
  private readonly tail = new Map<string, Promise<void>>();

  constructor(private readonly changeLog: Pick<ChangeLogRepository, "append">) {}

  log(tenantId: string, change: Change): Promise<void> {
    let batch = this.open.get(tenantId);
    if (!batch || batch.changes.length >= MAX_PER_APPEND) batch = this.queue(tenantId);
    batch.changes.push(change);
    return batch.logged;
  }

  private queue(tenantId: string): Batch {
    const changes: Change[] = [];
    const previous = this.tail.get(tenantId) ?? Promise.resolve();
    const logged = previous
      .catch(() => undefined)
      .then(async () => {
        if (this.open.get(tenantId)?.changes === changes) this.open.delete(tenantId);
        await this.changeLog.append(tenantId, changes);
      });
    const batch = { changes, logged };
    this.open.set(tenantId, batch);
    this.tail.set(tenantId, logged);
    void logged
      .catch(() => undefined)
      .then(() => {
        if (this.tail.get(tenantId) === logged) this.tail.delete(tenantId);
      });
    return batch;
  }
}
