import { AppError } from "@comptoir/shared";
import type { TableClient } from "@azure/data-tables";
import { dossierCodeKey, dossierSchema, type Dossier } from "@comptoir/shared";
import { MAX_BATCH_OPS, commit, create, deleteUnderEtag, remove, replace } from "../storage/batch";
import { toDocument, type Versioned } from "../storage/document";
import { firmPartition, key } from "../storage/keys";
import { getDocument, getIndexValue, listDocuments } from "../storage/reads";

/**
 * Table `dossiers`, one partition per firm (PartitionKey = tenant id):
 * - `d|<id>`: the dossier document, plus `code` and `name` columns;
 * - `code|<CODE>`: the code's uniqueness row, written in the same transaction as the dossier.
 */
export class DossierRepository {
  constructor(private readonly table: TableClient) {}

  private row(tenantId: string, dossier: Dossier) {
    return toDocument(firmPartition(tenantId), key("d", dossier.id), dossier, {
      code: dossier.code,
      name: dossier.name,
    });
  }

  private codeRow(tenantId: string, dossier: Pick<Dossier, "id" | "code">) {
    return {
      partitionKey: firmPartition(tenantId),
      rowKey: key("code", dossierCodeKey(dossier.code)),
      dossierId: dossier.id,
    };
  }

  get(tenantId: string, id: string): Promise<Versioned<Dossier> | null> {
    return getDocument(this.table, dossierSchema, firmPartition(tenantId), key("d", id));
  }

  findIdByCode(tenantId: string, code: string): Promise<string | null> {
    return getIndexValue(this.table, firmPartition(tenantId), key("code", dossierCodeKey(code)), "dossierId");
  }

  async create(tenantId: string, dossier: Dossier): Promise<string> {
    const [etag = ""] = await commit(
      this.table,
      [create(this.row(tenantId, dossier)), create(this.codeRow(tenantId, dossier))],
      "DOSSIER_CODE_TAKEN",
    );
    return etag;
  }

  /** Bulk insert for seeding: 50 dossiers (100 rows) per transaction; a taken code fails its batch. */
  async createMany(
    tenantId: string,
    dossiers: readonly Dossier[],
    opts: { skipExisting?: boolean } = {},
  ): Promise<void> {
    for (let i = 0; i < dossiers.length; i += MAX_BATCH_OPS / 2) {
      const chunk = dossiers.slice(i, i + MAX_BATCH_OPS / 2);
      await commit(
        this.table,
        chunk.flatMap((d) => [create(this.row(tenantId, d)), create(this.codeRow(tenantId, d))]),
        "DOSSIER_CODE_TAKEN",
      ).catch((e: unknown) => {
        // Batches are atomic: with skipExisting, a batch that already landed is left as it is.
        if (!(opts.skipExisting && e instanceof AppError && e.code === "DOSSIER_CODE_TAKEN")) throw e;
      });
    }
  }

  /** Replaces the dossier if nobody changed it since `etag`; moves the code row when the code changed. */
  async update(tenantId: string, before: Dossier, after: Dossier, etag: string): Promise<string> {
    const codeChanged = dossierCodeKey(before.code) !== dossierCodeKey(after.code);
    const [newEtag = ""] = await commit(
      this.table,
      [
        replace(this.row(tenantId, after), etag),
        ...(codeChanged ? [create(this.codeRow(tenantId, after)), remove(this.codeRow(tenantId, before))] : []),
      ],
      "DOSSIER_CODE_TAKEN",
    );
    return newEtag;
  }

  delete(tenantId: string, dossier: Dossier, etag: string): Promise<void> {
    return deleteUnderEtag(this.table, firmPartition(tenantId), key("d", dossier.id), etag, [
      remove(this.codeRow(tenantId, dossier)),
    ]);
  }

  /** Every dossier of the firm, page by page (for the portfolio read model). */
  all(tenantId: string): AsyncGenerator<Versioned<Dossier>> {
    return listDocuments(this.table, dossierSchema, firmPartition(tenantId), key("d") + "|");
  }
}
