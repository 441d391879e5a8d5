import { createFecLineDecoder, etablissementCodeKey, type FecEntry, type FecLineDecoder } from "@comptoir/shared";
import type { AUX_LEDGER_BLOB } from "./aux-ledger";
import type { FrameRef, Segment } from "./framed-blob";
import type { Turns } from "../../lib/turns";
import { BatchSpill } from "./batch-spill";
import { BUCKET_ID_AT, forEachRecord, RECORD_HEADER_BYTES, type BucketKind } from "./line-records";
import type { AccountingStore, EntryLayout, JournalIndex, LedgerIndex, VersionRef } from "./store";

/** A bucket as its index row gives it: its id in the records' headers, its frames, the bytes of its records. */
export type BucketRef = { id: number; segments: readonly Segment[]; bytes: number };
/** The blobs of records a bucket may point into: the lines, or the auxiliaries' copy of some (aux-ledger.ts). */
export type CopyBlob = "lines" | typeof AUX_LEDGER_BLOB;
export const ledgerBucketRef = (b: LedgerIndex["buckets"][number]): BucketRef => ({
  id: b[4],
  segments: b[1],
  bytes: b[2],
});
export const journalBucketRef = (b: JournalIndex["buckets"][number]): BucketRef => ({
  id: b[5],
  segments: b[1],
  bytes: b[2],
});

/** A stored line as the grand livre and the journaux show it. */
export type StoredLine = {
  line: number;
  date: number;
  journalCode: string;
  compteNum: string;
  ecritureNum: string;
  pieceRef: string;
  pieceDate?: number;
  ecritureLib: string;
  compAuxNum?: string;
  debitCents: number;
  creditCents: number;
  ecritureLet?: string;
  dateLet?: number;
  /** CodeEtablissement as "Limité à" compares it ("" when none). */
  etablissement: string;
};

/** "Limité à" compares codes as the dossier does, exactly as the import counted them ("" when none). */
function etablissementOf(e: FecEntry): string {
  const raw = e.etablissement;
  return raw ? etablissementCodeKey(raw) : "";
}

export function storedLine(e: FecEntry): StoredLine {
  return {
    line: e.line,
    date: e.date,
    journalCode: e.journalCode,
    compteNum: e.compteNum,
    ecritureNum: e.ecritureNum,
    pieceRef: e.pieceRef,
    pieceDate: e.pieceDate,
    ecritureLib: e.ecritureLib,
    compAuxNum: e.compAuxNum,
    debitCents: e.debitCents,
    creditCents: e.creditCents,
    ecritureLet: e.ecritureLet,
    dateLet: e.dateLet,
    etablissement: etablissementOf(e),
  };
}

/**
 * The decoder's entry itself made the stored line (its etablissement keyed in place): a streamed
 * export then builds one object per line, not two (the second copy was a good part of its garbage).
 * The entry keeps its other fields, which the views never read.
 */
function keyedInPlace(e: FecEntry): StoredLine {
  e.etablissement = etablissementOf(e);
  if (!isKeyed(e)) throw new Error(`line ${e.line}: etablissement not keyed`);
  return e;
}

const isKeyed = (e: FecEntry): e is FecEntry & { etablissement: string } => typeof e.etablissement === "string";

/** What the views show of a line: labels come from the aggregates, once per account or journal. */
const READ_TEXT_FIELDS = [
  "journalCode",
  "ecritureNum",
  "compteNum",
  "pieceRef",
  "ecritureLib",
  "compAuxNum",
  "ecritureLet",
  "etablissement",
] as const;

const decoders = new WeakMap<EntryLayout, FecLineDecoder>();

export function decoderOf(layout: EntryLayout) {
  let decoder = decoders.get(layout);
  if (decoder === undefined) {
    decoder = createFecLineDecoder(layout.format, { textFields: READ_TEXT_FIELDS });
    decoders.set(layout, decoder);
  }
  return decoder;
}

/** Decodes the records of `buf` as stored lines, in order. */
function decodeLines(layout: EntryLayout, buf: Buffer): StoredLine[] {
  const decoder = decoderOf(layout);
  const out: StoredLine[] = [];
  forEachRecord(buf, (line, start, end) => out.push(storedLine(decoder.decode(buf, start, end, line))));
  decoder.release();
  return out;
}

/** Every line wanted (readBucketLines). */
const always = () => true;

/**
 * The lines of each bucket, in file order, for a page: the frames they need are read once (and kept
 * for the pages that follow), and each frame gives the records that carry the bucket's id.
 */
export async function readBucketLines(
  store: AccountingStore,
  v: VersionRef,
  kind: BucketKind,
  buckets: readonly BucketRef[],
  blob: CopyBlob = "lines",
): Promise<StoredLine[][]> {
  const out = buckets.map((): StoredLine[] => []);
  await decodeBuckets(store, v, kind, buckets, always, (i, _, line) => out[i]?.push(line), blob);
  return out;
}

/**
 * Some lines of each bucket, by position (counted from the first line of its `segments`): the frames
 * are read as readBucketLines reads them, but only the lines `wanted` are decoded. A search page wants
 * a few écritures of each segment it reads (bench:fec: 50 écritures from 18 frames of some thousand
 * lines each), and decoding each line of those segments was a third of its CPU.
 */
export async function readBucketLinesAt(
  store: AccountingStore,
  v: VersionRef,
  kind: BucketKind,
  buckets: ReadonlyArray<BucketRef & { wanted: (position: number) => boolean }>,
): Promise<Array<Map<number, StoredLine>>> {
  const out = buckets.map(() => new Map<number, StoredLine>());
  await decodeBuckets(
    store,
    v,
    kind,
    buckets,
    (i, position) => buckets[i]?.wanted(position) ?? false,
    (i, position, line) => out[i]?.set(position, line),
  );
  return out;
}

/**
 * Reads the frames of `buckets` once, then hands each bucket's records on in order, by bucket index and
 * position (counted from the first line of its segments), decoding those `wanted`; each segment's line
 * count is checked against the records found.
 */
async function decodeBuckets(
  store: AccountingStore,
  v: VersionRef,
  kind: BucketKind,
  buckets: readonly BucketRef[],
  wanted: (bucket: number, position: number) => boolean,
  take: (bucket: number, position: number, line: StoredLine) => void,
  blob: CopyBlob = "lines",
): Promise<void> {
  const frames: FrameRef[] = [];
  for (const b of buckets) for (const [offset, length] of b.segments) frames.push([offset, length]);
  const [layout, inflated] = await Promise.all([
    store.readLayout(v),
    store.readFrames(v, frames, { cache: true }, blob),
  ]);
  const decoder = decoderOf(layout);
  try {
    buckets.forEach((b, i) => {
      let position = 0;
      for (const [offset, , lines] of b.segments) {
        const frame = inflated.get(offset);
        if (!frame) throw new Error(`frame at ${offset} was not read`);
        const first = position;
        forEachRecord(
          frame,
          (line, start, end) => {
            if (wanted(i, position)) take(i, position, storedLine(decoder.decode(frame, start, end, line)));
            position++;
          },
          kind,
          b.id,
        );
        if (position - first !== lines)
          throw new Error(`frame at ${offset} holds ${position - first} lines of bucket ${b.id}, not ${lines}`);
      }
    });
  } finally {
    decoder.release();
  }
}

/**
 * How a scan reads: frames per range read, range reads under way while one frame is visited, and
 * `turns` when the scan shares the event loop with other requests (it then hands the loop back between
 * frames and, decoding, every few hundred lines).
 */
export type ScanOptions = { framesPerRead: number; readsInFlight: number; turns?: Turns };
/** About 16 MiB of records per range read, 3 under way: the fastest for bench:fec. */
const FAST_SCAN: ScanOptions = { framesPerRead: 16, readsInFlight: 3 };

/**
 * Visits each of `frames` inflated, once, in blob order: a few range reads under way while one is
 * visited, and nothing kept (long scans skip the page cache).
 */
export async function scanFrames(
  store: AccountingStore,
  v: VersionRef,
  frames: ReadonlyMap<number, number>,
  visit: (frame: Buffer) => void | Promise<void>,
  scan: ScanOptions = FAST_SCAN,
  blob: CopyBlob = "lines",
): Promise<void> {
  const ordered = [...frames].sort((a, b) => a[0] - b[0]);
  const slices: FrameRef[][] = [];
  for (let i = 0; i < ordered.length; i += scan.framesPerRead) slices.push(ordered.slice(i, i + scan.framesPerRead));
  const reads: Array<Promise<Map<number, Buffer>> | undefined> = [];
  const startRead = (k: number) => {
    const slice = slices[k];
    if (slice === undefined) return;
    const read = store.readFrames(v, slice, { cache: false }, blob);
    // Awaited in turn below; a failure before its turn must not count as unhandled.
    read.catch(() => undefined);
    reads[k] = read;
  };
  for (let k = 0; k < scan.readsInFlight; k++) startRead(k);
  for (let k = 0; k < slices.length; k++) {
    const inflated = await reads[k];
    reads[k] = undefined;
    startRead(k + scan.readsInFlight);
    for (const [offset] of slices[k] ?? []) {
      const frame = inflated?.get(offset);
      if (!frame) throw new Error(`frame at ${offset} was not read`);
      inflated?.delete(offset);
      await visit(frame);
      await scan.turns?.pass();
    }
  }
}

/** Record bytes gathered per batch: a batch reads every frame its buckets touch, once. */
const BATCH_BYTES = 64 * 1024 * 1024;

/** A reader that shares the event loop and the memory with other requests: smaller batches, fewer reads in flight. */
export type LeanReading = ScanOptions & { batchBytes: number; turns: Turns };

/** Lines decoded between two looks at the clock of `turns`. */
const LINES_PER_LOOK = 256;

/**
 * Reads many buckets in a known order (a whole grand livre, every journal) without
 * reading a frame once per bucket: consecutive buckets are gathered in batches of up to `budget` bytes of
 * records, and each batch reads the frames its buckets touch once, in blob order, copying each
 * record to its bucket. Frames read here skip the page cache. Ask for buckets in plan order; asking
 * for an earlier one starts a batch there again.
 */
export class BucketBatchReader {
  private readonly position = new Map<number, number>();
  private start = 0;
  private end = 0;
  /** Each gathered bucket's records: a buffer of its own, or where they start in a spilled batch. */
  private gathered = new Map<number, GatheredRecords>();
  private layout: EntryLayout | null = null;
  /** A lean reader's own decoder: it pauses mid-bucket, and a shared one would interleave with other requests. */
  private ownDecoder: FecLineDecoder | null = null;
  /** Lean and more than one batch: the batches, sorted out once into a temporary file (see spillAll). */
  private spill: { file: Promise<BatchSpill>; batches: Array<{ from: number; end: number; bytes: number }> } | null =
    null;
  private closed = false;

  constructor(
    private readonly store: AccountingStore,
    private readonly v: VersionRef,
    private readonly kind: BucketKind,
    private readonly plan: readonly BucketRef[],
    /** The blob whose frames hold the plan's buckets: the lines, or a copy laid out for one view. */
    private readonly blob: CopyBlob = "lines",
    private readonly budget = BATCH_BYTES,
    private readonly scan: ScanOptions = FAST_SCAN,
    private readonly spills = false,
  ) {
    plan.forEach((b, i) => this.position.set(b.id, i));
  }

  /**
   * The same reading, lean: a file export runs for tens of seconds next to light reads, so it keeps
   * `batchBytes` of records and a few frames in memory and hands the event loop back on the clock of
   * `turns`, decoding as well as scanning. When the plan takes more than one batch, the frames are
   * still inflated once: the first batch asked for sorts every record into its batch's region of a
   * temporary file (then each batch reads its region back). Call `close()` when done, also on abort.
   */
  lean(reading: LeanReading): BucketBatchReader {
    return new BucketBatchReader(
      this.store,
      this.v,
      this.kind,
      this.plan,
      this.blob,
      reading.batchBytes,
      reading,
      true,
    );
  }

  /** Closes (and so removes) the temporary file of a lean reader, if it made one. */
  async close(): Promise<void> {
    this.closed = true;
    const spill = this.spill;
    this.spill = null;
    if (spill) await (await spill.file.catch(() => null))?.close();
  }

  /** A bucket's lines, in file order. */
  async lines(bucket: BucketRef): Promise<StoredLine[]> {
    const { layout, records } = await this.records(bucket);
    const turns = this.scan.turns;
    if (turns === undefined && records.starts === null) return decodeLines(layout, records.buf);
    this.ownDecoder ??= createFecLineDecoder(layout.format, { textFields: READ_TEXT_FIELDS });
    const out: StoredLine[] = [];
    await visitRecords(this.ownDecoder, records, turns, (e) => {
      out.push(storedLine(e));
      return undefined;
    });
    return out;
  }

  /**
   * A bucket's lines, in file order, handed to `visit` one at a time as they are decoded, none kept: a
   * long export's lines then die young (kept in arrays, a month of an account outlives collections).
   */
  async forEachLine(bucket: BucketRef, visit: (line: StoredLine) => Promise<void> | undefined): Promise<void> {
    const { layout, records } = await this.records(bucket);
    this.ownDecoder ??= createFecLineDecoder(layout.format, { textFields: READ_TEXT_FIELDS });
    await visitRecords(this.ownDecoder, records, this.scan.turns, (e) => visit(keyedInPlace(e)));
  }

  private async records(bucket: BucketRef): Promise<{ layout: EntryLayout; records: GatheredRecords }> {
    const at = this.position.get(bucket.id);
    if (at === undefined) throw new Error(`bucket ${bucket.id} is not in the plan`);
    if (at < this.start || at >= this.end || !this.gathered.has(bucket.id)) await this.gather(at);
    const records = this.gathered.get(bucket.id) ?? { buf: Buffer.alloc(0), starts: null };
    this.gathered.delete(bucket.id);
    this.layout ??= await this.store.readLayout(this.v);
    return { layout: this.layout, records };
  }

  /** Consecutive buckets of the plan, from `from`, up to `budget` bytes of records (one bucket at least). */
  private batchEnd(from: number): number {
    let end = from;
    let bytes = 0;
    while (end < this.plan.length) {
      const b = this.plan[end];
      if (b === undefined || (end > from && bytes + b.bytes > this.budget)) break;
      bytes += b.bytes;
      end++;
    }
    return end;
  }

  private async gather(from: number): Promise<void> {
    if (this.spills && this.spill === null && !this.closed && this.batchEnd(0) < this.plan.length) this.spillAll();
    if (this.spill) return this.gatherSpilled(from, this.spill);
    const end = this.batchEnd(from);
    // The previous batch's leftovers (buckets never asked for) go before this one is allocated.
    this.gathered = new Map();
    const targets = new Map<number, { buf: Buffer; used: number }>();
    const frames = new Map<number, number>();
    for (const b of this.plan.slice(from, end)) {
      targets.set(b.id, { buf: Buffer.allocUnsafe(b.bytes), used: 0 });
      for (const [offset, length] of b.segments) frames.set(offset, length);
    }
    const idAt = BUCKET_ID_AT[this.kind];
    await scanFrames(
      this.store,
      this.v,
      frames,
      (frame) =>
        forEachRecord(frame, (_line, _start, end, recordStart) => {
          const target = targets.get(frame.readUInt32LE(recordStart + idAt));
          if (target === undefined) return;
          target.used += frame.copy(target.buf, target.used, recordStart, end);
        }),
      this.scan,
      this.blob,
    );
    for (const [id, { buf, used }] of targets) {
      if (used !== buf.length) throw new Error(`bucket ${id}: ${used} bytes of records found, ${buf.length} expected`);
      this.gathered.set(id, { buf, starts: null });
    }
    this.start = from;
    this.end = end;
  }

  /** One pass over every frame of the plan, each record appended to its batch's region. */
  private spillAll(): void {
    const batches: Array<{ from: number; end: number; bytes: number }> = [];
    const batchAt = new Map<number, number>();
    for (let from = 0; from < this.plan.length;) {
      const end = this.batchEnd(from);
      let bytes = 0;
      for (const b of this.plan.slice(from, end)) {
        bytes += b.bytes;
        batchAt.set(b.id, batches.length);
      }
      batches.push({ from, end, bytes });
      from = end;
    }
    const frames = new Map<number, number>();
    for (const b of this.plan) for (const [offset, length] of b.segments) frames.set(offset, length);
    const idAt = BUCKET_ID_AT[this.kind];
    const file = (async () => {
      const spill = await BatchSpill.open(batches.map((b) => b.bytes));
      try {
        await scanFrames(
          this.store,
          this.v,
          frames,
          (frame) => {
            forEachRecord(frame, (_line, _start, end, recordStart) => {
              const k = batchAt.get(frame.readUInt32LE(recordStart + idAt));
              if (k !== undefined) spill.append(k, frame, recordStart, end);
            });
            return spill.settle();
          },
          this.scan,
          this.blob,
        );
        await spill.finish();
        return spill;
      } catch (e) {
        await spill.close();
        throw e;
      }
    })();
    file.catch(() => undefined);
    this.spill = { file, batches };
  }

  /** The batch holding bucket `at`, read back from the spill file and sorted into its buckets. */
  private async gatherSpilled(at: number, spilled: NonNullable<BucketBatchReader["spill"]>): Promise<void> {
    const batch = spilled.batches.find((b) => at >= b.from && at < b.end);
    if (batch === undefined) throw new Error(`bucket at ${at} is in no batch`);
    this.gathered = new Map();
    const records = await (await spilled.file).read(spilled.batches.indexOf(batch));
    // Each bucket's records stay where they are in the batch: only where each starts is noted, in an array
    // sized by its segments' line counts, found by bucket id (a million records: a Map lookup and a growing
    // array each were a good part of this loop).
    const targets: Array<{ id: number; starts: Int32Array; count: number; used: number; bytes: number } | undefined> =
      [];
    for (const b of this.plan.slice(batch.from, batch.end)) {
      const lines = b.segments.reduce((n, s) => n + s[2], 0);
      targets[b.id] = { id: b.id, starts: new Int32Array(lines), count: 0, used: 0, bytes: b.bytes };
    }
    const idAt = BUCKET_ID_AT[this.kind];
    let seen = 0;
    let pos = 0;
    while (pos + RECORD_HEADER_BYTES <= records.length) {
      const end = pos + RECORD_HEADER_BYTES + records.readUInt32LE(pos + 4);
      if (end > records.length) throw new Error(`record of line ${records.readUInt32LE(pos)} is cut`);
      const target = targets[records.readUInt32LE(pos + idAt)];
      if (target === undefined)
        throw new Error(`record of line ${records.readUInt32LE(pos)} is in no bucket of its batch`);
      if (target.count === target.starts.length)
        throw new Error(`bucket ${target.id}: more records than its segments count (${target.count})`);
      target.starts[target.count++] = pos;
      target.used += end - pos;
      pos = end;
      if (++seen % 4096 === 0 && this.scan.turns?.over) await this.scan.turns.pass();
    }
    for (const target of targets) {
      if (target === undefined) continue;
      const { id, starts, count, used, bytes } = target;
      if (used !== bytes || count !== starts.length)
        throw new Error(`bucket ${id}: ${used} bytes in ${count} records found, ${bytes} in ${starts.length} expected`);
      this.gathered.set(id, { buf: records, starts });
    }
    this.start = batch.from;
    this.end = batch.end;
  }
}

/** A bucket's records: the whole of `buf`, or (a spilled batch) those starting at `starts`, in order. */
type GatheredRecords = { buf: Buffer; starts: Int32Array | null };

/**
 * Decodes each record of `records` in order for `visit`, handing the event loop back on the clock of
 * `turns` when given.
 */
async function visitRecords(
  decoder: FecLineDecoder,
  records: GatheredRecords,
  turns: Turns | undefined,
  visit: (entry: FecEntry) => Promise<void> | undefined,
): Promise<void> {
  const { buf, starts } = records;
  let at = 0;
  let seen = 0;
  try {
    for (;;) {
      if (starts !== null) {
        if (seen >= starts.length) break;
        at = starts[seen] ?? 0;
      } else if (at + RECORD_HEADER_BYTES > buf.length) break;
      const start = at + RECORD_HEADER_BYTES;
      const end = start + buf.readUInt32LE(at + 4);
      if (end > buf.length) throw new Error(`record of line ${buf.readUInt32LE(at)} is cut`);
      const visited = visit(decoder.decode(buf, start, end, buf.readUInt32LE(at)));
      if (visited !== undefined) await visited;
      at = end;
      if (++seen % LINES_PER_LOOK === 0 && turns?.over) await turns.pass();
    }
  } finally {
    decoder.release();
  }
}
