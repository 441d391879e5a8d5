import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journalsPage, parseFec, type FecEntry, type LedgerAggregate } from "@comptoir/shared";
import type { JournalIndex, VersionRef } from "../../src/accounting/store/store";
import { readJournaux, type JournalQuery } from "../../src/accounting/views/journal-reader";
import { fecText, startAccountingApp, type AccountingTestApp, type Line, storedImport } from "./accounting-harness";

/**
 * Journal pages read through the index: a bucket whose écritures the import found in display order
 * reads only the segments holding the page's écritures (per-segment starts and continuation lines,
 * index `paging`). Every page must equal the pure journaux (shared's journalsPage) over the same lines,
 * for every reader: unrestricted (the skipping path), *Limité à* and imports without the paging data
 * (the whole-bucket path).
 */
let t: AccountingTestApp;
let entries: FecEntry[];
let aggregate: LedgerAggregate;
const v: VersionRef = { tenantId: "t-jpaging", dossierId: "d-jpaging", exercice: "2024-12-31", importId: "jpaging" };
const YEAR = { from: 202401, to: 202412 };

const ymd = (month: number, day: number) => `2024${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}`;

/**
 * Journal VE over three months in display order, with écritures of 2 to 6 lines and every 25th of 30
 * (spanning several 2 KiB frames); journal AC interleaved, its February written in reverse (out of
 * order: read whole). Établissements: E1, E2, both (a shared écriture) or none.
 */
function journalFec(): string {
  const lines: Line[] = [];
  const ecriture = (journal: string, num: number, date: string, size: number, i: number) => {
    const etabOf = (k: number) => (i % 4 === 0 ? "E1" : i % 4 === 1 ? "E2" : i % 4 === 2 ? (k % 2 ? "E1" : "E2") : "");
    for (let k = 0; k < size - 1; k++)
      lines.push({ journal, num: String(num), date, compte: "411000", debit: `${10 + k},00`, etab: etabOf(k) });
    const total = Array.from({ length: size - 1 }, (_, k) => 10 + k).reduce((n, x) => n + x, 0);
    lines.push({ journal, num: String(num), date, compte: "706000", credit: `${total},00`, etab: etabOf(size - 1) });
  };
  let ve = 1;
  const ac: Array<[number, string]> = [];
  for (let month = 1; month <= 3; month++)
    for (let i = 0; i < 120; i++) {
      const date = ymd(month, 1 + Math.floor(i / 5));
      ecriture("VE", ve, date, i % 25 === 24 ? 30 : 2 + (i % 5), i);
      ve++;
      if (i % 6 === 0) ac.push([month, date]);
    }
  // AC: January and March in order, February in reverse (still one run per écriture).
  const feb = ac.filter(([m]) => m === 2).reverse();
  [...ac.filter(([m]) => m === 1), ...feb, ...ac.filter(([m]) => m === 3)].forEach(([, date], i) =>
    ecriture("AC", 9000 + (date.slice(4, 6) === "02" ? 100 - i : i), date, 3, i),
  );
  return fecText(lines, { etab: true });
}

beforeAll(async () => {
  t = await startAccountingApp();
  const file = Buffer.from(journalFec(), "utf8");
  entries = parseFec(file).entries;
  await storedImport(t.acc.store, v, file, 2 * 1024);
  aggregate = await t.acc.store.readAggregate(v);
});
afterAll(() => t.close());

type Shown = { journal: string; num: string; lines: number[] };

async function everyPage(query: Partial<JournalQuery>, pageSize: number) {
  const shown: Shown[] = [];
  const sections: Array<[string, number, number, number]> = [];
  let page = 0;
  let pageCount = 1;
  let total = 0;
  while (page < pageCount) {
    const q: JournalQuery = { period: YEAR, scope: undefined, ...query };
    const res = await readJournaux(t.acc.store, v, aggregate, q, { page, pageSize });
    pageCount = res.pageCount;
    total = res.totalEcritures;
    for (const j of res.journals) {
      if (!sections.some((s) => s[0] === j.journalCode))
        sections.push([j.journalCode, j.ecritureCount, j.totalDebitCents, j.totalCreditCents]);
      for (const e of j.ecritures)
        shown.push({ journal: j.journalCode, num: e.ecritureNum, lines: e.lines.map((l) => l.line) });
    }
    page++;
  }
  return { shown, sections, total, pageCount };
}

function expectedPages(options: { etablissements?: string[]; journalCode?: string; from?: string; to?: string }) {
  const expected = journalsPage(entries, { ...options, pageSize: 1e6 });
  return {
    total: expected.totalEcritures,
    sections: expected.journals.map((j) => [j.journalCode, j.ecritureCount, j.totalDebitCents, j.totalCreditCents]),
    shown: expected.journals.flatMap((j) =>
      j.ecritures.map((e) => ({ journal: j.journalCode, num: e.ecritureNum, lines: e.lines.map((l) => l.line) })),
    ),
  };
}

/** Counts the frames each read asks for (and can strip the index's paging data, as an earlier build stored it). */
function instrument(options: { withoutPaging?: boolean } = {}) {
  const store = t.acc.store;
  const readFrames = store.readFrames.bind(store);
  const readJournalIndex = store.readJournalIndex.bind(store);
  const frames: number[] = [];
  store.readFrames = (version, list, opts) => {
    const all = [...list];
    frames.push(all.length);
    return readFrames(version, all, opts);
  };
  if (options.withoutPaging)
    store.readJournalIndex = async (version) =>
      (await readJournalIndex(version)).map(({ paging: _, ...index }): JournalIndex => index);
  return {
    frames: () => frames.reduce((n, f) => n + f, 0),
    restore: () => {
      store.readFrames = readFrames;
      store.readJournalIndex = readJournalIndex;
    },
  };
}

describe("journal pages read through the index", () => {
  it("notes display order and per-segment starts for the buckets that have it", async () => {
    const indexes = await t.acc.store.readJournalIndex(v);
    const ve = indexes.find((i) => i.journalCode === "VE");
    const ac = indexes.find((i) => i.journalCode === "AC");
    expect(ve?.paging?.map((p) => p[0])).toEqual([202401, 202402, 202403]);
    // AC's February is out of order: no paging entry, so it is read whole.
    expect(ac?.paging?.map((p) => p[0])).toEqual([202401, 202403]);
    for (const b of ve?.buckets ?? []) {
      const paging = ve?.paging?.find((p) => p[0] === b[0]);
      expect(b[1].length).toBeGreaterThan(10);
      expect(paging?.[1].reduce((n, s) => n + s, 0)).toBe(b[3]);
      // Some écritures span frames: the segments after their start begin with their lines.
      expect(paging?.[2].some((lead) => lead > 0)).toBe(true);
    }
  });

  it("pages every journal like the pure journaux, first, middle and last page", async () => {
    const expected = expectedPages({});
    for (const pageSize of [7, 50, 1000]) {
      const got = await everyPage({}, pageSize);
      expect(got.total).toBe(expected.total);
      expect(got.pageCount).toBe(Math.ceil(expected.total / pageSize));
      expect(got.sections).toEqual(expected.sections);
      expect(got.shown).toEqual(expected.shown);
    }
  });

  it("reads only the segments holding a page of a bucket in display order", async () => {
    const [ve] = (await t.acc.store.readJournalIndex(v)).filter((i) => i.journalCode === "VE");
    const february = ve?.buckets.find((b) => b[0] === 202402);
    const segments = february?.[1].length ?? 0;
    const query: JournalQuery = { journal: "VE", period: { from: 202402, to: 202402 }, scope: undefined };
    const expected = journalsPage(entries, { journalCode: "VE", from: "2024-02-01", to: "2024-02-29", pageSize: 5 });
    for (const page of [0, 11, (february?.[3] ?? 0) / 5 - 1]) {
      t.acc.store.dropCaches();
      const probe = instrument();
      const res = await readJournaux(t.acc.store, v, aggregate, query, { page, pageSize: 5 });
      probe.restore();
      expect(probe.frames()).toBeLessThanOrEqual(4);
      expect(probe.frames()).toBeLessThan(segments / 2);
      const want = journalsPage(entries, {
        journalCode: "VE",
        from: "2024-02-01",
        to: "2024-02-29",
        pageSize: 5,
        page,
      });
      expect(res.journals.map((j) => j.ecritures)).toEqual(want.journals.map((j) => j.ecritures));
      expect(res.totalEcritures).toBe(expected.totalEcritures);
    }
  });

  it("pages a restricted reader's journaux like an import of its lines alone (whole buckets)", async () => {
    for (const etablissements of [["E1"], ["E2"], ["E1", "E2"]]) {
      const expected = expectedPages({ etablissements });
      const got = await everyPage({ scope: new Set(etablissements) }, 9);
      expect(got.total).toBe(expected.total);
      expect(got.sections).toEqual(expected.sections);
      expect(got.shown).toEqual(expected.shown);
    }
  });

  it("pages an import without the paging data (an earlier build's) by whole buckets, the same", async () => {
    const expected = expectedPages({ from: "2024-02-01", to: "2024-03-31" });
    t.acc.store.dropCaches();
    const probe = instrument({ withoutPaging: true });
    try {
      const got = await everyPage({ period: { from: 202402, to: 202403 } }, 11);
      expect(got.total).toBe(expected.total);
      expect(got.sections).toEqual(expected.sections);
      expect(got.shown).toEqual(expected.shown);
      t.acc.store.dropCaches();
      const before = probe.frames();
      const query: JournalQuery = { journal: "VE", period: { from: 202402, to: 202402 }, scope: undefined };
      await readJournaux(t.acc.store, v, aggregate, query, { page: 3, pageSize: 5 });
      const ve = (await t.acc.store.readJournalIndex(v)).find((i) => i.journalCode === "VE");
      expect(probe.frames() - before).toBe(ve?.buckets.find((b) => b[0] === 202402)?.[1].length);
    } finally {
      probe.restore();
    }
  });
});
