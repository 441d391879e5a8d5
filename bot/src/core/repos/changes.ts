import type { TableClient, TransactionAction } from "@azure/data-tables";
import { AppError } from "@comptoir/shared";
import { MAX_BATCH_OPS, commit, create, replace } from "../storage/batch";
import { statusOf } from "../storage/errors";
import { firmPartition, key, odataString } from "../storage/keys";

/** What a change names: the read models re-read that document from its own table. */
export type ChangeKind = "dossier" | "subscription" | "contact";

export interface Change {
  kind: ChangeKind;
  id: string;
}

export interface LoggedChange extends Change {
  seq: number;
}

/** Change rows kept per firm; a reader further behind reloads its projection instead. */
export const CHANGES_KEPT = 1_000;
/** Every this many changes, the writer that crosses the mark deletes the rows older than `CHANGES_KEPT`. */
const TRIM_EVERY = 100;
/** Numbers are zero-padded so that RowKey order is numeric order. */
const SEQ_DIGITS = 15;
const VERSION_ROW = "v";
const APPEND_ATTEMPTS = 40;

const seqKey = (seq: number) => key("e", String(seq).padStart(SEQ_DIGITS, "0"));

/**
 * Table `changes`, the firms' change logs, one partition per firm (PartitionKey = tenant id):
 * - `v`: the version row, `seq` = the number of the firm's last change (absent: 0);
 * - `e|<seq, 15 digits>`: one change (`kind`, `entityId`), numbered 1, 2, 3… without gaps.
 * An append writes its change rows and moves `v` under the ETag it read, in one entity-group transaction,
 * so numbers are taken once each and in order even with many writers; a loser re-reads `v` and retries.
 * A reader compares `v` with what it applied (one point read) and reads only the rows in between.
 */
export class ChangeLogRepository {
  constructor(private readonly table: TableClient) {}

  /** The firm's last change number: one point read. */
  async version(tenantId: string): Promise<number> {
    return (await this.versionRow(tenantId)).seq;
  }

  /** Logs `changes` with the next numbers and returns the last one. */
  async append(tenantId: string, changes: readonly Change[]): Promise<number> {
    if (changes.length === 0) return this.version(tenantId);
    if (changes.length >= MAX_BATCH_OPS) throw new Error(`At most ${MAX_BATCH_OPS - 1} changes per append`);
    const pk = firmPartition(tenantId);
    for (let attempt = 1; ; attempt++) {
      const { seq, etag } = await this.versionRow(tenantId);
      const last = seq + changes.length;
      const version = { partitionKey: pk, rowKey: VERSION_ROW, seq: last };
      const ops: TransactionAction[] = [
        etag ? replace(version, etag) : create(version),
        ...changes.map((c, i) =>
          create({ partitionKey: pk, rowKey: seqKey(seq + 1 + i), kind: c.kind, entityId: c.id }),
        ),
      ];
      try {
        await commit(this.table, ops);
      } catch (e) {
        // Another writer took these numbers first (412 on `v`, or 409 on a change row): read `v` again.
        if (!(e instanceof AppError && e.code === "CONFLICT") || attempt >= APPEND_ATTEMPTS) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * Math.min(attempt, 10)));
        continue;
      }
      if (Math.floor(last / TRIM_EVERY) > Math.floor(seq / TRIM_EVERY))
        void this.trim(tenantId, last - CHANGES_KEPT).catch((e: unknown) => console.error("Change log trim failed", e));
      return last;
    }
  }

  /** The changes numbered `after + 1` to `upTo`, in order; fewer than asked when some were trimmed. */
  async since(tenantId: string, after: number, upTo: number): Promise<LoggedChange[]> {
    const pk = odataString(firmPartition(tenantId));
    const filter = `PartitionKey eq '${pk}' and RowKey gt '${seqKey(after)}' and RowKey le '${seqKey(upTo)}'`;
    const out: LoggedChange[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } });
    for await (const row of rows) {
      const { kind, entityId } = row;
      if (!isKind(kind) || typeof entityId !== "string") continue;
      out.push({ seq: Number((row.rowKey ?? "").slice(2)), kind, id: entityId });
    }
    return out;
  }

  /** Deletes change rows numbered up to `upTo` (bounded table growth). */
  async trim(tenantId: string, upTo: number): Promise<void> {
    if (upTo <= 0) return;
    const pk = firmPartition(tenantId);
    const filter = `PartitionKey eq '${odataString(pk)}' and RowKey ge 'e|' and RowKey le '${seqKey(upTo)}'`;
    const keys: string[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ["RowKey"] } }))
      if (row.rowKey) keys.push(row.rowKey);
    for (let i = 0; i < keys.length; i += MAX_BATCH_OPS) {
      const batch = keys
        .slice(i, i + MAX_BATCH_OPS)
        .map((rowKey): TransactionAction => ["delete", { partitionKey: pk, rowKey }]);
      // A concurrent trim may have deleted some rows already: that batch fails as a whole, the next trim retries.
      await this.table.submitTransaction(batch).catch((e: unknown) => {
        if (statusOf(e) !== 404) throw e;
      });
    }
  }

  private async versionRow(tenantId: string): Promise<{ seq: number; etag: string | null }> {
    try {
      const row = await this.table.getEntity<{ seq?: unknown }>(firmPartition(tenantId), VERSION_ROW);
      return { seq: typeof row.seq === "number" ? row.seq : 0, etag: row.etag };
    } catch (e) {
      if (statusOf(e) === 404) return { seq: 0, etag: null };
      throw e;
    }
  }
}

function isKind(value: unknown): value is ChangeKind {
  return value === "dossier" || value === "subscription" || value === "contact";
}
