import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { FrameLogWriter, type BlockSink } from "../../src/accounting/store/frame-log";
import { compressFrame, inflateFrame, rangesOf, type FrameRef } from "../../src/accounting/store/framed-blob";
import { forEachRecord, recordBytes } from "../../src/accounting/store/line-records";

/** An in-memory block blob: staged blocks, and the committed content in block-list order. */
function memoryBlob() {
  const staged = new Map<string, Buffer>();
  let committed: Buffer | null = null;
  const sink: BlockSink = {
    async stageBlock(id, data) {
      await new Promise((r) => setTimeout(r, 0));
      staged.set(id, Buffer.from(data));
    },
    commitBlockList(ids) {
      committed = Buffer.concat(
        ids.map((id) => {
          const block = staged.get(id);
          if (!block) throw new Error(`unknown block ${id}`);
          return block;
        }),
      );
      return Promise.resolve();
    },
  };
  return { sink, staged, content: () => committed ?? Buffer.alloc(0) };
}

type Written = { line: number; ledger: number; journal: number; text: string; frame: number };

function addText(writer: FrameLogWriter, line: number, ledger: number, journal: number, text: string): number {
  // The line sits inside a larger chunk, as the parser hands it over.
  const chunk = Buffer.from(`<<${text}>>`, "utf8");
  return writer.add(line, ledger, journal, chunk, 2, chunk.length - 2);
}

/** Every frame of the blob, inflated, by frame number. */
async function inflateAll(blob: Buffer, frames: readonly FrameRef[]): Promise<Buffer[]> {
  return Promise.all(frames.map(([offset, length]) => inflateFrame(blob.subarray(offset, offset + length))));
}

describe("FrameLogWriter", () => {
  it("stores every line once, in order, in the frame it named, and each bucket finds exactly its lines", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            ledger: fc.integer({ min: 0, max: 5 }),
            journal: fc.integer({ min: 0, max: 3 }),
            text: fc.string({ maxLength: 40 }),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.integer({ min: 16, max: 2000 }),
        fc.integer({ min: 1, max: 5 }),
        async (lines, frameBytes, framesPerBlock) => {
          const blob = memoryBlob();
          const writer = new FrameLogWriter(blob.sink, { frameBytes, framesPerBlock, maxPendingFrames: 1 });
          const written: Written[] = [];
          for (const [i, l] of lines.entries()) {
            const frame = addText(writer, i + 2, l.ledger, l.journal, l.text);
            written.push({ line: i + 2, ...l, frame });
            if (writer.overBudget) await writer.relieve();
          }
          const frames = await writer.finish();
          // Frames tile the blob, in frame order.
          let position = 0;
          for (const [offset, length] of frames) {
            expect(offset).toBe(position);
            position += length;
          }
          expect(position).toBe(blob.content().length);
          expect(writer.bytesWritten).toBe(position);
          expect(blob.staged.size).toBe(Math.ceil(frames.length / framesPerBlock));

          const inflated = await inflateAll(blob.content(), frames);
          const read: Array<{ line: number; text: string; frame: number }> = [];
          inflated.forEach((buf, frame) =>
            forEachRecord(buf, (line, start, end) =>
              read.push({ line, text: buf.toString("utf8", start, end), frame }),
            ),
          );
          expect(read).toEqual(written.map(({ line, text, frame }) => ({ line, text, frame })));
          for (const [kind, key] of [
            ["ledger", "ledger"],
            ["journal", "journal"],
          ] as const) {
            for (let id = 0; id <= 5; id++) {
              const got: number[] = [];
              for (const buf of inflated) forEachRecord(buf, (line) => got.push(line), kind, id);
              expect(got).toEqual(written.filter((w) => w[key] === id).map((w) => w.line));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("fills frames up to their size, gives a long line a frame of its own, and holds few frames at a time", async () => {
    const blob = memoryBlob();
    const writer = new FrameLogWriter(blob.sink, { frameBytes: 1000, framesPerBlock: 2, maxPendingFrames: 6 });
    const frameOf: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      frameOf.push(addText(writer, i, 0, 0, i === 1_000 ? "y".repeat(5_000) : `line ${i} ${"x".repeat(20)}`));
      if (writer.overBudget) await writer.relieve();
      expect(writer.overBudget).toBe(false);
    }
    const frames = await writer.finish();
    const inflated = await inflateAll(blob.content(), frames);
    const long = inflated[frameOf[1_000] ?? -1];
    expect(long?.length).toBe(recordBytes(5_000));
    for (const buf of inflated) if (buf !== long) expect(buf.length).toBeLessThanOrEqual(1000);
    expect(frames.length).toBeGreaterThan(50);
    // Contiguous frames are read in one range.
    expect(rangesOf(frames)).toHaveLength(1);
  });

  it("compresses FEC-like lines several times over", async () => {
    const blob = memoryBlob();
    const writer = new FrameLogWriter(blob.sink);
    let logical = 0;
    for (let i = 0; i < 5000; i++) {
      const line = `VT\tVentes\t${i}\t20240115\t706000\tPrestations de services\t\t\tF${i}\t20240115\tFacture client ${i}\t0,00\t${i},00\t\t\t20240116\t\t`;
      addText(writer, i + 2, 0, 0, line);
      logical += recordBytes(Buffer.byteLength(line));
    }
    await writer.finish();
    expect(blob.content().length * 4).toBeLessThan(logical);
    expect((await inflateFrame(await compressFrame(Buffer.from("é€")))).toString("utf8")).toBe("é€");
  });

  it("reports a failed upload instead of committing a blob with holes", async () => {
    let committed = false;
    const sink: BlockSink = {
      stageBlock: () => Promise.reject(new Error("storage down")),
      commitBlockList: () => {
        committed = true;
        return Promise.resolve();
      },
    };
    const writer = new FrameLogWriter(sink, { frameBytes: 32, framesPerBlock: 1 });
    for (let i = 0; i < 20; i++) addText(writer, i, 0, 0, "0123456789abcdef");
    await expect(writer.finish()).rejects.toThrow("storage down");
    expect(committed).toBe(false);
  });
});
