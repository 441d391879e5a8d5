/**
 * Builds a block blob whose content is grouped by bucket (a group — account or journal — and a month)
 * from lines arriving in file order, with bounded memory and no local disk:
 * - lines are buffered per bucket; a bucket reaching a block's size, or the biggest ones once the
 *   budget is passed, are uploaded as staged blocks (one bucket per block), so a 1,000,000-line file
 *   never sits in memory;
 * - at the end the block list is committed in bucket order, which is what makes the blob grouped: a
 *   block blob is the concatenation of its committed blocks in the order the list names them;
 * - what is still buffered at the end is packed into as few blocks as the order allows.
 * Each bucket's byte range is then known, so one range read returns a bucket or a run of buckets.
 *
 * Memory outside the JS heap is recycled, never dropped: V8 frees a dropped Buffer only at its next
 * collection, late for memory it does not see, and a million lines would leave hundreds of MB of such
 * garbage. Buckets are lists of chunks taken from a pool; blocks are copied into a few reused buffers.
 */

/** Where the blocks go: a block blob in production, an array in unit tests. */
export interface BlockSink {
  stageBlock(blockId: string, data: Buffer): Promise<void>;
  commitBlockList(blockIds: string[]): Promise<void>;
}

export type ByteRange = { offset: number; length: number };

/** Chunk sizes a bucket grows through: small buckets stay small, big ones use 64 KiB chunks. */
const CHUNK_SIZES = [256, 1024, 4096, 16384, 65536] as const;
const LARGEST_CHUNK = 65536;

type Chunk = { buf: Buffer; used: number };

type Bucket = {
  group: string;
  month: number;
  chunks: Chunk[];
  /** Bytes written in the chunks. */
  used: number;
  blocks: Array<{ id: string; bytes: number }>;
};

export type GroupedBlobOptions = {
  /** Bytes of chunks held across buckets before the biggest buckets are uploaded. */
  budgetBytes?: number;
  /** A bucket reaching this size is uploaded as a block; also the size of the blocks packed at the end. */
  blockBytes?: number;
  /** Staged uploads in flight at once. */
  concurrency?: number;
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
  private readonly full: Bucket[] = [];
  private readonly chunkPools: Recycler[];
  private readonly blockPool: Recycler;
  private buffered = 0;
  private seq = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private failure: Error | null = null;
  private readonly budget: number;
  private readonly blockBytes: number;
  private readonly concurrency: number;
  bytesWritten = 0;

  constructor(
    private readonly sink: BlockSink,
    options: GroupedBlobOptions = {},
  ) {
    this.budget = options.budgetBytes ?? 8 * 1024 * 1024;
    this.blockBytes = options.blockBytes ?? 1024 * 1024;
    this.concurrency = options.concurrency ?? 3;
    const keepChunks = Math.ceil(this.budget / LARGEST_CHUNK / 2);
    this.chunkPools = CHUNK_SIZES.map((size) => new Recycler(size, keepChunks));
    // A block buffer holds a full bucket: one block plus the record that made it full.
    this.blockPool = new Recycler(this.blockBytes + 4 * LARGEST_CHUNK, this.concurrency + 1);
  }

  /** Appends one record, given as a head and a tail written one after the other (no concatenation). */
  add(group: string, month: number, head: string, tail = ""): void {
    let months = this.groups.get(group);
    if (months === undefined) {
      months = new Map();
      this.groups.set(group, months);
    }
    let bucket = months.get(month);
    if (bucket === undefined) {
      bucket = { group, month, chunks: [], used: 0, blocks: [] };
      months.set(month, bucket);
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit: the record always fits the chunk it starts in.
    const worst = (head.length + tail.length) * 3;
    let chunk = bucket.chunks[bucket.chunks.length - 1];
    if (chunk === undefined || chunk.used + worst > chunk.buf.length) chunk = this.newChunk(bucket, worst);
    const before = bucket.used;
    let written = chunk.buf.write(head, chunk.used, "utf8");
    if (tail !== "") written += chunk.buf.write(tail, chunk.used + written, "utf8");
    chunk.used += written;
    bucket.used += written;
    if (before < this.blockBytes && bucket.used >= this.blockBytes) this.full.push(bucket);
  }

  private newChunk(bucket: Bucket, worst: number): Chunk {
    const size = CHUNK_SIZES[Math.min(bucket.chunks.length, CHUNK_SIZES.length - 1)] ?? LARGEST_CHUNK;
    const pool = this.chunkPools.find((p) => p.size >= Math.max(size, worst));
    // A record longer than the largest chunk (only a very long line) gets a buffer of its own.
    const buf = pool ? pool.take() : Buffer.allocUnsafeSlow(worst);
    const chunk = { buf, used: 0 };
    bucket.chunks.push(chunk);
    this.buffered += buf.length;
    return chunk;
  }

  /** True when some bucket fills a block or the chunks pass the budget: call relieve(). */
  get overBudget(): boolean {
    return this.full.length > 0 || this.buffered > this.budget;
  }

  /** Uploads full buckets, then the biggest ones until half the budget is free; waits while uploads are busy. */
  async relieve(): Promise<void> {
    for (const bucket of this.full.splice(0)) await this.flush(bucket);
    if (this.buffered <= this.budget) return;
    const biggest = this.all()
      .filter((b) => b.used > 0)
      .sort((a, b) => b.used - a.used);
    for (const bucket of biggest) {
      if (this.buffered <= this.budget / 2) break;
      await this.flush(bucket);
    }
  }

  private async flush(bucket: Bucket): Promise<void> {
    if (bucket.used === 0) return;
    const bytes = bucket.used;
    const owner = bytes <= this.blockPool.size ? this.blockPool.take() : Buffer.allocUnsafeSlow(bytes);
    this.drainInto(bucket, owner, 0);
    bucket.blocks.push({ id: await this.stage(owner.subarray(0, bytes), owner), bytes });
  }

  /** Copies a bucket's bytes into `target` at `at` and recycles its chunks. */
  private drainInto(bucket: Bucket, target: Buffer, at: number): number {
    let position = at;
    for (const chunk of bucket.chunks) {
      position += chunk.buf.copy(target, position, 0, chunk.used);
      this.buffered -= chunk.buf.length;
      this.chunkPools.find((p) => p.size === chunk.buf.length)?.give(chunk.buf);
    }
    bucket.chunks = [];
    bucket.used = 0;
    return position;
  }

  private all(): Bucket[] {
    const out: Bucket[] = [];
    for (const months of this.groups.values()) for (const b of months.values()) out.push(b);
    return out;
  }

  /**
   * Commits the blob with buckets ordered by `compareGroups` then month, and returns every bucket's
   * byte range (keyed by `bucketKey`).
   */
  async finish(compareGroups: (a: string, b: string) => number): Promise<Map<string, ByteRange>> {
    const ordered = this.all().sort((a, b) => compareGroups(a.group, b.group) || a.month - b.month);
    const ids: string[] = [];
    const ranges = new Map<string, ByteRange>();
    let position = 0;
    let pending: Bucket[] = [];
    let pendingBytes = 0;
    const stagePending = async () => {
      if (pending.length === 0) return;
      const owner = pendingBytes <= this.blockPool.size ? this.blockPool.take() : Buffer.allocUnsafeSlow(pendingBytes);
      let at = 0;
      for (const bucket of pending) at = this.drainInto(bucket, owner, at);
      ids.push(await this.stage(owner.subarray(0, pendingBytes), owner));
      position += pendingBytes;
      pending = [];
      pendingBytes = 0;
    };
    for (const bucket of ordered) {
      let start = -1;
      if (bucket.blocks.length > 0) {
        await stagePending();
        start = position;
        for (const block of bucket.blocks) {
          ids.push(block.id);
          position += block.bytes;
        }
      }
      if (start === -1) start = position + pendingBytes;
      if (bucket.used > 0) {
        // What a bucket still buffers goes into the next packed block, right after its staged ones.
        if (pendingBytes + bucket.used > this.blockBytes) await stagePending();
        pending.push(bucket);
        pendingBytes += bucket.used;
      }
      ranges.set(bucketKey(bucket.group, bucket.month), {
        offset: start,
        length: position + pendingBytes - start,
      });
    }
    await stagePending();
    await this.drain();
    await this.sink.commitBlockList(ids);
    this.groups.clear();
    this.buffered = 0;
    return ranges;
  }

  /** Stages one block, keeping at most `concurrency` uploads in flight (back-pressure on the caller). */
  private async stage(data: Buffer, owner: Buffer): Promise<string> {
    this.rethrow();
    while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
    this.rethrow();
    const id = Buffer.from(`blk${String(this.seq++).padStart(10, "0")}`).toString("base64");
    this.bytesWritten += data.length;
    const upload: Promise<void> = this.sink
      .stageBlock(id, data)
      .catch((e: unknown) => {
        this.failure ??= e instanceof Error ? e : new Error(String(e));
      })
      .finally(() => {
        this.inFlight.delete(upload);
        this.blockPool.give(owner);
      });
    this.inFlight.add(upload);
    return id;
  }

  private async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.rethrow();
  }

  /** A failed upload fails the whole blob: nothing with a hole in it is ever committed. */
  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}
