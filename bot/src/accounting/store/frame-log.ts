/**
 * Writes an import's lines once, in file order, as a block blob of brotli frames (framed-blob.ts) of
 * about 1 MiB of records each (line-records.ts). A frame is compressed on libuv's thread pool as soon
 * as it is full, four at a time, while the parser fills the next; every few frames go out as one
 * staged block, so storage (Azurite above all) pays for few requests. The block list is committed in
 * order, so a frame's stored offset is known once the frames before it are compressed.
 *
 * Readers find a bucket's lines through its segments, [stored offset, stored length, lines]: the
 * frames that hold some of them, and how many. Storing each line once, rather than once per view,
 * halves what is compressed and stored; a view then reads its bucket's frames and keeps the records
 * that carry the bucket's id.
 *
 * Frame buffers are recycled: V8 frees a dropped Buffer only at its next collection, late for
 * memory it does not see.
 */
import { compressFrame, type FrameRef } from "./framed-blob";
import { recordBytes, writeRecord } from "./line-records";

/** Where the blocks go: a block blob in production, an array in unit tests. */
export interface BlockSink {
  stageBlock(blockId: string, data: Buffer): Promise<void>;
  commitBlockList(blockIds: string[]): Promise<void>;
}

export type FrameLogOptions = {
  /** Records per frame, in bytes (a longer line gets a frame of its own). */
  frameBytes?: number;
  /** Frames per staged block. */
  framesPerBlock?: number;
  /** Frames and blocks held (compressed or being stored) before the caller must wait. */
  maxPendingFrames?: number;
};

/** Frames compressed at once: libuv's default thread pool has four threads. */
const PARALLEL_FRAMES = 4;

type Sealed = { no: number; raw: Buffer; buf: Buffer; compressed: Buffer | null };

export class FrameLogWriter {
  private readonly frameBytes: number;
  private readonly framesPerBlock: number;
  private readonly maxPending: number;
  private readonly pool: Buffer[] = [];
  private buf: Buffer;
  private used = 0;
  private frameNo = 0;
  /** Sealed frames not yet in a block, in order; the first ones wait for compression. */
  private readonly sealed: Sealed[] = [];
  private next = 0;
  private readonly compressing = new Set<Promise<void>>();
  private readonly staging = new Set<Promise<void>>();
  private readonly frames: FrameRef[] = [];
  private readonly ids: string[] = [];
  private position = 0;
  private failure: Error | null = null;
  bytesWritten = 0;

  constructor(
    private readonly sink: BlockSink,
    options: FrameLogOptions = {},
  ) {
    this.frameBytes = options.frameBytes ?? 1024 * 1024;
    this.framesPerBlock = options.framesPerBlock ?? 8;
    // Never fewer than a block and the frames being compressed: relieve() would wait for nothing.
    this.maxPending = Math.max(options.maxPendingFrames ?? 12, this.framesPerBlock + PARALLEL_FRAMES);
    this.buf = this.take();
  }

  /** Appends a line's record; returns the number of the frame that holds it. */
  add(
    line: number,
    ledgerBucket: number,
    journalBucket: number,
    bytes: Uint8Array,
    start: number,
    end: number,
  ): number {
    const size = recordBytes(end - start);
    if (this.used + size > this.buf.length) {
      if (this.used > 0) this.seal();
      if (size > this.buf.length) this.buf = Buffer.allocUnsafeSlow(size);
    }
    this.used += writeRecord(this.buf, this.used, line, ledgerBucket, journalBucket, bytes, start, end);
    return this.frameNo;
  }

  /** True when enough frames are pending: call relieve(). */
  get overBudget(): boolean {
    return this.sealed.length + this.staging.size >= this.maxPending;
  }

  /** Waits until storage has taken enough frames: the caller reads no faster than storage takes the bytes. */
  async relieve(): Promise<void> {
    while (this.overBudget && this.failure === null) await Promise.race([...this.compressing, ...this.staging]);
    this.rethrow();
  }

  /** Stores the last frames, commits the blob and returns every frame's place in it, by frame number. */
  async finish(): Promise<FrameRef[]> {
    if (this.used > 0) this.seal();
    while (this.compressing.size > 0) await Promise.race(this.compressing);
    this.rethrow();
    this.flush(true);
    await Promise.all(this.staging);
    this.rethrow();
    await this.sink.commitBlockList(this.ids);
    return this.frames;
  }

  private take(): Buffer {
    return this.pool.pop() ?? Buffer.allocUnsafeSlow(this.frameBytes);
  }

  private seal(): void {
    this.sealed.push({ no: this.frameNo++, raw: this.buf.subarray(0, this.used), buf: this.buf, compressed: null });
    this.buf = this.take();
    this.used = 0;
    this.compressSome();
  }

  private compressSome(): void {
    while (this.compressing.size < PARALLEL_FRAMES && this.next < this.sealed.length) {
      const frame = this.sealed[this.next++];
      if (frame === undefined) break;
      const done: Promise<void> = compressFrame(frame.raw)
        .then((compressed) => {
          frame.compressed = compressed;
          if (frame.buf.length === this.frameBytes) this.pool.push(frame.buf);
          this.flush(false);
        })
        .catch((e: unknown) => this.fail(e))
        .finally(() => {
          this.compressing.delete(done);
          this.compressSome();
        });
      this.compressing.add(done);
    }
  }

  /** Stages the compressed frames at the head of the queue as blocks (a short last one when `final`). */
  private flush(final: boolean): void {
    for (;;) {
      let ready = 0;
      while (ready < this.framesPerBlock && this.sealed[ready]?.compressed) ready++;
      if (ready === 0 || (ready < this.framesPerBlock && !(final && ready === this.sealed.length))) return;
      const parts = this.sealed.splice(0, ready).map((f) => {
        const compressed = f.compressed ?? Buffer.alloc(0);
        this.frames[f.no] = [this.position, compressed.length];
        this.position += compressed.length;
        return compressed;
      });
      this.next -= ready;
      const block = parts.length === 1 ? (parts[0] ?? Buffer.alloc(0)) : Buffer.concat(parts);
      this.bytesWritten += block.length;
      const id = Buffer.from(`blk${String(this.ids.length).padStart(10, "0")}`).toString("base64");
      this.ids.push(id);
      const staged: Promise<void> = this.sink
        .stageBlock(id, block)
        .catch((e: unknown) => this.fail(e))
        .finally(() => this.staging.delete(staged));
      this.staging.add(staged);
    }
  }

  private fail(e: unknown): void {
    this.failure ??= e instanceof Error ? e : new Error(String(e));
  }

  /** A failed upload fails the whole blob: nothing with a hole in it is ever committed. */
  private rethrow(): void {
    if (this.failure !== null) throw this.failure;
  }
}
