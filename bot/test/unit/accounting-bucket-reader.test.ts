import { describe, expect, it } from "vitest";
import { BucketBatchReader, readBucketLines, readBucketLinesAt } from "../../src/accounting/store/entry-records";
import type { VersionRef } from "../../src/accounting/store/store";
import { storedFec } from "../support/stored-fec";

const v: VersionRef = { tenantId: "t", dossierId: "d", exercice: "2024-12-31", importId: "i" };

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
    const reader = new BucketBatchReader(s.store, v, "ledger", ledgers, "lines", budget);
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

  it("decodes only the lines wanted by position, the same lines as a whole read gives", async () => {
    const s = await storedFec(1_500);
    const journals = [...s.journals.values()].map((id) => s.bucket("journal", id));
    const whole = await readBucketLines(s.store, v, "journal", journals);
    // Every third line, and a run crossing frames (écritures span segments): positions in what is read.
    const wanted = (position: number) => position % 3 === 1 || (position >= 40 && position < 90);
    const picked = await readBucketLinesAt(
      s.store,
      v,
      "journal",
      journals.map((b) => ({ ...b, wanted })),
    );
    expect(journals.some((b) => b.segments.length > 2)).toBe(true);
    picked.forEach((got, i) => {
      const lines = whole[i] ?? [];
      const expected = lines.flatMap((l, at) => (wanted(at) ? [[at, l.line, l.compteNum, l.debitCents]] : []));
      expect([...got].map(([at, l]) => [at, l.line, l.compteNum, l.debitCents])).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    });
  });
});
