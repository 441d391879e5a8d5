import { compressFrame, type FrameRef } from "./framed-blob";

/** Where the blocks go: a block blob in production, an array in unit tests. */
export interface BlockSink {
  stageBlock(blockId: string, data: Buffer): Promise<void>;
  commitBlockList(blockIds: string[]): Promise<void>;
}

export type FrameStagerOptions = {
  /** Frames per staged block. */
  framesPerBlock: number;
  /** Frames and blocks held (compressed or being stored) before the caller must wait (at least, and by default, a block and the frames being compressed). */
  maxPendingFrames?: number;
  /** Block ids are this prefix and the block's number (ids of a blob have one length). */
  blockIdPrefix: string;
};

/** Frames compressed at once: libuv's default thread pool has four threads. */
const PARALLEL_FRAMES = 4;

type Sealed = { no: number; raw: Buffer; compressed: Buffer | null; compressedDone?: () => void };

/**
 * Compresses frames on libuv's thread pool, a few at a time, and stages them in order, several per
 * block: a request costs Azurite about 3 ms of CPU whatever its size (400 blocks of 50 KB took it 1.3
 * CPU-s, 20 of 1 MB 0.5 CPU-s), and those milliseconds share the import's cores. A frame's stored
 * offset is known once the frames before it are compressed; `finish` commits the list in order.
 */
export class FrameStager {
  private readonly framesPerBlock: number;
  private readonly maxPending: number;
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
    private readonly options: FrameStagerOptions,
  ) {
    this.framesPerBlock = options.framesPerBlock;
    // Never fewer than a block and the frames being compressed: relieve() would wait for nothing.
    this.maxPending = Math.max(options.maxPendingFrames ?? 0, options.framesPerBlock + PARALLEL_FRAMES);
  }

  /**
   * Queues `raw` as the next frame and returns its number. `compressed` is called once its bytes are
   * no longer needed (the caller may reuse them).
   */
  push(raw: Buffer, compressed?: () => void): number {
    const no = this.frameNo++;
    this.sealed.push({ no, raw, compressed: null, ...(compressed ? { compressedDone: compressed } : {}) });
    this.compressSome();
    return no;
  }

  /** True when enough frames are pending: call relieve(). */
  get overBudget(): boolean {
    return this.sealed.length + this.staging.size >= this.maxPending;
  }

  /** Waits until storage has taken enough frames: the caller produces no faster than storage takes the bytes. */
  async relieve(): Promise<void> {
    while (this.overBudget && this.failure === null) await Promise.race([...this.compressing, ...this.staging]);
    this.rethrow();
  }

  /** Stores the last frames, commits the blob and returns every frame's place in it, by frame number. */
  async finish(): Promise<FrameRef[]> {
    while (this.compressing.size > 0) await Promise.race(this.compressing);
    this.rethrow();
    this.flush(true);
    await Promise.all(this.staging);
    this.rethrow();
    await this.sink.commitBlockList(this.ids);
    return this.frames;
  }

  private compressSome(): void {
    while (this.compressing.size < PARALLEL_FRAMES && this.next < this.sealed.length) {
      const frame = this.sealed[this.next++];
      if (frame === undefined) break;
      const done: Promise<void> = compressFrame(frame.raw)
        .then((compressed) => {
          frame.compressed = compressed;
          frame.compressedDone?.();
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
      const id = Buffer.from(`${this.options.blockIdPrefix}${String(this.ids.length).padStart(10, "0")}`).toString(
        "base64",
      );
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
