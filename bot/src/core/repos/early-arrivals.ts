import type { TableClient } from "@azure/data-tables";
import { AppError } from "@comptoir/shared";
import { earlyArrivalSchema, type EarlyArrival } from "@comptoir/shared/api/client-space";
import { commit, create } from "../storage/batch";
import { deleteRows } from "../storage/delete-rows";
import { toDocument } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { collect, listDocuments } from "../storage/reads";

/**
 * Table `earlyArrivals`, PartitionKey = tenant id: `e|<dossierId>|<contactId>`, a client who came to consult a
 * dossier before its space was open (issue 18). Insert-only: however many pages the client reloads, on whichever
 * instance, one row is written and the firm is told once.
 */
export class EarlyArrivalRepository {
  constructor(private readonly table: TableClient) {}

  /** `false` when this contact was already recorded for this dossier. */
  async record(tenantId: string, arrival: EarlyArrival): Promise<boolean> {
    try {
      const row = toDocument(firmPartition(tenantId), key("e", arrival.dossierId, arrival.contactId), arrival);
      await commit(this.table, [create(row)]);
      return true;
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") return false;
      throw e;
    }
  }

  async listByDossier(tenantId: string, dossierId: string): Promise<EarlyArrival[]> {
    const rows = await collect(
      listDocuments(this.table, earlyArrivalSchema, firmPartition(tenantId), `${key("e", dossierId)}|`),
    );
    return rows.map((r) => r.value);
  }

  /** Every dossier the contact came to early: a scan of the firm's rows, for the RGPD export and erasure. */
  async listByContact(tenantId: string, contactId: string): Promise<EarlyArrival[]> {
    const rows = await collect(listDocuments(this.table, earlyArrivalSchema, firmPartition(tenantId), `${key("e")}|`));
    return rows.map((r) => r.value).filter((a) => a.contactId === contactId);
  }

  /** Erasure: removes these rows (already gone counts as done). */
  async deleteArrivals(tenantId: string, contactId: string, dossierIds: readonly string[]): Promise<void> {
    await deleteRows(
      this.table,
      firmPartition(tenantId),
      dossierIds.map((dossierId) => key("e", dossierId, contactId)),
    );
  }
}
