/**
 * Builds a block blob from lines arriving in file order so that each bucket (a group — account or
 * journal — and a month) can be read back with one or a few range reads, with bounded memory and no
 * local disk. It works in runs, like a log-structured merge without the merge:
 * - lines are buffered per bucket in pooled chunks;
 * - once the buffers pass the budget (or at the end) they are flushed as one run: buckets sorted by
 *   group then month, each group's buckets compressed together as one brotli frame (framed-blob.ts;
 *   small groups share one),
 *   the run's frames staged as one block;
 * - the block list is committed in run order, so every frame's stored offset is known when it is
 *   staged, and each bucket is the list of its segments, one per run that held some of its lines.
 * A file smaller than the budget is one run: every bucket one segment, a group one frame. A larger one
 * costs a bucket a segment per run, never a block per bucket: storage (Azurite above all) pays for
 * every request, and a run is a handful of MB.
 *
 * Memory outside the JS heap is recycled, never dropped: V8 frees a dropped Buffer only at its next
 * collection, late for memory it does not see, and a million lines would leave hundreds of MB of such
 * garbage. Buckets are lists of chunks taken from a pool, returned as soon as a run has copied them.
 */
import { compressFrame } from "./framed-blob";
import { RECORD_HEADER_BYTES, writeRecord } from "./line-records";

/** Where the blocks go: a block blob in production, an array in unit tests. */
export interface BlockSink {
  stageBlock(blockId: string, data: Buffer): Promise<void>;
  commitBlockList(blockIds: string[]): Promise<void>;
}

/**
 * Part of a bucket: the frame holding it (stored offset and length in the blob) and where its bytes
 * lie in the inflated frame.
 */
export type Segment = [storedOffset: number, storedLength: number, skip: number, length: number];

/** Chunk sizes a bucket grows through: small buckets stay small, big ones use 64 KiB chunks. */
const CHUNK_SIZES = [256, 1024, 4096, 16384, 65536] as const;
const LARGEST_CHUNK = 65536;
/** Frames compressed at once: libuv's default thread pool has four threads. */
const PARALLEL_FRAMES = 4;
/** A frame takes groups until it holds this much: large enough to spare compressors, small enough to read. */
const MIN_FRAME_BYTES = 256 * 1024;

type Chunk = { buf: Buffer; used: number };

/** A frame's bytes in a run (one or more whole groups), and where each of its buckets lies in them. */
type RunFrame = { data: Buffer; buckets: Array<{ bucket: Bucket; skip: number; length: number }> };

type Bucket = {
  group: string;
  month: number;
  chunks: Chunk[];
  /** Bytes written in the chunks. */
  used: number;
  segments: Segment[];
};

export type GroupedBlobOptions = {
  /** Bytes of chunks held across buckets before they are flushed as a run. */
  budgetBytes?: number;
  /** Compressed runs being stored at once. */
  stagedInFlight?: number;
};

export function bucketKey(group: string, month: number): string {
  return `${group}\u0000${month}`;
}

/** Free buffers of one fixed size, handed out again before any new allocation. */
class Recycler {
  private readonly free: Buffer[] = [];

  constructor(
    readonly size: number,
    private readonly keep: number,
  ) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  give(buf: Buffer): void {
    if (buf.length === this.size && this.free.length < this.keep) this.free.push(buf);
  }
}

export class GroupedBlobWriter {
  private readonly groups = new Map<string, Map<number, Bucket>>();
  private readonly lastOfGroup = new Map<string, Bucket>();
  private readonly chunkPools: Recycler[];
  private buffered = 0;
  private seq = 0;
  private position = 0;
  private readonly ids: string[] = [];
  /** The run being compressed: the next one waits for it, as it reuses the run buffer. */
  private compressing: Promise<void> = Promise.resolve();
  /** Compressed runs being staged (at most `stagedInFlight`: back-pressure on the caller). */
  private readonly staging = new Set<Promise<void>>();
  private readonly stagedInFlight: number;
  private runBuffer = Buffer.alloc(0);
  private failure: Error | null = null;
  private readonly budget: number;
  bytesWritten = 0;
  runs = 0;

  constructor(
    private readonly sink: BlockSink,
    private readonly compareGroups: (a: string, b: string) => number,
    options: GroupedBlobOptions = {},
  ) {
    this.budget = options.budgetBytes ?? 4 * 1024 * 1024;
    this.stagedInFlight = options.stagedInFlight ?? 3;
    // Enough chunks for the next run while one is in flight.
    const keepChunks = Math.ceil(this.budget / LARGEST_CHUNK);
    this.chunkPools = CHUNK_SIZES.map((size) => new Recycler(size, keepChunks));
  }

  /** Appends one record: a FEC line's bytes, `bytes[start, end)`, after its line number (see line-records). */
  add(group: string, month: number, line: number, bytes: Uint8Array, start: number, end: number): void {
    // Lines of a group mostly come in runs of one month: one lookup instead of two.
    let bucket = this.lastOfGroup.get(group);
    if (bucket === undefined || bucket.month !== month) bucket = this.bucket(group, month);
    const size = RECORD_HEADER_BYTES + end - start;
    let chunk = bucket.chunks[bucket.chunks.length - 1];
    if (chunk === undefined || chunk.used + size > chunk.buf.length) chunk = this.newChunk(bucket, size);
    chunk.used += writeRecord(chunk.buf, chunk.used, line, bytes, start, end);
    bucket.used += size;
  }

  private bucket(group: string, month: number): Bucket {
    let months = this.groups.get(group);
    if (months === undefined) {
      months = new Map();
      this.groups.set(group, months);
    }
    let bucket = months.get(month);
    if (bucket === undefined) {
      bucket = { group, month, chunks: [], used: 0, segments: [] };
      months.set(month, bucket);
    }
    this.lastOfGroup.set(group, bucket);
    return bucket;
  }

  private newChunk(bucket: Bucket, needed: number): Chunk {
    const size = CHUNK_SIZES[Math.min(bucket.chunks.length, CHUNK_SIZES.length - 1)] ?? LARGEST_CHUNK;
    const pool = this.chunkPools.find((p) => p.size >= Math.max(size, needed));
    // A record longer than the largest chunk (only a very long line) gets a buffer of its own.
    const buf = pool ? pool.take() : Buffer.allocUnsafeSlow(needed);
    const chunk = { buf, used: 0 };
    bucket.chunks.push(chunk);
    this.buffered += buf.length;
    return chunk;
  }

  /** True when the chunks pass the budget: call relieve(). */
  get overBudget(): boolean {
    return this.buffered > this.budget;
  }

  /**
   * Flushes what is buffered as a run. Waits while the previous run is still being compressed (its
   * buffer is reused) or while too many runs are being stored: the caller reads no faster than storage
   * takes the bytes.
   */
  async relieve(): Promise<void> {
    await this.compressing;
    while (this.staging.size >= this.stagedInFlight) await Promise.race(this.staging);
    this.rethrow();
    const run = this.takeRun();
    const compressed = this.compressRun(run);
    this.compressing = compressed.then(
      () => undefined,
      () => undefined,
    );
    const staged: Promise<void> = compressed
      .then((block) => (block ? this.sink.stageBlock(block.id, block.data) : undefined))
      .catch((e: unknown) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      })
      .finally(() => this.staging.delete(staged));
    this.staging.add(staged);
  }

  /**
   * Copies the buffered buckets, group after group, into the run buffer (reused: compression, the only
   * reader, is over when the next run is taken) and recycles their chunks. Consecutive groups share a
   * frame until it holds MIN_FRAME_BYTES: every frame costs a compressor, and small accounts are many.
   */
  private takeRun(): RunFrame[] {
    const run: RunFrame[] = [];
    let needed = 0;
    for (const months of this.groups.values()) for (const b of months.values()) needed += b.used;
    if (this.runBuffer.length < needed) this.runBuffer = Buffer.allocUnsafeSlow(Math.max(needed, this.budget));
    let at = 0;
    let frame: RunFrame | null = null;
    let base = 0;
    const groups = [...this.groups.keys()].sort(this.compareGroups);
    for (const group of groups) {
      const months = [...(this.groups.get(group)?.values() ?? [])].filter((b) => b.used > 0);
      if (months.length === 0) continue;
      months.sort((a, b) => a.month - b.month);
      if (frame === null || at - base >= MIN_FRAME_BYTES) {
        if (frame) frame.data = this.runBuffer.subarray(base, at);
        base = at;
        frame = { data: this.runBuffer.subarray(at, at), buckets: [] };
        run.push(frame);
      }
      for (const bucket of months) {
        const skip = at - base;
        for (const chunk of bucket.chunks) {
          at += chunk.buf.copy(this.runBuffer, at, 0, chunk.used);
          this.buffered -= chunk.buf.length;
          this.chunkPools.find((p) => p.size === chunk.buf.length)?.give(chunk.buf);
        }
        frame.buckets.push({ bucket, skip, length: at - base - skip });
        bucket.chunks = [];
        bucket.used = 0;
      }
    }
    if (frame) frame.data = this.runBuffer.subarray(base, at);
    return run;
  }

  /** Compresses a run's groups and gives the run its place in the blob (runs are compressed one at a time, in order). */
  private async compressRun(run: RunFrame[]): Promise<{ id: string; data: Buffer } | null> {
    if (run.length === 0) return null;
    // A few at a time: each compressor holds its own window and tables from the moment it is created.
    const frames: Buffer[] = [];
    for (let i = 0; i < run.length; i += PARALLEL_FRAMES)
      frames.push(...(await Promise.all(run.slice(i, i + PARALLEL_FRAMES).map((g) => compressFrame(g.data)))));
    let at = this.position;
    frames.forEach((frame, i) => {
      for (const { bucket, skip, length } of run[i]?.buckets ?? [])
        bucket.segments.push([at, frame.length, skip, length]);
      at += frame.length;
    });
    const block = frames.length === 1 ? (frames[0] ?? Buffer.alloc(0)) : Buffer.concat(frames);
    const id = Buffer.from(`run${String(this.seq++).padStart(10, "0")}`).toString("base64");
    this.ids.push(id);
    this.position = at;
    this.bytesWritten += block.length;
    this.runs++;
    return { id, data: block };
  }

  /** Flushes the last run, commits the blob and returns every bucket's segments (keyed by `bucketKey`). */
  async finish(): Promise<Map<string, Segment[]>> {
    await this.relieve();
    await Promise.all(this.staging);
    this.rethrow();
    await this.sink.commitBlockList(this.ids);
    const segments = new Map<string, Segment[]>();
    for (const months of this.groups.values())
      for (const bucket of months.values()) segments.set(bucketKey(bucket.group, bucket.month), bucket.segments);
    this.groups.clear();
    this.lastOfGroup.clear();
    return segments;
  }

  /** A failed upload fails the whole blob: nothing with a hole in it is ever committed. */
  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}
