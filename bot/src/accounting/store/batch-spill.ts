import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Bytes gathered per batch before they are written out: a few of these per export, not a batch each. */
const SPILL_CHUNK = 256 * 1024;

/**
 * A whole plan's records, sorted out by batch in one pass over the frames: each batch owns a region of a
 * temporary file (its size is known from the index), filled in file order, then read back whole when the
 * batch is asked for. The file is unlinked as soon as it is open: only its descriptor keeps it, so it
 * disappears when the reader closes it (end, abort) or the process ends.
 */
export class BatchSpill {
  private readonly regions: number[] = [];
  private readonly written: number[];
  private readonly chunks: Array<{ buf: Buffer; used: number } | undefined>;
  private pending: Array<Promise<unknown>> = [];

  private constructor(
    private readonly file: FileHandle,
    private readonly sizes: readonly number[],
  ) {
    let at = 0;
    for (const size of sizes) {
      this.regions.push(at);
      at += size;
    }
    this.written = sizes.map(() => 0);
    this.chunks = sizes.map(() => undefined);
  }

  /** A spill with one region of `sizes[k]` bytes per batch k. */
  static async open(sizes: readonly number[]): Promise<BatchSpill> {
    const dir = await mkdtemp(join(tmpdir(), "comptoir-export-"));
    try {
      const file = await open(join(dir, "records"), "w+");
      return new BatchSpill(file, sizes);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Appends `source[start, end)` (one record) to batch `k`'s region. */
  append(k: number, source: Buffer, start: number, end: number): void {
    const length = end - start;
    let chunk = this.chunks[k];
    if (chunk !== undefined && chunk.used + length > chunk.buf.length) {
      this.writeOut(k, chunk);
      chunk = undefined;
    }
    if (length > SPILL_CHUNK) {
      this.writeOut(k, { buf: Buffer.from(source.subarray(start, end)), used: length });
      return;
    }
    if (chunk === undefined) {
      chunk = { buf: Buffer.allocUnsafe(SPILL_CHUNK), used: 0 };
      this.chunks[k] = chunk;
    }
    chunk.used += source.copy(chunk.buf, chunk.used, start, end);
  }

  private writeOut(k: number, chunk: { buf: Buffer; used: number }): void {
    const at = (this.regions[k] ?? 0) + (this.written[k] ?? 0);
    this.written[k] = (this.written[k] ?? 0) + chunk.used;
    if ((this.written[k] ?? 0) > (this.sizes[k] ?? 0))
      throw new Error(`batch ${k}: more records than its buckets hold`);
    this.chunks[k] = undefined;
    this.pending.push(this.file.write(chunk.buf, 0, chunk.used, at));
  }

  /** Waits for the writes under way (called between frames, so they do not pile up in memory). */
  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  /** Writes out what is left, and checks each region is full. */
  async finish(): Promise<void> {
    this.chunks.forEach((chunk, k) => {
      if (chunk !== undefined) this.writeOut(k, chunk);
    });
    await this.settle();
    this.sizes.forEach((size, k) => {
      if (this.written[k] !== size)
        throw new Error(`batch ${k}: ${this.written[k]} bytes of records, ${size} expected`);
    });
  }

  /** Batch `k`'s records, in file order. */
  async read(k: number): Promise<Buffer> {
    const size = this.sizes[k] ?? 0;
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await this.file.read(buf, got, size - got, (this.regions[k] ?? 0) + got);
      if (bytesRead === 0) throw new Error(`batch ${k}: the spill file ends early`);
      got += bytesRead;
    }
    return buf;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.file.close();
  }
}
