import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { lineFormatOf, parseFec, type FecEntry } from "@comptoir/shared";
import { generateFec } from "../../bench/fec-generate";
import {
  BucketBatchReader,
  readBucketLines,
  sumLettersByAccount,
  type BucketRef,
} from "../../src/accounting/store/entry-records";
import { FrameLogWriter, type BlockSink } from "../../src/accounting/store/frame-log";
import { inflateFrame, type FrameRef } from "../../src/accounting/store/framed-blob";
import { recordBytes } from "../../src/accounting/store/line-records";
import type { AccountingStore, EntryLayout, VersionRef } from "../../src/accounting/store/store";

const v: VersionRef = { tenantId: "t", dossierId: "d", exercice: "2024-12-31", importId: "i" };

/**
 * A generated FEC stored as the import stores it — lines in file order in small frames, each with its
 * ledger bucket (account) and journal bucket ids — behind the two store reads the readers use.
 */
async function storedFec(lines: number) {
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
  const store = {
    readLayout: () => Promise.resolve(layout),
    async readFrames(_v: VersionRef, refs: Iterable<FrameRef>) {
      const out = new Map<number, Buffer>();
      for (const [offset, length] of refs) {
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
  return { placed, accounts, journals, bucket, reads, store };
}

const linesOf = (got: ReadonlyArray<{ line: number; compteNum: string; debitCents: number }>) =>
  got.map((l) => [l.line, l.compteNum, l.debitCents]);

describe("reading buckets back from lines stored once", () => {
  it("gives each bucket exactly its lines, in file order, page by page and in batches", async () => {
    const s = await storedFec(1_500);
    const ledgers = [...s.accounts.values()].map((id) => s.bucket("ledger", id));
    const expected = (id: number) => linesOf(s.placed.filter((p) => p.ledger === id).map((p) => p.entry));

    const paged = await readBucketLines(s.store, v, "ledger", ledgers);
    paged.forEach((lines, i) => expect(linesOf(lines)).toEqual(expected(ledgers[i]?.id ?? -1)));

    // A budget of a few buckets: several batches, each frame read once per batch at most.
    const budget = Math.max(...ledgers.map((b) => b.bytes)) * 2;
    const reader = new BucketBatchReader(s.store, v, "ledger", ledgers, budget);
    s.reads.length = 0;
    for (const b of ledgers) expect(linesOf(await reader.lines(b))).toEqual(expected(b.id));
    // Greedy batches of buckets of at most half the budget: each but the last is over half full.
    const total = ledgers.reduce((n, b) => n + b.bytes, 0);
    const distinct = new Set(s.reads).size;
    expect(total).toBeGreaterThan(budget);
    expect(s.reads.length).toBeGreaterThan(distinct);
    expect(s.reads.length).toBeLessThanOrEqual(Math.ceil((2 * total) / budget) * distinct);
    // Asking again for an earlier bucket starts a batch there.
    const first = ledgers[0];
    if (first) expect(linesOf(await reader.lines(first))).toEqual(expected(first.id));

    const journals = [...s.journals.values()].map((id) => s.bucket("journal", id));
    const byJournal = new BucketBatchReader(s.store, v, "journal", journals);
    for (const b of journals)
      expect((await byJournal.lines(b)).map((l) => l.line)).toEqual(
        s.placed.filter((p) => p.journal === b.id).map((p) => p.entry.line),
      );
  });

  it("sums each account's lettering from its own lines only, in one pass", async () => {
    const s = await storedFec(1_500);
    const accountOf = new Map([...s.accounts].map(([compte, id]) => [id, compte]));
    const frames = new Map<number, number>();
    for (const id of s.accounts.values())
      for (const [offset, length] of s.bucket("ledger", id).segments) frames.set(offset, length);
    s.reads.length = 0;
    const sums = await sumLettersByAccount(s.store, v, accountOf, frames);
    expect(s.reads.length).toBe(frames.size);
    const expected = new Map<string, Map<string, number>>();
    for (const { entry } of s.placed) {
      if (entry.ecritureLet === undefined) continue;
      const letters = expected.get(entry.compteNum) ?? new Map<string, number>();
      letters.set(entry.ecritureLet, (letters.get(entry.ecritureLet) ?? 0) + entry.debitCents - entry.creditCents);
      expected.set(entry.compteNum, letters);
    }
    expect(expected.size).toBeGreaterThan(1);
    expect(sums).toEqual(expected);
  });
});
