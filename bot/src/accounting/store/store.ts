import { createHash } from "node:crypto";
import type { TableClient, TableEntityResult, TransactionAction } from "@azure/data-tables";
import { BlobServiceClient, type ContainerClient } from "@azure/storage-blob";
import { z } from "zod";
import {
  AppError,
  actorSchema,
  fecReportSchema,
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  fecLineFormatSchema,
  type FecReport,
  ledgerLabelsSchema,
  type LedgerAggregate,
  type LedgerLabels,
} from "@comptoir/shared";
import { fecImportSchema } from "@comptoir/shared/api/accounting";
import type { Storage } from "../../core/storage/connection";
import { statusOf } from "../../core/storage/errors";
import { firmPartition, key, odataString, partitionPrefixFilter } from "../../core/storage/keys";
import { inflateFrame, rangesOf, type FrameRef } from "./framed-blob";
import { FRAME_BYTES, type BlockSink } from "./frame-log";
import { entityChunks, packProperties, unpackProperties } from "./packing";
import { THIRD_PARTY_BLOB, THIRD_PARTY_META_BLOB } from "./third-party-index";
import { AUX_FRAME_BYTES, AUX_LEDGER_BLOB } from "./aux-ledger";
import type { CopyBlob } from "./entry-records";
import { STORAGE_PIPELINE_RETRY_OPTIONS } from "../../lib/storage-faults";

export const ACCOUNTING_TABLE = "accounting";

/** The one row readers resolve first: which import is served for an exercice. */
export const exercicePointerSchema = z.object({
  importId: idSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  importedAt: isoTimestampSchema,
  importedBy: actorSchema,
  fileName: z.string(),
  lineCount: z.number().int().nonnegative(),
  etablissements: z.array(z.string()),
});
export type ExercicePointer = z.infer<typeof exercicePointerSchema>;

const storedImportSchema = fecImportSchema.extend({
  purged: z.boolean().default(false),
  /** The running import's last sign of life (its own column, `hb`, so that beats never touch `doc`). */
  heartbeatAt: z.string().optional(),
});
export type StoredImport = z.infer<typeof storedImportSchema>;

/** [etablissement, lines, debit, credit] of one bucket. */
const ledgerStatSchema = z.tuple([z.string(), z.number().int(), z.number().int(), z.number().int()]);
/** [stored offset, stored length, lines]: the frame holding some of a bucket's lines (frame-log.ts). */
const segmentSchema = z.tuple([z.number().int(), z.number().int(), z.number().int()]);
/**
 * [month (0 = à-nouveaux), segments, bytes of its records, stats, bucket id (in its records' headers),
 * sorted (1 when its lines come in display order: dates never go back in the file), debit − credit
 * per segment, stats of its lines without a letter].
 */
const ledgerBucketSchema = z.tuple([
  z.number().int(),
  z.array(segmentSchema),
  z.number().int(),
  z.array(ledgerStatSchema),
  z.number().int(),
  z.number().int(),
  z.array(z.number().int()),
  z.array(ledgerStatSchema),
]);
export const ledgerIndexSchema = z.object({
  compteNum: z.string(),
  buckets: z.array(ledgerBucketSchema),
});
export type LedgerIndex = z.infer<typeof ledgerIndexSchema>;

/** [etablissement, écritures, lines, debit, credit] of one bucket. */
const journalStatSchema = z.tuple([z.string(), z.number().int(), z.number().int(), z.number().int(), z.number().int()]);
/** [month, segments, bytes of its records, écritures (all établissements), stats, bucket id]. */
const journalBucketSchema = z.tuple([
  z.number().int(),
  z.array(segmentSchema),
  z.number().int(),
  z.number().int(),
  z.array(journalStatSchema),
  z.number().int(),
]);
/**
 * [month, établissements, écritures]: écritures of that month's bucket touching all these
 * établissements, which each one's stats count; a scope holding several of them counts them once.
 * Absent when every écriture has a single établissement (and in imports of earlier builds).
 */
const sharedEcrituresSchema = z.tuple([z.number().int(), z.array(z.string()), z.number().int()]);
/**
 * [month, écritures starting in each segment, lines at each segment's start that continue an écriture
 * begun in an earlier one]: listed only for buckets stored in display order (journal-paging.ts), so
 * that a page reads only the segments holding its écritures. Absent in imports of earlier builds.
 */
const journalPagingSchema = z.tuple([z.number().int(), z.array(z.number().int()), z.array(z.number().int())]);
export const journalIndexSchema = z.object({
  journalCode: z.string(),
  buckets: z.array(journalBucketSchema),
  shared: z.array(sharedEcrituresSchema).optional(),
  paging: z.array(journalPagingSchema).optional(),
});
export type JournalIndex = z.infer<typeof journalIndexSchema>;

/**
 * Letters of one account that may look unbalanced to some reader: [letter, [[établissement, debit −
 * credit], …]] for each letter whose lines do not sum to zero, or lie in several établissements
 * (letter-sums.ts). A letter not listed balances for every reader who sees its lines.
 */
export const letterSumsSchema = z.object({
  compteNum: z.string(),
  letters: z.array(z.tuple([z.string(), z.array(z.tuple([z.string(), z.number().int()]))])),
});
export type LetterSums = z.infer<typeof letterSumsSchema>;

/** [compteNum, compAuxNum, journalCode, month, etablissement, opening (0/1), debit, credit, lines]. */
const aggregateRowSchema = z.tuple([
  z.string(),
  z.string(),
  z.string(),
  z.number().int(),
  z.string(),
  z.number().int(),
  z.number().int(),
  z.number().int(),
  z.number().int(),
]);
const packedAggregateSchema = z.object({
  rows: z.array(aggregateRowSchema),
  accountLabels: z.record(z.string(), z.string()),
  auxiliaryLabels: z.record(z.string(), z.string()),
  journalLabels: z.record(z.string(), z.string()),
});

/**
 * The layout of entry blobs and index rows this build reads: 2 = lines once, in file order, with
 * bucket ids; 3 = the same plus letter sums (`u|` rows), and per ledger bucket its order, segment
 * nets and unlettered stats.
 */
export const ENTRY_LAYOUT_VERSION = 3;
/** What decodes an import's stored lines: the FEC's line format, and how they are laid out. */
export const entryLayoutSchema = z.object({ format: fecLineFormatSchema, version: z.number().int().optional() });
export type EntryLayout = z.infer<typeof entryLayoutSchema>;

/** One stored import of an exercice: its data lives under this partition and blob prefix. */
export type VersionRef = { tenantId: string; dossierId: string; exercice: string; importId: string };
/**
 * `lines`: the entry blob; `ledger` and `journal`: its two copies in earlier builds (purged alike);
 * `search`: the journaux' search index (search-index-writer.ts); `third-party` and its meta: the balance âgée's
 * lines (third-party-index.ts); `aux`: the auxiliaries' grand livre (aux-ledger.ts). These indexes are absent from earlier
 * imports.
 */
export type BlobKind =
  | "lines"
  | "ledger"
  | "journal"
  | "search"
  | typeof THIRD_PARTY_BLOB
  | typeof THIRD_PARTY_META_BLOB
  | typeof AUX_LEDGER_BLOB;

/** Thrown inside cachedIfBuilt's read when nothing is built yet: a failed read leaves the cache. */
const NOT_BUILT = new Error("not built yet");
/** A transaction holds at most 100 operations and 4 MiB: we stay well under the latter. */
const BATCH_CHARS = 1_200_000;
const CACHE_VERSIONS = 8;
/** Inflated frames kept in memory for the reads that follow (paging, month-by-month exports). */
const FRAME_CACHE_BYTES = 32 * 1024 * 1024;
/** Cached entries per version: aggregate, labels, both indexes, the layout and the background indexes' headers. */
const CACHED_PER_VERSION = 8;
/** Accounts whose letter sums are kept (across versions). */
const CACHED_LETTER_ACCOUNTS = 256;

/**
 * Accounting storage (layout in docs/ARCHITECTURE.md, "Accounting storage"):
 * - table `accounting`, partition `<tenant>|<dossierId>`: `x|<exercice>` pointers, `i|<importId>` history;
 * - same table, partition `<tenant>|<dossierId>|<exercice>|<importId>`: the import's aggregates
 *   (`a|nnnn`), ledger index (`g|<account>`), journal index (`j|<journal>`) and entry layout (`l|nnnn`,
 *   the line format and the layout version);
 * - blob container `accounting`: `<tenant>/<dossierId>/<exercice>/<importId>/lines`, brotli frames of
 *   the raw FEC lines in file order (frame-log.ts, line-records.ts).
 * Everything under an import id is written once and never changed, so it is cached freely.
 */
export class AccountingStore {
  private readonly cache = new Map<string, unknown>();
  private readonly frames = new ByteBoundedCache(FRAME_CACHE_BYTES);
  /** Letter sums by version partition and account (small; `u|` rows are read one account at a time). */
  private readonly letterSums = new Map<string, Promise<LetterSums["letters"]>>();

  constructor(
    readonly table: TableClient,
    readonly container: ContainerClient,
  ) {}

  /** The container is named like the table (with the deployment's table prefix), lower-cased. */
  static fromStorage(storage: Storage): AccountingStore {
    const table = storage.table(ACCOUNTING_TABLE);
    const blobs = BlobServiceClient.fromConnectionString(storage.connectionString, {
      retryOptions: STORAGE_PIPELINE_RETRY_OPTIONS,
    });
    return new AccountingStore(table, blobs.getContainerClient(table.tableName.toLowerCase()));
  }

  /** Creates the table and the container; safe on every start. */
  async ensure(): Promise<void> {
    await Promise.all([
      this.table.createTable().catch((e: unknown) => {
        if (statusOf(e) !== 409) throw e;
      }),
      this.container.createIfNotExists(),
    ]);
  }

  static dossierPartition(tenantId: string, dossierId: string): string {
    return firmPartition(tenantId, dossierId);
  }

  static versionPartition(v: VersionRef): string {
    return firmPartition(v.tenantId, v.dossierId, v.exercice, v.importId);
  }

  static blobName(v: VersionRef, kind: BlobKind): string {
    return `${v.tenantId}/${v.dossierId}/${v.exercice}/${v.importId}/${kind}`;
  }

  // ---- Pointers ----

  async getPointer(tenantId: string, dossierId: string, exercice: string): Promise<ExercicePointer | null> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        AccountingStore.dossierPartition(tenantId, dossierId),
        key("x", exercice),
      );
      if (row.deleted === true || typeof row.doc !== "string") return null;
      return exercicePointerSchema.parse(JSON.parse(row.doc));
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  /** Every served exercice of a dossier, newest first. */
  async listPointers(tenantId: string, dossierId: string): Promise<ExercicePointer[]> {
    const filter = partitionPrefixFilter(AccountingStore.dossierPartition(tenantId, dossierId), "x|");
    const out: ExercicePointer[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
      if (row.deleted === true || typeof row.doc !== "string") continue;
      out.push(exercicePointerSchema.parse(JSON.parse(row.doc)));
    }
    return out.sort((a, b) => (a.end < b.end ? 1 : a.end > b.end ? -1 : 0));
  }

  /** The switch: one single-entity write makes the new import the served one. */
  async setPointer(tenantId: string, dossierId: string, pointer: ExercicePointer): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: AccountingStore.dossierPartition(tenantId, dossierId),
        rowKey: key("x", pointer.end),
        doc: JSON.stringify(pointer),
        deleted: false,
      },
      "Replace",
    );
  }

  async deletePointer(tenantId: string, dossierId: string, exercice: string): Promise<void> {
    try {
      await this.table.deleteEntity(AccountingStore.dossierPartition(tenantId, dossierId), key("x", exercice));
    } catch (e) {
      if (statusOf(e) !== 404) throw e;
    }
  }

  // ---- Import history ----

  async putImport(tenantId: string, record: StoredImport, report?: FecReport): Promise<void> {
    const entity: Record<string, string | number | boolean> = {
      partitionKey: AccountingStore.dossierPartition(tenantId, record.dossierId),
      rowKey: key("i", record.id),
      doc: JSON.stringify({ ...record, heartbeatAt: undefined }),
    };
    if (report) Object.assign(entity, packProperties(JSON.stringify(capReport(report)), "r"));
    await this.table.upsertEntity(entity as { partitionKey: string; rowKey: string }, report ? "Replace" : "Merge");
  }

  async getImport(
    tenantId: string,
    dossierId: string,
    importId: string,
  ): Promise<{ record: StoredImport; report: FecReport | null } | null> {
    try {
      const row = await this.table.getEntity<Record<string, unknown>>(
        AccountingStore.dossierPartition(tenantId, dossierId),
        key("i", importId),
      );
      const record = withBeat(storedImportSchema.parse(JSON.parse(String(row.doc))), row.hb);
      const report = typeof row.rn === "number" ? fecReportSchema.parse(JSON.parse(unpackProperties(row, "r"))) : null;
      return { record, report };
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  /** A running import's heartbeat: one column, merged, so that its record's `doc` is never overwritten. */
  async beatImport(tenantId: string, dossierId: string, importId: string, at: Date): Promise<void> {
    // An update, not an upsert: a beat never creates a row without its `doc`.
    await this.table.updateEntity(
      {
        partitionKey: AccountingStore.dossierPartition(tenantId, dossierId),
        rowKey: key("i", importId),
        hb: at.toISOString(),
      },
      "Merge",
    );
  }

  /** The dossier's import history, newest first (reports left out). */
  async listImports(tenantId: string, dossierId: string): Promise<StoredImport[]> {
    const filter = partitionPrefixFilter(AccountingStore.dossierPartition(tenantId, dossierId), "i|");
    const out: StoredImport[] = [];
    const rows = this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter, select: ["doc", "hb"] } });
    for await (const row of rows) out.push(withBeat(storedImportSchema.parse(JSON.parse(String(row.doc))), row.hb));
    return out.sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  // ---- One import's data ----

  blockSink(v: VersionRef, kind: BlobKind = "lines"): BlockSink {
    const blob = this.container.getBlockBlobClient(AccountingStore.blobName(v, kind));
    return {
      stageBlock: async (id, data) => {
        // With an MD5 the service checks the block in transit (Azurite then skips its slower CRC64).
        const transactionalContentMD5 = createHash("md5").update(data).digest();
        await blob.stageBlock(id, data, data.length, { transactionalContentMD5 });
      },
      commitBlockList: async (ids) => {
        await blob.commitBlockList(ids, { blobHTTPHeaders: { blobContentType: "application/octet-stream" } });
      },
    };
  }

  /** Writes the aggregates and both indexes of an import, in batches of its partition. */
  async writeVersionRows(
    v: VersionRef,
    aggregate: LedgerAggregate,
    ledger: readonly LedgerIndex[],
    journals: readonly JournalIndex[],
    layout: EntryLayout,
    letters: readonly LetterSums[] = [],
  ): Promise<void> {
    const pk = AccountingStore.versionPartition(v);
    const packed = JSON.stringify({
      rows: aggregate.rows.map((r) => [
        r.compteNum,
        r.compAuxNum,
        r.journalCode,
        r.month,
        r.etablissement,
        r.opening ? 1 : 0,
        r.debitCents,
        r.creditCents,
        r.lineCount,
      ]),
      accountLabels: aggregate.accountLabels,
      auxiliaryLabels: aggregate.auxiliaryLabels,
      journalLabels: aggregate.journalLabels,
    });
    const entities: Array<{ partitionKey: string; rowKey: string } & Record<string, string | number>> = [];
    entityChunks(packed).forEach((chunk, i) =>
      entities.push({ partitionKey: pk, rowKey: key("a", String(i).padStart(4, "0")), ...packProperties(chunk) }),
    );
    // The labels again, alone: the line views need them and not the rows, which are most of the aggregate.
    const labels: LedgerLabels = {
      accountLabels: aggregate.accountLabels,
      auxiliaryLabels: aggregate.auxiliaryLabels,
      journalLabels: aggregate.journalLabels,
    };
    entityChunks(JSON.stringify(labels)).forEach((chunk, i) =>
      entities.push({ partitionKey: pk, rowKey: key("n", String(i).padStart(4, "0")), ...packProperties(chunk) }),
    );
    entityChunks(JSON.stringify(layout)).forEach((chunk, i) =>
      entities.push({ partitionKey: pk, rowKey: key("l", String(i).padStart(4, "0")), ...packProperties(chunk) }),
    );
    for (const index of ledger)
      entities.push({ partitionKey: pk, rowKey: key("g", index.compteNum), ...packProperties(JSON.stringify(index)) });
    for (const sums of letters)
      entityChunks(JSON.stringify(sums)).forEach((chunk, i) =>
        entities.push({
          partitionKey: pk,
          rowKey: key("u", sums.compteNum, String(i).padStart(4, "0")),
          ...packProperties(chunk),
        }),
      );
    for (const index of journals)
      entities.push({
        partitionKey: pk,
        rowKey: key("j", index.journalCode),
        ...packProperties(JSON.stringify(index)),
      });

    await this.upsertAll(entities);
  }

  /** Upserts entities of one partition, in transactions of at most 100 entities and BATCH_CHARS. */
  private async upsertAll(
    entities: ReadonlyArray<{ partitionKey: string; rowKey: string } & Record<string, string | number>>,
  ): Promise<void> {
    let batch: TransactionAction[] = [];
    let chars = 0;
    const submit = async () => {
      if (batch.length > 0) await this.table.submitTransaction(batch);
      batch = [];
      chars = 0;
    };
    for (const entity of entities) {
      const size = Object.values(entity).reduce<number>((n, v) => n + String(v).length, 0);
      if (batch.length === 100 || chars + size > BATCH_CHARS) await submit();
      batch.push(["upsert", entity, "Replace"]);
      chars += size;
    }
    await submit();
  }

  /**
   * Writes JSON documents under the version's partition, each as rows `<key…>|nnnn` (long ones over
   * several entities): the background indexes' rows (aux-ledger.ts).
   */
  async writeDocuments(v: VersionRef, docs: ReadonlyArray<{ key: readonly string[]; json: string }>): Promise<void> {
    const pk = AccountingStore.versionPartition(v);
    await this.upsertAll(
      docs.flatMap(({ key: parts, json }) =>
        entityChunks(json).map((chunk, i) => ({
          partitionKey: pk,
          rowKey: key(...parts, String(i).padStart(4, "0")),
          ...packProperties(chunk),
        })),
      ),
    );
  }

  /** The JSON document writeDocuments wrote under `parts`, or null (one range query, not cached). */
  async readDocument(v: VersionRef, parts: readonly string[]): Promise<string | null> {
    const rows = await this.listRows(AccountingStore.versionPartition(v), `${key(...parts)}|`);
    return rows.length === 0 ? null : rows.map((r) => unpackProperties(r)).join("");
  }

  async readAggregate(v: VersionRef): Promise<LedgerAggregate> {
    return this.cached(`${AccountingStore.versionPartition(v)}#a`, async () => {
      const rows = await this.listRows(AccountingStore.versionPartition(v), "a|");
      const parsed = packedAggregateSchema.parse(JSON.parse(rows.map((r) => unpackProperties(r)).join("")));
      return {
        rows: parsed.rows.map(([compteNum, compAuxNum, journalCode, month, etablissement, opening, d, c, n]) => ({
          compteNum,
          compAuxNum,
          journalCode,
          month,
          etablissement,
          opening: opening === 1,
          debitCents: d,
          creditCents: c,
          lineCount: n,
        })),
        accountLabels: parsed.accountLabels,
        auxiliaryLabels: parsed.auxiliaryLabels,
        journalLabels: parsed.journalLabels,
      };
    });
  }

  /**
   * The account, auxiliary and journal labels (`n|` rows): a few KB, where the aggregate is hundreds
   * (bench:fec: a cold grand livre first page took 90 ms reading the aggregate, 45 ms reading these).
   * Imports of earlier builds have no `n|` rows: their aggregate gives the labels.
   */
  async readLabels(v: VersionRef): Promise<LedgerLabels> {
    return this.cached(`${AccountingStore.versionPartition(v)}#n`, async () => {
      const rows = await this.listRows(AccountingStore.versionPartition(v), "n|");
      if (rows.length === 0) return this.readAggregate(v);
      return ledgerLabelsSchema.parse(JSON.parse(rows.map((r) => unpackProperties(r)).join("")));
    });
  }

  /** Ledger index rows of the accounts starting with `prefix` ("" = all), in account order. */
  async readLedgerIndex(v: VersionRef, prefix = ""): Promise<LedgerIndex[]> {
    const all = await this.cached(`${AccountingStore.versionPartition(v)}#g`, async () => {
      const rows = await this.listRows(AccountingStore.versionPartition(v), "g|");
      // Index rows of an earlier layout would not parse: ask for a re-import instead.
      if (rows.length > 0) await this.readLayout(v);
      return rows.map((r) => ledgerIndexSchema.parse(JSON.parse(unpackProperties(r))));
    });
    return all.filter((i) => i.compteNum.startsWith(prefix)).sort((a, b) => compareCodes(a.compteNum, b.compteNum));
  }

  /** The letters of one account that may look unbalanced (`u|<account>|nnnn` rows, one range query), cached. */
  async readLetterSums(v: VersionRef, compteNum: string): Promise<LetterSums["letters"]> {
    const pk = AccountingStore.versionPartition(v);
    const cacheKey = `${pk}#${compteNum}`;
    let pending = this.letterSums.get(cacheKey);
    if (pending) this.letterSums.delete(cacheKey);
    else {
      pending = this.readLetterRows(v, compteNum);
      pending.catch(() => this.letterSums.delete(cacheKey));
    }
    this.letterSums.set(cacheKey, pending);
    for (const oldest of this.letterSums.keys()) {
      if (this.letterSums.size <= CACHED_LETTER_ACCOUNTS) break;
      this.letterSums.delete(oldest);
    }
    return pending;
  }

  private async readLetterRows(v: VersionRef, compteNum: string): Promise<LetterSums["letters"]> {
    await this.readLayout(v);
    const rows = await this.listRows(AccountingStore.versionPartition(v), `${key("u", compteNum)}|`);
    if (rows.length === 0) return [];
    return letterSumsSchema.parse(JSON.parse(rows.map((r) => unpackProperties(r)).join(""))).letters;
  }

  /** A blob of the import (whole, or `length` bytes from `offset`), or null when it has none (an index of later builds). */
  async readBlob(v: VersionRef, kind: BlobKind, range?: { offset: number; length: number }): Promise<Buffer | null> {
    try {
      const blob = this.container.getBlockBlobClient(AccountingStore.blobName(v, kind));
      return await (range ? blob.downloadToBuffer(range.offset, range.length) : blob.downloadToBuffer());
    } catch (e) {
      if (statusOf(e) === 404) return null;
      throw e;
    }
  }

  /**
   * Immutable data of an import derived by another module (the search and third-party indexes): `load`ed once
   * per import and `name`, kept with the import's other cached reads (dropped alike).
   */
  async cachedRead<T>(v: VersionRef, name: string, load: () => Promise<T>): Promise<T> {
    return this.cached(`${AccountingStore.versionPartition(v)}#${name}`, load);
  }

  /**
   * cachedRead for what a background job builds after the import (search index, auxiliaries' copy): null
   * while it is absent, and an absence is not cached, so that the next read looks again.
   */
  async cachedIfBuilt<T>(v: VersionRef, name: string, load: () => Promise<T | null>): Promise<T | null> {
    try {
      return await this.cachedRead(v, name, async () => {
        const found = await load();
        if (found === null) throw NOT_BUILT;
        return found;
      });
    } catch (e) {
      if (e === NOT_BUILT) return null;
      throw e;
    }
  }

  /** Forgets every cached read (bench:fec times views over cold caches). */
  dropCaches(): void {
    this.cache.clear();
    this.letterSums.clear();
    this.frames.clear();
  }

  async readJournalIndex(v: VersionRef): Promise<JournalIndex[]> {
    const all = await this.cached(`${AccountingStore.versionPartition(v)}#j`, async () => {
      const rows = await this.listRows(AccountingStore.versionPartition(v), "j|");
      // Index rows of an earlier layout would not parse: ask for a re-import instead.
      if (rows.length > 0) await this.readLayout(v);
      return rows.map((r) => journalIndexSchema.parse(JSON.parse(unpackProperties(r))));
    });
    return [...all].sort((a, b) => compareCodes(a.journalCode, b.journalCode));
  }

  /**
   * How the version's lines decode. Imports stored by earlier builds (no layout, or an older one) keep
   * their aggregates but must be imported again for their lines.
   */
  async readLayout(v: VersionRef): Promise<EntryLayout> {
    return this.cached(`${AccountingStore.versionPartition(v)}#l`, async () => {
      const rows = await this.listRows(AccountingStore.versionPartition(v), "l|");
      if (rows.length === 0) throw new AppError("FEC_REIMPORT_REQUIRED");
      const layout = entryLayoutSchema.parse(JSON.parse(rows.map((r) => unpackProperties(r)).join("")));
      if (layout.version !== ENTRY_LAYOUT_VERSION) throw new AppError("FEC_REIMPORT_REQUIRED");
      return layout;
    });
  }

  /**
   * Inflated frames of the entry blob, keyed by stored offset: contiguous frames in one range read,
   * frames read lately served from memory (the pages that follow need them again). Long sequential
   * reads pass `cache: false` rather than push out what pages use.
   */
  async readFrames(
    v: VersionRef,
    frames: Iterable<FrameRef>,
    opts = { cache: true },
    kind: CopyBlob = "lines",
  ): Promise<Map<number, Buffer>> {
    const frameBytes = kind === "lines" ? FRAME_BYTES : AUX_FRAME_BYTES;
    const name = AccountingStore.blobName(v, kind);
    const out = new Map<number, Buffer>();
    const missing: FrameRef[] = [];
    for (const frame of frames) {
      const hit = this.frames.get(`${name}@${frame[0]}`);
      if (hit) out.set(frame[0], hit);
      else missing.push(frame);
    }
    await Promise.all(
      rangesOf(missing).map(async (range) => {
        const stored = await this.download(v, kind, range.offset, range.length);
        // The frames of a range inflate side by side, on the thread pool.
        await Promise.all(
          range.frames.map(async ([offset, length]) => {
            const at = offset - range.offset;
            const inflated = await inflateFrame(stored.subarray(at, at + length), frameBytes);
            out.set(offset, inflated);
            if (opts.cache) this.frames.set(`${name}@${offset}`, inflated);
          }),
        );
      }),
    );
    return out;
  }

  /** Whether the version's rows are still stored (not collected), read afresh: its layout row is written with them. */
  async versionStored(v: VersionRef): Promise<boolean> {
    return (await this.listRows(AccountingStore.versionPartition(v), "l|")).length > 0;
  }

  /** The search index's row (`s|nnnn`, JSON written by `writeSearchHeader`), or null for imports stored without one. */
  async readSearchHeader(v: VersionRef): Promise<string | null> {
    const rows = await this.listRows(AccountingStore.versionPartition(v), "s|");
    return rows.length === 0 ? null : rows.map((r) => unpackProperties(r)).join("");
  }

  async writeSearchHeader(v: VersionRef, json: string): Promise<void> {
    const pk = AccountingStore.versionPartition(v);
    const chunks = entityChunks(json);
    for (let i = 0; i < chunks.length; i += 100)
      await this.table.submitTransaction(
        chunks.slice(i, i + 100).map((chunk, j): TransactionAction => {
          const rowKey = key("s", String(i + j).padStart(4, "0"));
          return ["upsert", { partitionKey: pk, rowKey, ...packProperties(chunk) }, "Replace"];
        }),
      );
  }

  /** Bytes of one of the version's blobs (the search index reads its blocks this way). */
  async readBlobRange(v: VersionRef, kind: BlobKind, offset: number, length: number): Promise<Buffer> {
    return length === 0 ? Buffer.alloc(0) : this.download(v, kind, offset, length);
  }

  private async download(v: VersionRef, kind: BlobKind, offset: number, length: number): Promise<Buffer> {
    const blob = this.container.getBlockBlobClient(AccountingStore.blobName(v, kind));
    const response = await blob.download(offset, length);
    const body = response.readableStreamBody;
    if (!body) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    for await (const chunk of body) parts.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(parts);
  }

  /** Deletes an import's rows and blobs (never the served one: callers check the pointer). */
  async purgeVersion(v: VersionRef): Promise<void> {
    this.forget(v);
    const pk = AccountingStore.versionPartition(v);
    await Promise.all(
      (["lines", "ledger", "journal", "search", THIRD_PARTY_BLOB, THIRD_PARTY_META_BLOB, AUX_LEDGER_BLOB] as const).map(
        (kind) => this.container.getBlockBlobClient(AccountingStore.blobName(v, kind)).deleteIfExists(),
      ),
    );
    const keys: string[] = [];
    const filter = `PartitionKey eq '${odataString(pk)}'`;
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ["RowKey"] } }))
      if (row.rowKey) keys.push(row.rowKey);
    for (let i = 0; i < keys.length; i += 100) {
      await this.table.submitTransaction(
        keys.slice(i, i + 100).map((rowKey) => ["delete", { partitionKey: pk, rowKey }]),
      );
    }
  }

  private forget(v: VersionRef): void {
    const pk = AccountingStore.versionPartition(v);
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${pk}#`)) this.cache.delete(k);
  }

  private async listRows(pk: string, prefix: string): Promise<Array<TableEntityResult<Record<string, unknown>>>> {
    const out: Array<TableEntityResult<Record<string, unknown>>> = [];
    const filter = partitionPrefixFilter(pk, prefix);
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
      out.push(row);
    return out.sort((a, b) => ((a.rowKey ?? "") < (b.rowKey ?? "") ? -1 : 1));
  }

  /** Small LRU over immutable data; the value's promise is shared by concurrent readers. */
  private async cached<T>(cacheKey: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(cacheKey) as Promise<T> | undefined;
    if (hit) {
      this.cache.delete(cacheKey);
      this.cache.set(cacheKey, hit);
      return hit;
    }
    const pending = load();
    this.cache.set(cacheKey, pending);
    pending.catch(() => this.cache.delete(cacheKey));
    while (this.cache.size > CACHE_VERSIONS * CACHED_PER_VERSION) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return pending;
  }
}

/** Least recently used buffers up to a total size. */
class ByteBoundedCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(k: string): Buffer | undefined {
    const hit = this.entries.get(k);
    if (hit) {
      this.entries.delete(k);
      this.entries.set(k, hit);
    }
    return hit;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  set(k: string, value: Buffer): void {
    if (value.length > this.maxBytes / 4) return; // one huge frame would evict everything else
    const before = this.entries.get(k);
    if (before) this.bytes -= before.length;
    this.entries.delete(k);
    this.entries.set(k, value);
    this.bytes += value.length;
    for (const [oldest, buf] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= buf.length;
    }
  }
}

/** Account and journal codes in code-unit order (what the blobs are sorted by). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A stored report keeps at most what fits one entity (the parser already caps the issue list). */
function capReport(report: FecReport): FecReport {
  let capped = report;
  while (JSON.stringify(capped).length > 300_000 && capped.issues.length > 0) {
    const keep = Math.floor(capped.issues.length / 2);
    capped = {
      ...capped,
      issues: capped.issues.slice(0, keep),
      omittedIssues: capped.omittedIssues + capped.issues.length - keep,
    };
  }
  return capped;
}

function withBeat(record: StoredImport, hb: unknown): StoredImport {
  return typeof hb === "string" ? { ...record, heartbeatAt: hb } : record;
}
