import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generalLedgerPage, parseFec, searchable, type FecEntry, type LedgerAggregate } from "@comptoir/shared";
import { buildAuxLedger } from "../../src/accounting/store/aux-ledger-build";
import type { VersionRef } from "../../src/accounting/store/store";
import { readGrandLivre, type LedgerQuery } from "../../src/accounting/views/ledger-reader";
import type { MonthSpan } from "../../src/accounting/views/period";
import { fecText, generatedFec, startAccountingApp, type AccountingTestApp, storedImport } from "./accounting-harness";
import { twoYears, yearLines } from "./limited-to-fec";

/**
 * An auxiliary's grand livre read from the auxiliaries' copy (aux-ledger.ts) pages exactly as it did
 * from the lines blob, which it reads until the copy is built: same lines, running balances, counts,
 * totals and lettering, for every period and page size, and like the pure grand livre. The tests run
 * in order: the first builds the copy the others read.
 */
let t: AccountingTestApp;
let entries: FecEntry[];
let aggregate: LedgerAggregate;
const v: VersionRef = { tenantId: "t-aux", dossierId: "d-aux", exercice: "2024-12-31", importId: "aux" };
const YEAR: MonthSpan = { from: 202401, to: 202412 };

beforeAll(async () => {
  t = await startAccountingApp();
  const file = await generatedFec(6_000, { seed: 11 });
  entries = parseFec(file).entries;
  await storedImport(t.acc.store, v, file, 8 * 1024);
  aggregate = await t.acc.store.readAggregate(v);
});
afterAll(() => t.close());

/** The auxiliaries with the most lines (several months, several frames of the copy each), or unlettered lines. */
function busiestAuxiliaries(n: number, open = false): Array<{ aux: string; account: string }> {
  const counts = new Map<string, { aux: string; account: string; lines: number }>();
  for (const e of entries) {
    if (!e.compAuxNum || (open && e.ecritureLet !== undefined)) continue;
    const key = `${e.compteNum}|${e.compAuxNum}`;
    const c = counts.get(key) ?? { aux: e.compAuxNum, account: e.compteNum.slice(0, 3), lines: 0 };
    c.lines++;
    counts.set(key, c);
  }
  return [...counts.values()].sort((a, b) => b.lines - a.lines).slice(0, n);
}

type Query = {
  account: string;
  aux: string;
  period: MonthSpan;
  scope?: ReadonlySet<string>;
  unletteredOnly?: boolean;
  q?: string;
};

/** A word of one of the auxiliary's labels, as the route hands a search on (folded). */
function wordOf(aux: string): string {
  const label = entries.find((e) => e.compAuxNum === aux && e.ecritureLib.trim() !== "")?.ecritureLib ?? "";
  const word = searchable(label)
    .split(" ")
    .find((w) => w.length > 2);
  if (word === undefined) throw new Error(`no label to search for ${aux}`);
  return word;
}

/** Every page of a query: each line shown, the sections' counts and balances, and the frames' blobs read. */
async function everyPage(
  query: Query,
  pageSize: number,
  of: { v: VersionRef; aggregate: LedgerAggregate } = { v, aggregate },
) {
  const shown: Array<[string, number, number, boolean | undefined]> = [];
  const sections: Array<[string, number, number, number, number, number, string | undefined]> = [];
  let page = 0;
  let pageCount = 1;
  let total = 0;
  while (page < pageCount) {
    const q: LedgerQuery = { unletteredOnly: false, scope: undefined, ...query };
    const res = await readGrandLivre(t.acc.store, of.v, of.aggregate, q, { page, pageSize }, searchable);
    pageCount = res.pageCount;
    total = res.totalLines;
    for (const a of res.accounts) {
      if (!sections.some((s) => s[0] === a.compteNum))
        sections.push([
          a.compteNum,
          a.lineCount,
          a.broughtForwardCents,
          a.closingBalanceCents,
          a.totalDebitCents,
          a.totalCreditCents,
          a.compAuxNum,
        ]);
      a.lines.forEach((l, i) => {
        if (i === 0) expect(a.balanceBeforePageCents + l.debitCents - l.creditCents).toBe(l.balanceCents);
        shown.push([a.compteNum, l.line, l.balanceCents, l.letterBalanced]);
      });
    }
    page++;
  }
  return { shown, sections, total, pageCount };
}

/** The first page of a query over the whole exercice, unscoped. */
const firstPage = (query: Pick<LedgerQuery, "account" | "aux" | "unletteredOnly">, pageSize: number) =>
  readGrandLivre(
    t.acc.store,
    v,
    aggregate,
    { ...query, period: YEAR, scope: undefined },
    { page: 0, pageSize },
    searchable,
  );

/** Which blobs readFrames was asked for while `run` ran, and how many distinct frames. */
async function blobsRead<T>(run: () => Promise<T>): Promise<{ result: T; blobs: string[]; frames: number }> {
  const blobs: string[] = [];
  const frames = new Set<string>();
  const readFrames = t.acc.store.readFrames.bind(t.acc.store);
  t.acc.store.readFrames = (version, list, opts, kind) => {
    const all = [...list];
    blobs.push(kind ?? "lines");
    for (const [offset] of all) frames.add(`${kind ?? "lines"}@${offset}`);
    return readFrames(version, all, opts, kind);
  };
  try {
    return { result: await run(), blobs: [...new Set(blobs)], frames: frames.size };
  } finally {
    t.acc.store.readFrames = readFrames;
  }
}

describe("the auxiliaries' grand livre", () => {
  it("pages each auxiliary as the lines blob did, then from its copy once built", async () => {
    const auxes = [...busiestAuxiliaries(2), ...busiestAuxiliaries(1, true)];
    expect(auxes.length).toBe(3);
    const queries: Array<[Query, number]> = auxes.flatMap(({ aux, account }) => [
      [{ account, aux, period: YEAR }, 200] as [Query, number],
      [{ account, aux, period: YEAR }, 7] as [Query, number],
      [{ account, aux, period: { from: 202404, to: 202409 } }, 5] as [Query, number],
      [{ account: "", aux, period: YEAR }, 11] as [Query, number],
      [{ account, aux, period: YEAR, unletteredOnly: true }, 3] as [Query, number],
      [{ account, aux, period: { from: 202402, to: 202410 }, unletteredOnly: true }, 4] as [Query, number],
      [{ account, aux, period: YEAR, q: wordOf(aux) }, 3] as [Query, number],
      [{ account: "", aux, period: { from: 202403, to: 202411 }, q: wordOf(aux), unletteredOnly: true }, 2] as [
        Query,
        number,
      ],
    ]);
    const before: Array<Awaited<ReturnType<typeof everyPage>>> = [];
    for (const [query, pageSize] of queries) {
      const { result, blobs } = await blobsRead(() => everyPage(query, pageSize));
      expect(blobs).not.toContain("aux");
      before.push(result);
    }
    expect(before.filter((b) => b.total > 0).length).toBeGreaterThan(queries.length / 2);
    // Searches within an auxiliary find some of its lines, not all.
    const searched = queries.flatMap(([query], i) => (query.q === undefined ? [] : [before[i]?.total ?? 0]));
    expect(searched.filter((n) => n > 0).length).toBeGreaterThan(0);

    // Small passes and frames: the copy is built over several passes, and each auxiliary spans frames.
    expect(await buildAuxLedger(t.acc.store, v, { passBytes: 64 * 1024, frames: { frameBytes: 2 * 1024 } })).toBe(
      "built",
    );
    expect(await buildAuxLedger(t.acc.store, v)).toBe("present");

    for (const [i, [query, pageSize]] of queries.entries()) {
      t.acc.store.dropCaches();
      const { result, blobs } = await blobsRead(() => everyPage(query, pageSize));
      if (result.total > 0) expect(blobs).toEqual(["aux"]);
      else expect(blobs).not.toContain("lines");
      expect(result).toEqual(before[i]);
    }
  });

  it("lists the auxiliary's lines and balances like the pure grand livre, à-nouveaux and periods included", async () => {
    for (const { aux, account } of busiestAuxiliaries(2)) {
      for (const [period, from, to] of [
        [YEAR, undefined, undefined],
        [{ from: 202403, to: 202407 }, "2024-03-01", "2024-07-31"],
      ] as const) {
        const expected = generalLedgerPage(entries, {
          compteNum: account,
          compAuxNum: aux,
          ...(from ? { from, to } : {}),
          pageSize: 1e6,
        });
        const got = await everyPage({ account, aux, period }, 13);
        expect(got.total).toBe(expected.totalLines);
        expect(got.shown.map(([, line, balance]) => [line, balance])).toEqual(
          expected.accounts.flatMap((a) => a.lines.map((l) => [l.line, l.balanceCents])),
        );
        expect(got.sections.map((s) => [s[0], s[1], s[2], s[3]])).toEqual(
          expected.accounts.map((a) => [a.compteNum, a.lineCount, a.broughtForwardCents, a.closingBalanceCents]),
        );
      }
    }
  });

  it("reads the few frames of the copy a first page needs, not every frame holding the auxiliary's lines", async () => {
    const [{ aux, account }] = busiestAuxiliaries(1) as [{ aux: string; account: string }];
    t.acc.store.dropCaches();
    const { result, frames } = await blobsRead(() => firstPage({ account, aux, unletteredOnly: false }, 20));
    const lines = result.accounts.flatMap((a) => a.lines);
    expect(lines).toHaveLength(20);
    // Each month of the auxiliary is a bucket of the copy (the first test built it with 2 KiB frames and
    // small passes, a month each): a frame or two per month on the page (à-nouveaux apart).
    const months = new Set(lines.map((l) => (l.journalCode === "AN" ? 0 : Math.floor(l.date / 100))));
    expect(frames).toBeLessThanOrEqual(2 * months.size);
    // In the lines blob those months span many more frames.
    const buckets = (await t.acc.store.readLedgerIndex(v, account)).flatMap((i) => i.buckets);
    const inLines = buckets.filter((b) => months.has(b[0])).reduce((n, b) => n + b[1].length, 0);
    expect(inLines).toBeGreaterThan(3 * frames);
  });

  it("leaves an unknown auxiliary empty, and lists an auxiliary's unlettered lines from the copy", async () => {
    const empty = await everyPage({ account: "411", aux: "NOBODY", period: YEAR }, 50);
    expect(empty.total).toBe(0);
    const [{ aux, account }] = busiestAuxiliaries(1, true) as [{ aux: string; account: string }];
    const { result, blobs } = await blobsRead(() => firstPage({ account, aux, unletteredOnly: true }, 500));
    expect(blobs).toEqual(["aux"]);
    const expected = generalLedgerPage(entries, {
      compteNum: account,
      compAuxNum: aux,
      unletteredOnly: true,
      pageSize: 1e6,
    });
    expect(result.totalLines).toBe(expected.totalLines);
    expect(result.totalLines).toBeGreaterThan(0);
    // Every line still counts in the running balance; only the open ones are listed.
    expect(result.accounts.flatMap((a) => a.lines.map((l) => [l.line, l.balanceCents]))).toEqual(
      expected.accounts.flatMap((a) => a.lines.map((l) => [l.line, l.balanceCents])),
    );
  });

  it("keeps Limité à: a scoped client's pages and searches of an auxiliary are the same from the copy (établissements' sums)", async () => {
    const years = fc.sample(twoYears, { seed: 17, numRuns: 3 });
    for (const [k, [, year]] of years.entries()) {
      const to: VersionRef = { ...v, importId: `scoped-${k}` };
      await storedImport(t.acc.store, to, Buffer.from(fecText(yearLines(year), { etab: true }), "latin1"), 8 * 1024);
      const of = { v: to, aggregate: await t.acc.store.readAggregate(to) };
      const cases: Array<[Query, number]> = [];
      for (const aux of ["C1", "C2", "F1", "F2"])
        for (const scope of [undefined, new Set(["E1"]), new Set(["E1", "E2"]), new Set(["E2", "E3"])])
          for (const period of [YEAR, { from: 202403, to: 202408 }])
            for (const unletteredOnly of [false, true])
              for (const q of [undefined, "reglement"])
                cases.push([
                  { account: "4", aux, period, unletteredOnly, ...(scope ? { scope } : {}), ...(q ? { q } : {}) },
                  3,
                ]);
      const before = [];
      for (const [query, pageSize] of cases) before.push(await everyPage(query, pageSize, of));
      expect(before.some((b) => b.total > 0)).toBe(true);
      expect(await buildAuxLedger(t.acc.store, to, { frames: { frameBytes: 1024 } })).toBe("built");
      for (const [i, [query, pageSize]] of cases.entries()) {
        const { result, blobs } = await blobsRead(() => everyPage(query, pageSize, of));
        if (result.total > 0) expect(blobs).toEqual(["aux"]);
        expect({ query, result }).toEqual({ query, result: before[i] });
      }
    }
  });
});
