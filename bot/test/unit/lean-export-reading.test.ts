import { readdirSync, readlinkSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BucketBatchReader } from "../../src/accounting/store/entry-records";
import { Turns } from "../../src/lib/turns";
import { storedFec } from "../support/stored-fec";
import type { FrameRef } from "../../src/accounting/store/framed-blob";
import type { AccountingStore, VersionRef } from "../../src/accounting/store/store";

const v: VersionRef = { tenantId: "t", dossierId: "d", exercice: "2024-12-31", importId: "i" };

describe("Turns", () => {
  it("hands the event loop back once its time is up, not before", async () => {
    let ran = false;
    setImmediate(() => (ran = true));
    const long = new Turns(60_000);
    await long.pass();
    expect(ran).toBe(false);
    const none = new Turns(0);
    await none.pass();
    expect(ran).toBe(true);
  });
});

describe("a lean bucket reader (file exports)", () => {
  it("gives the same lines as the fast reader, with its small batches and range reads", async () => {
    const s = await storedFec(3_000);
    const ledgers = [...s.accounts.values()].map((id) => s.bucket("ledger", id));
    const fast = new BucketBatchReader(s.store, v, "ledger", ledgers);
    const expected = [];
    for (const b of ledgers) expected.push(await fast.lines(b));
    const fastReads = s.reads.length;

    s.reads.length = 0;
    s.calls.length = 0;
    const budget = Math.max(...ledgers.map((b) => b.bytes)) * 2;
    const lean = fast.lean({ batchBytes: budget, framesPerRead: 2, readsInFlight: 1, turns: new Turns(5) });
    for (const [i, b] of ledgers.entries()) expect(await lean.lines(b)).toEqual(expected[i]);
    await lean.close();
    // Its own budget, many batches, yet each frame is inflated once, as by the fast reader's one batch.
    expect(s.reads.length).toBe(fastReads);
    // Its own range reads: never more frames at once than asked.
    expect(s.calls.length).toBeGreaterThan(0);
    expect(Math.max(...s.calls)).toBeLessThanOrEqual(2);
  });

  it("sorts the records into its batches in one pass, whatever order the buckets are asked in", async () => {
    const s = await storedFec(3_000);
    const journals = [...s.journals.values()].map((id) => s.bucket("journal", id));
    const fast = new BucketBatchReader(s.store, v, "journal", journals);
    const expected = new Map<number, unknown>();
    for (const b of journals) expected.set(b.id, await fast.lines(b));
    const frames = new Set(s.reads).size;

    s.reads.length = 0;
    const budget = Math.min(...journals.map((b) => b.bytes));
    const lean = fast.lean({ batchBytes: budget, framesPerRead: 3, readsInFlight: 2, turns: new Turns(5) });
    // Backwards, then one again: batches are read back from the temporary file, not from the frames.
    for (const b of [...journals].reverse()) expect(await lean.lines(b)).toEqual(expected.get(b.id));
    const again = journals[1];
    if (!again) throw new Error("too few journals");
    expect(await lean.lines(again)).toEqual(expected.get(again.id));
    expect(s.reads.length).toBe(frames);
    await lean.close();
  });

  it("keeps its temporary file unlinked, and closes it when closed, also half-way", async () => {
    const s = await storedFec(3_000);
    const ledgers = [...s.accounts.values()].map((id) => s.bucket("ledger", id));
    const spillFiles = () =>
      readdirSync("/proc/self/fd").flatMap((fd) => {
        try {
          const target = readlinkSync(`/proc/self/fd/${fd}`);
          return target.includes("comptoir-export-") ? [target] : [];
        } catch {
          return [];
        }
      });
    const lean = new BucketBatchReader(s.store, v, "ledger", ledgers).lean({
      batchBytes: Math.max(...ledgers.map((b) => b.bytes)),
      framesPerRead: 2,
      readsInFlight: 1,
      turns: new Turns(5),
    });
    const [first] = ledgers;
    if (!first) throw new Error("no accounts");
    expect(spillFiles()).toEqual([]);
    await lean.lines(first);
    const open = spillFiles();
    expect(open).toHaveLength(1);
    expect(open[0]).toMatch(/\(deleted\)$/);
    await lean.close();
    expect(spillFiles()).toEqual([]);
  });

  it("lets other callbacks run while it scans and while it decodes", async () => {
    const s = await storedFec(6_000);
    const ledgers = [...s.accounts.values()].map((id) => s.bucket("ledger", id));
    // Frames held inflated in memory, given at once: no I/O wait, only the reader's turns hand the loop back.
    const inflated = await s.store.readFrames(
      v,
      ledgers.flatMap((b) => b.segments.map(([o, l]): FrameRef => [o, l])),
    );
    const store = {
      readLayout: () => s.store.readLayout(v),
      readFrames: () => Promise.resolve(new Map(inflated)),
    } as unknown as AccountingStore;
    const byIds = [...ledgers].sort((a, b) => b.bytes - a.bytes);
    const [first, biggest] = [ledgers[0], byIds[0] === ledgers[0] ? byIds[1] : byIds[0]];
    if (!first || !biggest) throw new Error("too few accounts");
    const reading = (ms: number) => ({
      batchBytes: 64 * 1024 * 1024,
      framesPerRead: 64,
      readsInFlight: 1,
      turns: new Turns(ms),
    });

    const ticksDuring = async (work: () => Promise<unknown>) => {
      let ticks = 0;
      let done = false;
      const tick = () => {
        ticks++;
        if (!done) setImmediate(tick);
      };
      setImmediate(tick);
      await work();
      done = true;
      return ticks;
    };
    for (const [ms, handsBack] of [
      [0, true],
      [60_000, false],
    ] as const) {
      const lean = new BucketBatchReader(store, v, "ledger", ledgers).lean(reading(ms));
      // The first bucket gathers the whole plan (one batch): a scan of every frame.
      const scanning = await ticksDuring(() => lean.lines(first));
      // The biggest one is gathered already: decoding only.
      let lines = 0;
      const decoding = await ticksDuring(async () => (lines = (await lean.lines(biggest)).length));
      expect(lines).toBeGreaterThan(3 * 256);
      if (handsBack) {
        expect(scanning).toBeGreaterThan(first.segments.length);
        expect(decoding).toBeGreaterThanOrEqual(Math.floor(lines / 256));
      } else {
        expect(scanning).toBe(0);
        expect(decoding).toBe(0);
      }
    }
  });
});
