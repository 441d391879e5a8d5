/**
 * A generated FEC stored in memory as the import stores it, for the stored-line readers' tests (
 * shared by accounting-bucket-reader.test.ts and lean-export-reading.test.ts).
 */
import { PassThrough } from "node:stream";
import { lineFormatOf, parseFec, type FecEntry } from "@comptoir/shared";
import { generateFec } from "../../bench/fec-generate";
import type { BucketRef } from "../../src/accounting/store/entry-records";
import { FrameLogWriter, type BlockSink } from "../../src/accounting/store/frame-log";
import { inflateFrame, type FrameRef } from "../../src/accounting/store/framed-blob";
import { recordBytes } from "../../src/accounting/store/line-records";
import type { AccountingStore, EntryLayout, VersionRef } from "../../src/accounting/store/store";

/**
 * A generated FEC stored as the import stores it — lines in file order in small frames, each with its
 * ledger bucket (account) and journal bucket ids — behind the two store reads the readers use.
 */
export async function storedFec(lines: number) {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  await generateFec(lines, out, { seed: 7 });
  out.end();
  const file = Buffer.concat(chunks);

  let blob = Buffer.alloc(0);
  const staged = new Map<string, Buffer>();
  const sink: BlockSink = {
    stageBlock: (id, data) => Promise.resolve(void staged.set(id, Buffer.from(data))),
    commitBlockList: (ids) =>
      Promise.resolve(void (blob = Buffer.concat(ids.map((id) => staged.get(id) ?? Buffer.alloc(0))))),
  };
  const writer = new FrameLogWriter(sink, { frameBytes: 4096, framesPerBlock: 3 });
  const accounts = new Map<string, number>();
  const journals = new Map<string, number>();
  const placed: Array<{ entry: FecEntry; ledger: number; journal: number; frame: number; size: number }> = [];
  const { report } = parseFec(file, {
    onLine: (entry, bytes, start, end) => {
      const ledger = accounts.get(entry.compteNum) ?? accounts.size;
      accounts.set(entry.compteNum, ledger);
      const journal = journals.get(entry.journalCode) ?? journals.size;
      journals.set(entry.journalCode, journal);
      placed.push({
        entry: { ...entry },
        ledger,
        journal,
        frame: writer.add(entry.line, ledger, journal, bytes, start, end),
        size: end - start,
      });
    },
  });
  const frames = await writer.finish();
  const format = lineFormatOf(report);
  if (format === null) throw new Error("no header");
  const layout: EntryLayout = { format, version: 2 };
  const reads: number[] = [];
  /** How many frames each readFrames call asked for. */
  const calls: number[] = [];
  const store = {
    readLayout: () => Promise.resolve(layout),
    async readFrames(_v: VersionRef, refs: Iterable<FrameRef>) {
      const out = new Map<number, Buffer>();
      const asked = [...refs];
      calls.push(asked.length);
      for (const [offset, length] of asked) {
        reads.push(offset);
        out.set(offset, await inflateFrame(blob.subarray(offset, offset + length)));
      }
      return out;
    },
  } as unknown as AccountingStore;

  /** A bucket as its index row would give it: the frames holding its lines, and its bytes. */
  const bucket = (kind: "ledger" | "journal", id: number): BucketRef => {
    const mine = placed.filter((p) => p[kind] === id);
    const perFrame = new Map<number, number>();
    for (const p of mine) perFrame.set(p.frame, (perFrame.get(p.frame) ?? 0) + 1);
    const bytes = mine.reduce((n, p) => n + recordBytes(p.size), 0);
    const ref = (frame: number): FrameRef => frames[frame] ?? [0, 0];
    return { id, bytes, segments: [...perFrame].map(([frame, n]) => [...ref(frame), n]) };
  };
  return { placed, accounts, journals, bucket, reads, calls, store };
}
