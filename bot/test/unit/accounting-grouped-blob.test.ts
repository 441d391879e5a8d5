import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compressFrame, inflateFrame, joinSegments, rangesOf } from "../../src/accounting/framed-blob";
import { bucketKey, GroupedBlobWriter, type BlockSink, type Segment } from "../../src/accounting/grouped-blob";
import { forEachRecord, RECORD_HEADER_BYTES, writeRecord } from "../../src/accounting/line-records";

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

/** One record as the writer stores it: line number, length, then the line's bytes. */
function record(line: number, text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  const out = Buffer.alloc(RECORD_HEADER_BYTES + bytes.length);
  writeRecord(out, 0, line, bytes, 0, bytes.length);
  return out;
}

function addText(writer: GroupedBlobWriter, group: string, month: number, line: number, text: string): void {
  // The line sits inside a larger chunk, as the parser hands it over.
  const chunk = Buffer.from(`<<${text}>>`, "utf8");
  writer.add(group, month, line, chunk, 2, chunk.length - 2);
}

/** A bucket's bytes read back as a reader does: its frames, inflated, then its segments joined. */
async function readBucket(blob: Buffer, segments: readonly Segment[]): Promise<Buffer> {
  const inflated = new Map<number, Buffer>();
  for (const range of rangesOf(segments.map(([offset, length]) => [offset, length])))
    for (const [offset, length] of range.frames)
      inflated.set(offset, await inflateFrame(blob.subarray(offset, offset + length)));
  return joinSegments(segments, inflated);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("GroupedBlobWriter", () => {
  it("gives every bucket exactly its lines, in arrival order, under any budget", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            group: fc.constantFrom("401", "411", "512", "606", "é€"),
            month: fc.constantFrom(0, 202401, 202402, 202412),
            text: fc.string({ maxLength: 30 }),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.integer({ min: 16, max: 4000 }),
        async (lines, budgetBytes) => {
          const blob = memoryBlob();
          const writer = new GroupedBlobWriter(blob.sink, compare, { budgetBytes });
          const expected = new Map<string, Buffer[]>();
          for (const [i, l] of lines.entries()) {
            addText(writer, l.group, l.month, i + 2, l.text);
            const k = bucketKey(l.group, l.month);
            expected.set(k, [...(expected.get(k) ?? []), record(i + 2, l.text)]);
            if (writer.overBudget) await writer.relieve();
          }
          const segments = await writer.finish();
          expect([...segments.keys()].sort()).toEqual([...expected.keys()].sort());
          for (const [k, records] of expected) {
            const got = await readBucket(blob.content(), segments.get(k) ?? []);
            expect(got.equals(Buffer.concat(records))).toBe(true);
          }
          // Frames tile the blob: every stored byte belongs to exactly one frame.
          const frames = new Map<number, number>();
          for (const list of segments.values()) for (const [offset, length] of list) frames.set(offset, length);
          let position = 0;
          for (const [offset, length] of [...frames].sort((a, b) => a[0] - b[0])) {
            expect(offset).toBe(position);
            position += length;
          }
          expect(position).toBe(blob.content().length);
          expect(writer.bytesWritten).toBe(blob.content().length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("stays within its budget, one block per run, and one segment per bucket when the file fits", async () => {
    const big = memoryBlob();
    const writer = new GroupedBlobWriter(big.sink, compare, { budgetBytes: 10_000 });
    for (let i = 0; i < 5_000; i++) {
      addText(writer, i % 7 === 0 ? "big" : `g${i % 50}`, 202401, i, `line ${i} ${"x".repeat(20)}`);
      if (writer.overBudget) await writer.relieve();
      expect(writer.overBudget).toBe(false);
    }
    const segments = await writer.finish();
    expect(big.staged.size).toBe(writer.runs);
    expect(writer.runs).toBeGreaterThan(5);
    const lines: number[] = [];
    for (const list of segments.values())
      forEachRecord(await readBucket(big.content(), list), (line) => lines.push(line));
    expect(lines.sort((a, b) => a - b)).toEqual(Array.from({ length: 5_000 }, (_, i) => i));

    const small = memoryBlob();
    const fits = new GroupedBlobWriter(small.sink, compare);
    for (let i = 0; i < 500; i++) addText(fits, `g${i % 5}`, 202401 + (i % 3), i, `line ${i}`);
    const one = await fits.finish();
    expect(small.staged.size).toBe(1);
    expect([...one.values()].every((list) => list.length === 1)).toBe(true);
    // A group's months share its frame, and small groups share one frame.
    for (let g = 0; g < 5; g++) {
      const frames = [202401, 202402, 202403].map((m) => one.get(bucketKey(`g${g}`, m))?.[0]?.[0]);
      expect(new Set(frames).size).toBe(1);
    }
    expect(new Set([...one.values()].map((list) => list[0]?.[0])).size).toBe(1);
  });

  it("compresses FEC-like lines several times over", async () => {
    const blob = memoryBlob();
    const writer = new GroupedBlobWriter(blob.sink, compare);
    let logical = 0;
    for (let i = 0; i < 5000; i++) {
      const line = `VT\tVentes\t${i}\t20240115\t706000\tPrestations de services\t\t\tF${i}\t20240115\tFacture client ${i}\t0,00\t${i},00\t\t\t20240116\t\t`;
      addText(writer, "706000", 202401, i + 2, line);
      logical += RECORD_HEADER_BYTES + Buffer.byteLength(line);
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
    const writer = new GroupedBlobWriter(sink, compare, { budgetBytes: 10 });
    addText(writer, "a", 1, 2, "0123456789abcdef");
    await writer.relieve();
    await expect(writer.finish()).rejects.toThrow("storage down");
    expect(committed).toBe(false);
  });
});
