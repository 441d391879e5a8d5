import type { TableClient, TableEntityResult } from "@azure/data-tables";
import { auditEventSchema, type AuditEvent } from "@comptoir/shared";
import { fromDocument, toDocument } from "../storage/document";
import { mapStorageErrors, statusOf } from "../storage/errors";
import { escapeKey, firmPartition, key, odataString } from "../storage/keys";

/** Larger than any millisecond timestamp until the year 2286; inverted so newer events sort first. */
const MAX_MS = 9_999_999_999_999;

/**
 * Table `audit`, append-only. PartitionKey = `<tenant>|dossier|<dossierId>` for a dossier's events (its
 * history is one partition, newest first), `<tenant>|firm` for the rest; RowKey = inverted time `|` event id.
 */
export class AuditRepository {
  constructor(private readonly table: TableClient) {}

  static partition(tenantId: string, dossierId?: string): string {
    return dossierId ? firmPartition(tenantId, "dossier", dossierId) : firmPartition(tenantId, "firm");
  }

  async append(tenantId: string, events: readonly AuditEvent[]): Promise<void> {
    await Promise.all(
      events.map((event) => {
        const inverted = String(MAX_MS - Date.parse(event.at)).padStart(13, "0");
        const row = toDocument(AuditRepository.partition(tenantId, event.dossierId), key(inverted, event.id), event, {
          action: event.action,
        });
        return mapStorageErrors(() => this.table.createEntity(row));
      }),
    );
  }

  /**
   * Retention: deletes the firm's events strictly older than `cutoff`, in every partition (firm and
   * dossiers); returns how many this call deleted. Idempotent and safe when two instances run it at
   * once: a row another instance deleted first (404) is skipped.
   */
  async deleteOlderThan(tenantId: string, cutoff: Date): Promise<number> {
    const firstOlder = String(MAX_MS - cutoff.getTime() + 1).padStart(13, "0");
    // Every partition of the firm starts with `<tenant>|`; `}` is the character after `|`.
    const tenant = odataString(escapeKey(tenantId));
    const filter = `PartitionKey ge '${tenant}|' and PartitionKey lt '${tenant}}' and RowKey ge '${firstOlder}'`;
    let deleted = 0;
    const rows = this.table.listEntities<{ partitionKey: string; rowKey: string }>({
      queryOptions: { filter, select: ["PartitionKey", "RowKey"] },
    });
    for await (const row of rows) {
      const gone = await this.table.deleteEntity(row.partitionKey, row.rowKey).then(
        () => true,
        (e: unknown) => {
          if (statusOf(e) === 404) return false;
          throw e;
        },
      );
      if (gone) deleted++;
    }
    return deleted;
  }

  /** One page of a dossier's history, newest first; `cursor` is the store's continuation token. */
  async pageForDossier(
    tenantId: string,
    dossierId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: AuditEvent[]; cursor: string | null }> {
    const filter = `PartitionKey eq '${odataString(AuditRepository.partition(tenantId, dossierId))}'`;
    const pages = this.table
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: limit, continuationToken: cursor });
    const page = await pages.next();
    if (page.done) return { items: [], cursor: null };
    return {
      items: page.value.map((entity) => fromDocument(auditEventSchema, entity).value),
      cursor: page.value.continuationToken ?? null,
    };
  }

  /** Every event of the firm, all partitions (the RGPD export and erasure read them). */
  async *all(tenantId: string): AsyncGenerator<AuditEvent> {
    for await (const row of this.firmRows(tenantId)) yield fromDocument(auditEventSchema, row).value;
  }

  /**
   * Rewrites in place every event `change` returns a new version of (the erasure's pseudonymisation);
   * same keys, so the history keeps its order. A row deleted meanwhile (retention) is skipped. Idempotent
   * when `change` is. Returns how many rows were rewritten.
   */
  async rewrite(tenantId: string, change: (event: AuditEvent) => AuditEvent | null): Promise<number> {
    let rewritten = 0;
    for await (const row of this.firmRows(tenantId)) {
      if (await this.rewriteRow(row, change)) rewritten++;
    }
    return rewritten;
  }

  /** Under the row's ETag: a concurrent rewrite (another erasure naming the same event) is re-read and applied on top. */
  private async rewriteRow(
    first: TableEntityResult<Record<string, unknown>>,
    change: (event: AuditEvent) => AuditEvent | null,
  ): Promise<boolean> {
    let row = first;
    for (let attempt = 0; ; attempt++) {
      const next = change(fromDocument(auditEventSchema, row).value);
      if (!next || row.partitionKey === undefined || row.rowKey === undefined) return false;
      const entity = toDocument(row.partitionKey, row.rowKey, next, { action: next.action });
      try {
        await this.table.updateEntity(entity, "Replace", { etag: row.etag });
        return true;
      } catch (e) {
        const status = statusOf(e);
        if (status === 404) return false;
        if (status !== 412 || attempt >= 3) throw e;
      }
      row = await this.table.getEntity<Record<string, unknown>>(row.partitionKey, row.rowKey);
    }
  }

  private firmRows(tenantId: string) {
    const tenant = odataString(escapeKey(tenantId));
    const filter = `PartitionKey ge '${tenant}|' and PartitionKey lt '${tenant}}'`;
    return this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } });
  }
}
