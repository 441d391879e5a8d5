import type { TableClient } from "@azure/data-tables";
import { importNoticeSchema, type ImportNotice } from "@comptoir/shared/api/import-notices";
import { AppError } from "@comptoir/shared";
import { commit, create, upsert } from "../storage/batch";
import { statusOf } from "../storage/errors";
import { deleteRows } from "../storage/delete-rows";
import { toDocument } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { collect, getDocument, listDocuments } from "../storage/reads";

/**
 * Table `importNotices`, PartitionKey = tenant id:
 * - `n|<dossierId>|<importId>|<contactId>`: who was told of an import. Created once (insert-only) before the
 *   card is queued, so however many notifiers run for an import, each contact is queued at most once; the
 *   queue's consumer then records `sent` or `failed` on it.
 * - `off|<contactId>`: the contact turned the cards off (absent = on). Only the contact's own preference.
 */
export class ImportNoticeRepository {
  constructor(private readonly table: TableClient) {}

  /** `false` when the row already exists: another notifier (or a retry) took this contact for this import. */
  async claim(tenantId: string, notice: ImportNotice): Promise<boolean> {
    try {
      await commit(this.table, [create(this.row(tenantId, notice))]);
      return true;
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") return false;
      throw e;
    }
  }

  async get(tenantId: string, dossierId: string, importId: string, contactId: string): Promise<ImportNotice | null> {
    const found = await getDocument(
      this.table,
      importNoticeSchema,
      firmPartition(tenantId),
      key("n", dossierId, importId, contactId),
    );
    return found?.value ?? null;
  }

  /** Records the outcome of a claimed notice (the row exists: only its claimer's message gets here). */
  async record(tenantId: string, notice: ImportNotice): Promise<void> {
    await commit(this.table, [upsert(this.row(tenantId, notice))]);
  }

  async listByImport(tenantId: string, dossierId: string, importId: string): Promise<ImportNotice[]> {
    const rows = await collect(
      listDocuments(this.table, importNoticeSchema, firmPartition(tenantId), `${key("n", dossierId, importId)}|`),
    );
    return rows.map((r) => r.value);
  }

  async isOptedOut(tenantId: string, contactId: string): Promise<boolean> {
    try {
      await this.table.getEntity(firmPartition(tenantId), key("off", contactId));
      return true;
    } catch (e) {
      if (statusOf(e) === 404) return false;
      throw e;
    }
  }

  async setEnabled(tenantId: string, contactId: string, enabled: boolean, at: string): Promise<void> {
    const partitionKey = firmPartition(tenantId);
    const rowKey = key("off", contactId);
    if (!enabled) {
      await commit(this.table, [upsert({ partitionKey, rowKey, at })]);
      return;
    }
    try {
      await this.table.deleteEntity(partitionKey, rowKey);
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }

  private row(tenantId: string, notice: ImportNotice) {
    return toDocument(firmPartition(tenantId), key("n", notice.dossierId, notice.importId, notice.contactId), notice, {
      status: notice.status,
    });
  }

  /** Every import card a contact was sent (or queued): a scan of the firm's notices, for the RGPD export and erasure. */
  async listByContact(tenantId: string, contactId: string): Promise<ImportNotice[]> {
    const rows = await collect(listDocuments(this.table, importNoticeSchema, firmPartition(tenantId), `${key("n")}|`));
    return rows.map((r) => r.value).filter((n) => n.contactId === contactId);
  }

  /** Erasure: removes these notice rows (already gone counts as done). */
  async deleteNotices(
    tenantId: string,
    contactId: string,
    notices: readonly Pick<ImportNotice, "dossierId" | "importId">[],
  ): Promise<void> {
    await deleteRows(
      this.table,
      firmPartition(tenantId),
      notices.map((n) => key("n", n.dossierId, n.importId, contactId)),
    );
  }
}
