import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { bucketKey, GroupedBlobWriter, type BlockSink } from "../../src/accounting/grouped-blob";

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
  return { sink, staged, content: () => committed };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("GroupedBlobWriter", () => {
  it("groups lines by bucket, in bucket order, each bucket keeping arrival order, under any budget", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            group: fc.constantFrom("401", "411", "512", "606", "é€"),
            month: fc.constantFrom(0, 202401, 202402, 202412),
            text: fc.string({ maxLength: 30 }).map((s) => s.replace(/\n/g, " ")),
          }),
          { minLength: 1, maxLength: 300 },
        ),
        fc.integer({ min: 16, max: 4000 }),
        fc.integer({ min: 1, max: 5000 }),
        async (lines, budgetBytes, blockBytes) => {
          const blob = memoryBlob();
          const writer = new GroupedBlobWriter(blob.sink, { budgetBytes, blockBytes, concurrency: 3 });
          const expected = new Map<string, string[]>();
          for (const [i, l] of lines.entries()) {
            const record = `${i}:${l.text}\n`;
            writer.add(l.group, l.month, record);
            const k = bucketKey(l.group, l.month);
            expected.set(k, [...(expected.get(k) ?? []), record]);
            if (writer.overBudget) await writer.relieve();
          }
          const ranges = await writer.finish(compare);
          const content = blob.content();
          expect(content).not.toBeNull();
          const blobBytes = content ?? Buffer.alloc(0);
          // Every bucket's range holds exactly its lines, in the order they came.
          for (const [k, records] of expected) {
            const range = ranges.get(k);
            expect(range).toBeDefined();
            const got = blobBytes.subarray(range?.offset ?? 0, (range?.offset ?? 0) + (range?.length ?? 0));
            expect(got.toString("utf8")).toBe(records.join(""));
          }
          // Buckets follow each other in (group, month) order and cover the blob exactly.
          const ordered = [...ranges.entries()].sort((a, b) => a[1].offset - b[1].offset);
          const keys = ordered.map(([k]) => k.split("\u0000"));
          const sorted = [...keys].sort((a, b) => compare(a[0] ?? "", b[0] ?? "") || Number(a[1]) - Number(b[1]));
          expect(keys).toEqual(sorted);
          let position = 0;
          for (const [, r] of ordered) {
            expect(r.offset).toBe(position);
            position += r.length;
          }
          expect(position).toBe(blobBytes.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("keeps memory under its budget by staging the biggest buckets early", async () => {
    const blob = memoryBlob();
    const writer = new GroupedBlobWriter(blob.sink, { budgetBytes: 10_000 });
    for (let i = 0; i < 5_000; i++) {
      writer.add(i % 7 === 0 ? "big" : `g${i % 50}`, 202401, `line ${i} ${"x".repeat(20)}\n`);
      if (writer.overBudget) await writer.relieve();
      expect(writer.overBudget).toBe(false);
    }
    expect(blob.staged.size).toBeGreaterThan(5);
    await writer.finish(compare);
    expect(blob.content()?.toString("utf8").split("\n").length).toBe(5_001);
  });

  it("reports a failed upload instead of committing a blob with holes", async () => {
    const sink: BlockSink = {
      stageBlock: () => Promise.reject(new Error("storage down")),
      commitBlockList: () => Promise.resolve(),
    };
    const writer = new GroupedBlobWriter(sink, { budgetBytes: 10 });
    writer.add("a", 1, "0123456789abcdef\n");
    await writer.relieve();
    await expect(writer.finish(compare)).rejects.toThrow("storage down");
  });
});
