import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generalLedgerPage, parseFec, searchable, type FecEntry, type LedgerAggregate } from "@comptoir/shared";
import type { VersionRef } from "../../src/accounting/store/store";
import { readGrandLivre, type LedgerQuery } from "../../src/accounting/views/ledger-reader";
import type { MonthSpan } from "../../src/accounting/views/period";
import { generatedFec, startAccountingApp, type AccountingTestApp, storedImport } from "./accounting-harness";

/**
 * The grand livre's indexed paths over a file stored in many small frames, as a large file is: a page
 * of a bucket stored in display order reads only the frames holding it (the earlier ones skipped by
 * their line counts and nets), and the unlettered filter is located from the index's counts. Both
 * must page exactly like the pure grand livre (shared's generalLedgerPage) over the same lines.
 */
let t: AccountingTestApp;
let entries: FecEntry[];
let aggregate: LedgerAggregate;
const v: VersionRef = { tenantId: "t-paging", dossierId: "d-paging", exercice: "2024-12-31", importId: "paging" };
const YEAR: MonthSpan = { from: 202401, to: 202412 };

beforeAll(async () => {
  t = await startAccountingApp();
  const file = await generatedFec(5_000, { seed: 5 });
  entries = parseFec(file).entries;
  await storedImport(t.acc.store, v, file, 8 * 1024);
  aggregate = await t.acc.store.readAggregate(v);
});
afterAll(() => t.close());

/** 202403 → "2024-03". */
const monthIso = (m: number) => `${Math.floor(m / 100)}-${String(m % 100).padStart(2, "0")}`;

type Shown = { compte: string; line: number; balance: number; letterBalanced?: boolean };

async function everyPage(query: Partial<LedgerQuery>, pageSize: number) {
  const shown: Shown[] = [];
  const sections: Array<[string, number, number, number]> = [];
  let page = 0;
  let pageCount = 1;
  let total = 0;
  while (page < pageCount) {
    const q: LedgerQuery = { account: "", unletteredOnly: false, period: YEAR, scope: undefined, ...query };
    const res = await readGrandLivre(t.acc.store, v, aggregate, q, { page, pageSize }, searchable);
    pageCount = res.pageCount;
    total = res.totalLines;
    for (const a of res.accounts) {
      if (!sections.some((s) => s[0] === a.compteNum))
        sections.push([a.compteNum, a.lineCount, a.broughtForwardCents, a.closingBalanceCents]);
      a.lines.forEach((l, i) => {
        if (i === 0) expect(a.balanceBeforePageCents + l.debitCents - l.creditCents).toBe(l.balanceCents);
        shown.push({ compte: a.compteNum, line: l.line, balance: l.balanceCents, letterBalanced: l.letterBalanced });
      });
    }
    page++;
  }
  return { shown, sections, total, pageCount };
}

describe("grand livre pages read through the index", () => {
  it("pages every account like the pure grand livre, reading only the frames a page needs", async () => {
    const reads: number[] = [];
    const readFrames = t.acc.store.readFrames.bind(t.acc.store);
    t.acc.store.readFrames = (version, frames, opts) => {
      const list = [...frames];
      reads.push(list.length);
      return readFrames(version, list, opts);
    };
    for (const [account, pageSize] of [
      ["", 97],
      ["401", 7],
      ["411", 200],
    ] as const) {
      const expected = generalLedgerPage(entries, { ...(account ? { compteNum: account } : {}), pageSize: 1e6 });
      const got = await everyPage({ account }, pageSize);
      expect(got.total).toBe(expected.totalLines);
      expect(got.pageCount).toBe(Math.ceil(expected.totalLines / pageSize));
      expect(got.sections).toEqual(
        expected.accounts.map((a) => [a.compteNum, a.lineCount, a.broughtForwardCents, a.closingBalanceCents]),
      );
      expect(got.shown).toEqual(
        expected.accounts.flatMap((a) =>
          a.lines.map((l) => ({
            compte: a.compteNum,
            line: l.line,
            balance: l.balanceCents,
            letterBalanced: l.letterBalanced,
          })),
        ),
      );
    }
    // A 7-line page of 401 reads a frame or two of its month, not the month's every frame.
    const months = (await t.acc.store.readLedgerIndex(v, "401")).flatMap((i) => i.buckets);
    const widest = Math.max(...months.map((b) => b[1].length));
    expect(months.some((b) => b[5] === 1)).toBe(true);
    expect(widest).toBeGreaterThan(4);
    t.acc.store.dropCaches();
    reads.length = 0;
    await readGrandLivre(
      t.acc.store,
      v,
      aggregate,
      { account: "401", unletteredOnly: false, period: { from: 202406, to: 202406 }, scope: undefined },
      { page: 3, pageSize: 7 },
      searchable,
    );
    expect(reads.reduce((n, r) => n + r, 0)).toBeLessThanOrEqual(2);
    t.acc.store.readFrames = readFrames;
  });

  it("pages a period like the pure grand livre (brought-forward and running balances)", async () => {
    const expected = generalLedgerPage(entries, {
      compteNum: "4",
      from: "2024-04-01",
      to: "2024-08-31",
      pageSize: 1e6,
    });
    const got = await everyPage({ account: "4", period: { from: 202404, to: 202408 } }, 31);
    expect(got.total).toBe(expected.totalLines);
    expect(got.shown.map((s) => [s.line, s.balance])).toEqual(
      expected.accounts.flatMap((a) => a.lines.map((l) => [l.line, l.balanceCents])),
    );
  });

  it("locates unlettered pages from the index: the open items, with every line in the running balance", async () => {
    const expected = generalLedgerPage(entries, { compteNum: "4", pageSize: 1e6 });
    const open = expected.accounts
      .map((a) => ({ ...a, lines: a.lines.filter((l) => l.ecritureLet === undefined) }))
      .filter((a) => a.lines.length > 0);
    const got = await everyPage({ account: "4", unletteredOnly: true }, 13);
    expect(got.total).toBe(open.reduce((n, a) => n + a.lines.length, 0));
    expect(got.total).toBeGreaterThan(100);
    expect(got.sections).toEqual(
      open.map((a) => [a.compteNum, a.lines.length, a.broughtForwardCents, a.closingBalanceCents]),
    );
    expect(got.shown.map((s) => [s.compte, s.line, s.balance])).toEqual(
      open.flatMap((a) => a.lines.map((l) => [a.compteNum, l.line, l.balanceCents])),
    );
  });

  it("locates an auxiliary account's pages from the aggregates, its brought-forward and balances its own", async () => {
    // The busiest auxiliary, and one whose lines before the period do not net to zero.
    const counts = new Map<string, number>();
    for (const e of entries) if (e.compAuxNum) counts.set(e.compAuxNum, (counts.get(e.compAuxNum) ?? 0) + 1);
    const busiest = [...counts].sort((x, y) => y[1] - x[1])[0]?.[0] ?? "";
    const later = { from: 202403, to: 202409 };
    const expectedFor = (aux: string, period: MonthSpan) =>
      generalLedgerPage(entries, {
        compAuxNum: aux,
        from: `${monthIso(period.from)}-01`,
        to: `${monthIso(period.to)}-${new Date(Date.UTC(Math.floor(period.to / 100), period.to % 100, 0)).getUTCDate()}`,
        pageSize: 1e6,
      });
    const carried = [...counts.keys()].find((aux) =>
      expectedFor(aux, later).accounts.some((a) => a.broughtForwardCents !== 0),
    );
    expect(carried).toBeDefined();
    for (const [aux, period] of [
      [busiest, YEAR],
      [carried ?? "", later],
    ] as const) {
      const expected = expectedFor(aux, period);
      const got = await everyPage({ aux, period }, 3);
      expect(got.total).toBe(expected.totalLines);
      expect(got.total).toBeGreaterThan(period === YEAR ? 6 : 0);
      expect(got.sections).toEqual(
        expected.accounts.map((a) => [a.compteNum, a.lineCount, a.broughtForwardCents, a.closingBalanceCents]),
      );
      expect(got.shown.map((s) => [s.compte, s.line, s.balance])).toEqual(
        expected.accounts.flatMap((a) => a.lines.map((l) => [a.compteNum, l.line, l.balanceCents])),
      );
    }
  });
});
