import type { TableClient } from "@azure/data-tables";
import { auditEventSchema, type AuditEvent } from "@comptoir/shared";
import { fromDocument, toDocument } from "../storage/document";
import { mapStorageErrors } from "../storage/errors";
import { firmPartition, key, odataString } from "../storage/keys";

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
}
