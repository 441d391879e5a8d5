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
import type { FrameRef, Segment } from "./framed-blob";
import { FrameStager, type BlockSink } from "./frame-stager";
import { recordBytes, writeRecord } from "./line-records";

export type { BlockSink } from "./frame-stager";

/** Records per frame by default: what a reader inflates at once (store.ts sizes its output to it). */
export const FRAME_BYTES = 1024 * 1024;

export type FrameLogOptions = {
  /** Records per frame, in bytes (a longer line gets a frame of its own). */
  frameBytes?: number;
  /** Frames per staged block. */
  framesPerBlock?: number;
  /** Frames and blocks held (compressed or being stored) before the caller must wait. */
  maxPendingFrames?: number;
};

export class FrameLogWriter {
  private readonly frameBytes: number;
  private readonly stager: FrameStager;
  private readonly pool: Buffer[] = [];
  private buf: Buffer;
  private used = 0;
  private frameNo = 0;

  constructor(sink: BlockSink, options: FrameLogOptions = {}) {
    this.frameBytes = options.frameBytes ?? FRAME_BYTES;
    this.stager = new FrameStager(sink, {
      framesPerBlock: options.framesPerBlock ?? 8,
      maxPendingFrames: options.maxPendingFrames ?? 12,
      blockIdPrefix: "blk",
    });
    this.buf = this.take();
  }

  get bytesWritten(): number {
    return this.stager.bytesWritten;
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
    return this.stager.overBudget;
  }

  /** Waits until storage has taken enough frames: the caller reads no faster than storage takes the bytes. */
  relieve(): Promise<void> {
    return this.stager.relieve();
  }

  /** Stores the last frames, commits the blob and returns every frame's place in it, by frame number. */
  finish(): Promise<FrameRef[]> {
    if (this.used > 0) this.seal();
    return this.stager.finish();
  }

  private take(): Buffer {
    return this.pool.pop() ?? Buffer.allocUnsafeSlow(this.frameBytes);
  }

  private seal(): void {
    const buf = this.buf;
    this.stager.push(buf.subarray(0, this.used), () => {
      if (buf.length === this.frameBytes) this.pool.push(buf);
    });
    this.frameNo++;
    this.buf = this.take();
    this.used = 0;
  }
}

/** Where a bucket's records go while the frames are written: [frame, lines] pairs, flat, and their bytes. */
export type FrameCounts = { frames: number[]; lastFrame: number; bytes: number };

/** Counts a record of `size` bytes in `frame` for its bucket (records come in frame order). */
export function countRecord(bucket: FrameCounts, frame: number, size: number): void {
  const last = bucket.frames.length - 1;
  if (bucket.lastFrame === frame) bucket.frames[last] = (bucket.frames[last] ?? 0) + 1;
  else {
    bucket.frames.push(frame, 1);
    bucket.lastFrame = frame;
  }
  bucket.bytes += size;
}

/** A bucket's segments once the frames are stored (`frames`, by number): [stored offset, stored length, lines]. */
export function segmentsOf(bucket: FrameCounts | undefined, frames: readonly FrameRef[]): Segment[] {
  const out: Segment[] = [];
  const pairs = bucket?.frames ?? [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const ref = frames[pairs[i] ?? -1];
    if (ref === undefined) throw new Error(`frame ${pairs[i]} was not stored`);
    out.push([ref[0], ref[1], pairs[i + 1] ?? 0]);
  }
  return out;
}
