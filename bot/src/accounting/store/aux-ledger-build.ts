import { createFecLineDecoder, etablissementCodeKey } from "@comptoir/shared";
import { AUX_FRAME_BYTES, AUX_LEDGER_BLOB, AUX_READY_ROW, AUX_ROWS } from "./aux-ledger";
import { AUX_READY } from "./aux-ledger-read";
import { scanFrames } from "./entry-records";
import type { Segment } from "./framed-blob";
import { countRecord, FrameLogWriter, segmentsOf, type FrameCounts, type FrameLogOptions } from "./frame-log";
import { BUCKET_ID_AT, forEachRecord, recordBytes } from "./line-records";
import type { AccountingStore, LedgerIndex, VersionRef } from "./store";

/**
 * Builds an import's auxiliaries' grand livre (aux-ledger.ts) from its stored lines, after the import,
 * like its search index: any instance, more than once, the same output each time.
 *
 * The copy is sorted by auxiliary, which the lines blob is not, so an auxiliary's lines must be read
 * before they are written. Holding every such line at once would add bench:fec's 58 MB of 411/401
 * records to the server's peak. But each month of an (account, auxiliary) is a bucket of its own,
 * stored anywhere in the copy: so the build goes a few months at a time (up to PASS_BYTES of records,
 * known from the ledger index), reading only the frames that hold those months' lines.
 */

/** Record bytes one pass holds at most (a month larger than this is a pass of its own). */
const PASS_BYTES = 8 * 1024 * 1024;
/** Frames read at a time, as the search index build reads them. */
const FRAME_READS = { framesPerRead: 2, readsInFlight: 1 };
/** Small frames, many to a block: one request per MiB or so. */
const FRAMES_PER_BLOCK = 64;
/**
 * Per record held: [line start in the pass's bytes, its length, group, month, date, line, journal bucket,
 * établissement, 1 when it has no letter].
 */
const STRIDE = 9;

export type AuxLedgerOutcome = "built" | "present" | "gone";
export type AuxLedgerOptions = { passBytes?: number; frames?: FrameLogOptions };

/** One (auxiliary, account) and its month buckets in the copy. */
type Group = { aux: string; compteNum: string; buckets: Map<number, CopyBucket> };
type CopyBucket = FrameCounts & {
  id: number;
  month: number;
  nets: number[];
  etabs: Sums;
  /** The same, of its lines without a letter (the unlettered filter's counts and totals). */
  unlettered: Sums;
};
type Sums = Map<string, [lines: number, debit: number, credit: number]>;
/** A ledger bucket of an account with auxiliaries: its account, month, record bytes and lines. */
type Source = { id: number; compteNum: string; month: number; bytes: number; lines: number; segments: Segment[] };

export async function buildAuxLedger(
  store: AccountingStore,
  v: VersionRef,
  options: AuxLedgerOptions = {},
): Promise<AuxLedgerOutcome> {
  if (!(await store.versionStored(v))) return "gone";
  if ((await store.readDocument(v, AUX_READY_ROW)) !== null) return "present";
  const [layout, ledger, aggregate] = await Promise.all([
    store.readLayout(v),
    store.readLedgerIndex(v),
    store.readAggregate(v),
  ]);
  const withAux = new Set(aggregate.rows.filter((r) => r.compAuxNum !== "").map((r) => r.compteNum));
  const byMonth = new Map<number, Source[]>();
  for (const index of ledger) {
    if (!withAux.has(index.compteNum)) continue;
    for (const b of index.buckets) {
      const lines = b[3].reduce((n, s) => n + s[1], 0);
      const source = { id: b[4], compteNum: index.compteNum, month: b[0], bytes: b[2], lines, segments: b[1] };
      const list = byMonth.get(b[0]);
      if (list) list.push(source);
      else byMonth.set(b[0], [source]);
    }
  }
  const passes = monthPasses(byMonth, options.passBytes ?? PASS_BYTES);
  const holder = new Holder(Math.max(0, ...passes.map((p) => p.bytes)), Math.max(0, ...passes.map((p) => p.lines)));
  const writer = new FrameLogWriter(store.blockSink(v, AUX_LEDGER_BLOB), {
    frameBytes: AUX_FRAME_BYTES,
    framesPerBlock: FRAMES_PER_BLOCK,
    ...options.frames,
  });
  const groups = new Groups();
  let bucketCount = 0;
  for (const pass of passes) {
    await holdPass(store, v, layout.format, pass.sources, holder, groups);
    for (const k of holder.order()) {
      const at = k * STRIDE;
      const r = holder.records;
      const group = groups.list[r[at + 2] ?? -1];
      if (group === undefined) throw new Error("record without its group");
      const month = r[at + 3] ?? 0;
      let bucket = group.buckets.get(month);
      if (bucket === undefined) {
        bucket = {
          id: bucketCount++,
          month,
          frames: [],
          lastFrame: -1,
          bytes: 0,
          nets: [],
          etabs: new Map(),
          unlettered: new Map(),
        };
        group.buckets.set(month, bucket);
      }
      const start = r[at] ?? 0;
      const end = start + (r[at + 1] ?? 0);
      const frame = writer.add(r[at + 5] ?? 0, bucket.id, r[at + 6] ?? 0, holder.bytes, start, end);
      const debit = holder.amounts[k * 2] ?? 0;
      const credit = holder.amounts[k * 2 + 1] ?? 0;
      countRecord(bucket, frame, recordBytes(end - start));
      const segment = (bucket.frames.length >> 1) - 1;
      bucket.nets[segment] = (bucket.nets[segment] ?? 0) + debit - credit;
      const etab = groups.etabs[r[at + 7] ?? -1] ?? "";
      counted(bucket.etabs, etab, debit, credit);
      if (r[at + 8] === 1) counted(bucket.unlettered, etab, debit, credit);
      if (writer.overBudget) await writer.relieve();
    }
  }
  const stored = await writer.finish();

  const byAux = new Map<string, LedgerIndex[]>();
  for (const g of groups.list) {
    const index: LedgerIndex = {
      compteNum: g.compteNum,
      buckets: [...g.buckets.values()]
        .sort((a, b) => a.month - b.month)
        .map((b) => [
          b.month,
          segmentsOf(b, stored),
          b.bytes,
          statsOf(b.etabs),
          b.id,
          1,
          b.nets,
          statsOf(b.unlettered),
        ]),
    };
    const list = byAux.get(g.aux);
    if (list) list.push(index);
    else byAux.set(g.aux, [index]);
  }
  await store.writeDocuments(
    v,
    [...byAux].map(([aux, indexes]) => ({ key: [AUX_ROWS, aux], json: JSON.stringify(indexes) })),
  );
  await store.writeDocuments(v, [{ key: AUX_READY_ROW, json: AUX_READY }]);
  // Collected while it was built: what was just written goes with the rest.
  if (!(await store.versionStored(v))) {
    await store.purgeVersion(v);
    return "gone";
  }
  return "built";
}

type Pass = { sources: Source[]; bytes: number; lines: number };

/** Consecutive months (à-nouveaux first), gathered while their records stay under `passBytes`. */
function monthPasses(byMonth: ReadonlyMap<number, Source[]>, passBytes: number): Pass[] {
  const passes: Pass[] = [];
  let current: Pass = { sources: [], bytes: 0, lines: 0 };
  for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
    const sources = byMonth.get(month) ?? [];
    const bytes = sources.reduce((n, s) => n + s.bytes, 0);
    const lines = sources.reduce((n, s) => n + s.lines, 0);
    if (current.sources.length > 0 && current.bytes + bytes > passBytes) {
      passes.push(current);
      current = { sources: [], bytes: 0, lines: 0 };
    }
    current.sources.push(...sources);
    current.bytes += bytes;
    current.lines += lines;
  }
  if (current.sources.length > 0) passes.push(current);
  return passes;
}

/** The (account, auxiliary) pairs and établissements met so far, numbered in order of first sight. */
class Groups {
  readonly list: Group[] = [];
  readonly etabs: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly etabIds = new Map<string, number>();

  group(compteNum: string, aux: string): number {
    const key = `${compteNum}\u0000${aux}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push({ aux, compteNum, buckets: new Map() });
      this.ids.set(key, id);
    }
    return id;
  }

  etab(code: string): number {
    let id = this.etabIds.get(code);
    if (id === undefined) {
      id = this.etabs.length;
      this.etabs.push(code);
      this.etabIds.set(code, id);
    }
    return id;
  }
}

/**
 * What one pass holds, in memory sized once for the largest pass (from the index: its records' bytes
 * and lines), reused by the next: the lines' bytes, STRIDE numbers and two amounts per line.
 */
class Holder {
  readonly bytes: Buffer;
  readonly records: Int32Array;
  readonly amounts: Float64Array;
  used = 0;
  count = 0;

  constructor(bytes: number, lines: number) {
    this.bytes = Buffer.allocUnsafeSlow(Math.max(1, bytes));
    this.records = new Int32Array(Math.max(1, lines) * STRIDE);
    this.amounts = new Float64Array(Math.max(1, lines) * 2);
  }

  clear(): void {
    this.used = 0;
    this.count = 0;
  }

  /** Record numbers in the copy's order: group, month, date, line. */
  order(): number[] {
    const r = this.records;
    const at = (k: number, field: number) => r[k * STRIDE + field] ?? 0;
    return Array.from({ length: this.count }, (_, k) => k).sort(
      (a, b) => at(a, 2) - at(b, 2) || at(a, 3) - at(b, 3) || at(a, 4) - at(b, 4) || at(a, 5) - at(b, 5),
    );
  }
}

/** Reads the frames of `sources` (a few months' buckets) and holds their lines that carry an auxiliary. */
async function holdPass(
  store: AccountingStore,
  v: VersionRef,
  format: Parameters<typeof createFecLineDecoder>[0],
  sources: readonly Source[],
  holder: Holder,
  groups: Groups,
): Promise<void> {
  holder.clear();
  const buckets = new Map(sources.map((s) => [s.id, s]));
  const frames = new Map<number, number>();
  for (const s of sources) for (const [offset, length] of s.segments) frames.set(offset, length);
  const decoder = createFecLineDecoder(format, { textFields: ["compAuxNum", "etablissement", "ecritureLet"] });
  await scanFrames(
    store,
    v,
    frames,
    (buf) => {
      forEachRecord(buf, (line, start, end, recordStart) => {
        const source = buckets.get(buf.readUInt32LE(recordStart + BUCKET_ID_AT.ledger));
        if (source === undefined) return;
        const e = decoder.decode(buf, start, end, line);
        const aux = e.compAuxNum ?? "";
        if (aux === "") return;
        const length = end - start;
        // The index sized the holder for every line of these buckets: more means it does not match the lines.
        if (holder.used + length > holder.bytes.length || (holder.count + 1) * STRIDE > holder.records.length)
          throw new Error(`the buckets of month ${source.month} hold more lines than their index says`);
        buf.copy(holder.bytes, holder.used, start, end);
        const r = holder.records;
        const at = holder.count * STRIDE;
        r[at] = holder.used;
        r[at + 1] = length;
        r[at + 2] = groups.group(source.compteNum, aux);
        r[at + 3] = source.month;
        r[at + 4] = e.date;
        r[at + 5] = line;
        r[at + 6] = buf.readUInt32LE(recordStart + BUCKET_ID_AT.journal);
        r[at + 7] = groups.etab(e.etablissement ? etablissementCodeKey(e.etablissement) : "");
        r[at + 8] = e.ecritureLet === undefined ? 1 : 0;
        holder.amounts[holder.count * 2] = e.debitCents;
        holder.amounts[holder.count * 2 + 1] = e.creditCents;
        holder.used += length;
        holder.count++;
      });
      decoder.release();
    },
    FRAME_READS,
  );
}

/** Adds a line to its établissement's [lines, debit, credit]. */
function counted(sums: Sums, etab: string, debit: number, credit: number): void {
  const found = sums.get(etab);
  if (found) {
    found[0]++;
    found[1] += debit;
    found[2] += credit;
  } else sums.set(etab, [1, debit, credit]);
}

/** The index's [établissement, lines, debit, credit] entries. */
const statsOf = (sums: Sums): Array<[string, number, number, number]> =>
  [...sums].map(([etab, [n, d, c]]) => [etab, n, d, c]);
