import type { TableClient } from "@azure/data-tables";
import { z } from "zod";
import { AppError } from "@comptoir/shared";
import {
  intakeFileSchema,
  intakeFolderSchema,
  type IntakeFile,
  type IntakeFolder,
} from "@comptoir/shared/api/fec-intake";
import { commit, create, deleteUnderEtag, remove, replace, upsert } from "../../core/storage/batch";
import type { Storage } from "../../core/storage/connection";
import { toDocument, type Versioned } from "../../core/storage/document";
import { statusOf } from "../../core/storage/errors";
import { firmPartition, key, prefixFilter } from "../../core/storage/keys";
import { collect, getDocument, getIndexValue, listDocuments } from "../../core/storage/reads";

export const INTAKE_TABLE = "fecIntake";

/** What Comptoir keeps of one watched drive: where its delta stands and its Graph subscription. */
export const driveStateSchema = z.object({
  driveId: z.string().min(1),
  /** Graph's `@odata.deltaLink` of the last round; null before the first one. */
  deltaLink: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  /** The secret Graph echoes in each notification of this drive's subscription. */
  clientState: z.string().min(1),
  subscriptionExpires: z.string().nullable(),
});
export type DriveState = z.infer<typeof driveStateSchema>;

const subscriptionIndexSchema = z.object({ driveId: z.string(), clientState: z.string() });

/**
 * Table `fecIntake`, PartitionKey = tenant id (one firm's intake in one partition, so a folder and its
 * index change in one transaction):
 * - `d|<dossierId>`: the dossier's intake folder (`IntakeFolder`), with `driveId`/`folderId` columns;
 * - `f|<driveId>|<folderId>` → `dossierId`: which dossier a folder feeds (one dossier per folder), what the
 *   delta of a drive looks up for each file's parent;
 * - `v|<driveId>`: the drive's state (`DriveState`): delta link and subscription, updated under ETag so
 *   that two instances never both advance it;
 * - `s|<subscriptionId>`: the subscription's drive and clientState, read by the notification endpoint;
 * - `h|<dossierId>|<sha256>`: one file content seen in the dossier's folder (`IntakeFile`). Created
 *   insert-only before its import: the instance whose insert succeeds imports it, every other skips it.
 */
export class IntakeStore {
  constructor(private readonly table: TableClient) {}

  static fromStorage(storage: Storage): IntakeStore {
    return new IntakeStore(storage.table(INTAKE_TABLE));
  }

  async ensure(): Promise<void> {
    await this.table.createTable().catch((e: unknown) => {
      if (statusOf(e) !== 409) throw e;
    });
  }

  async getFolder(tenantId: string, dossierId: string): Promise<Versioned<IntakeFolder> | null> {
    return getDocument(this.table, intakeFolderSchema, firmPartition(tenantId), key("d", dossierId));
  }

  /** The dossier a folder feeds, if any. */
  async dossierOfFolder(tenantId: string, driveId: string, folderId: string): Promise<string | null> {
    return getIndexValue(this.table, firmPartition(tenantId), key("f", driveId, folderId), "dossierId");
  }

  /** Sets (or moves) a dossier's folder; INTAKE_FOLDER_TAKEN when the folder feeds another dossier. */
  async setFolder(tenantId: string, dossierId: string, folder: IntakeFolder): Promise<void> {
    const pk = firmPartition(tenantId);
    const owner = await this.dossierOfFolder(tenantId, folder.driveId, folder.folderId);
    if (owner !== null && owner !== dossierId) throw new AppError("INTAKE_FOLDER_TAKEN", { dossierId: owner });
    const current = await this.getFolder(tenantId, dossierId);
    const doc = toDocument(pk, key("d", dossierId), folder, { driveId: folder.driveId, folderId: folder.folderId });
    const index = { partitionKey: pk, rowKey: key("f", folder.driveId, folder.folderId), dossierId };
    const ops = [current ? replace(doc, current.etag) : create(doc)];
    const moved = current && (current.value.driveId !== folder.driveId || current.value.folderId !== folder.folderId);
    if (moved) ops.push(remove({ partitionKey: pk, rowKey: key("f", current.value.driveId, current.value.folderId) }));
    ops.push(owner === null ? create(index) : upsert(index));
    await commit(this.table, ops);
  }

  async removeFolder(tenantId: string, dossierId: string): Promise<void> {
    const current = await this.getFolder(tenantId, dossierId);
    if (!current) return;
    const pk = firmPartition(tenantId);
    const index = { partitionKey: pk, rowKey: key("f", current.value.driveId, current.value.folderId) };
    await deleteUnderEtag(this.table, pk, key("d", dossierId), current.etag, [remove(index)]);
  }

  /** Every folder of the firm, for the sweep. */
  async listFolders(tenantId: string): Promise<IntakeFolder[]> {
    const rows = await collect(listDocuments(this.table, intakeFolderSchema, firmPartition(tenantId), "d|"));
    return rows.map((r) => r.value);
  }

  /** The firms that watch at least one folder (the sweep's starting point). */
  async tenantsWithFolders(): Promise<string[]> {
    const tenants = new Set<string>();
    const filter = prefixFilter("d|");
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ["PartitionKey"] } })) {
      if (row.partitionKey) tenants.add(row.partitionKey);
    }
    return [...tenants];
  }

  async getDrive(tenantId: string, driveId: string): Promise<Versioned<DriveState> | null> {
    return getDocument(this.table, driveStateSchema, firmPartition(tenantId), key("v", driveId));
  }

  /** Writes the drive's state under the ETag it was read at ("" for a first write): CONFLICT if another won. */
  async putDrive(tenantId: string, state: DriveState, etag: string): Promise<void> {
    const pk = firmPartition(tenantId);
    const doc = toDocument(pk, key("v", state.driveId), state);
    const ops = [etag ? replace(doc, etag) : create(doc)];
    if (state.subscriptionId) {
      const index = { driveId: state.driveId, clientState: state.clientState };
      ops.push(upsert(toDocument(pk, key("s", state.subscriptionId), index)));
    }
    await commit(this.table, ops);
  }

  /** The drive and clientState of a subscription Comptoir made for this tenant, or null. */
  async subscription(
    tenantId: string,
    subscriptionId: string,
  ): Promise<z.infer<typeof subscriptionIndexSchema> | null> {
    const row = await getDocument(
      this.table,
      subscriptionIndexSchema,
      firmPartition(tenantId),
      key("s", subscriptionId),
    );
    return row?.value ?? null;
  }

  /** `false` when this content was already claimed for the dossier (by this instance or another). */
  async claimFile(tenantId: string, file: IntakeFile): Promise<boolean> {
    try {
      await commit(this.table, [create(this.fileRow(tenantId, file))]);
      return true;
    } catch (e) {
      if (e instanceof AppError && e.code === "CONFLICT") return false;
      throw e;
    }
  }

  async getFile(tenantId: string, dossierId: string, sha256: string): Promise<Versioned<IntakeFile> | null> {
    return getDocument(this.table, intakeFileSchema, firmPartition(tenantId), key("h", dossierId, sha256));
  }

  /** Records a claimed file's outcome, or takes over an aborted one, under the ETag read. */
  async updateFile(tenantId: string, file: IntakeFile, etag: string): Promise<void> {
    await commit(this.table, [replace(this.fileRow(tenantId, file), etag)]);
  }

  async listFiles(tenantId: string, dossierId: string): Promise<IntakeFile[]> {
    const rows = await collect(
      listDocuments(this.table, intakeFileSchema, firmPartition(tenantId), `${key("h", dossierId)}|`),
    );
    return rows.map((r) => r.value).sort((a, b) => b.seenAt.localeCompare(a.seenAt));
  }

  private fileRow(tenantId: string, file: IntakeFile) {
    return toDocument(firmPartition(tenantId), key("h", file.dossierId, file.sha256), file, { status: file.status });
  }
}
