import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredLine } from "../../src/accounting/store/entry-records";
import type { VersionRef } from "../../src/accounting/store/store";
import { accountLines, eachAccountLine, ledgerReader } from "../../src/accounting/views/ledger-reader";
import type { MonthSpan } from "../../src/accounting/views/period";
import { Turns } from "../../src/lib/turns";
import { fecText, startAccountingApp, type AccountingTestApp, type Line, storedImport } from "./accounting-harness";

/**
 * The grand livre export reads each account through eachAccountLine: lines handed over one at a time
 * as decoded when a month is stored in display order, read whole and sorted otherwise. It must give
 * the very lines, in the very order, of accountLines (what pages and the balance âgée read), for every
 * scope, auxiliary and period, with the export's lean reading.
 */
let t: AccountingTestApp;
const v: VersionRef = { tenantId: "t-export", dossierId: "d-export", exercice: "2024-12-31", importId: "export" };

/** 411000 in date order, 401000 with each month written backwards (read whole and sorted). */
function exportFec(): string {
  const lines: Line[] = [];
  const day = (month: number, d: number) => `2024${String(month).padStart(2, "0")}${String(d).padStart(2, "0")}`;
  let num = 1;
  for (let month = 1; month <= 4; month++)
    for (let i = 0; i < 60; i++) {
      const etab = ["E1", "E2", ""][i % 3] ?? "";
      const aux = `C${i % 4}`;
      lines.push(
        {
          journal: "VE",
          num: String(num),
          date: day(month, 1 + Math.floor(i / 3)),
          compte: "411000",
          aux,
          debit: "12,00",
          etab,
        },
        {
          journal: "VE",
          num: String(num),
          date: day(month, 1 + Math.floor(i / 3)),
          compte: "706000",
          credit: "12,00",
          etab,
        },
      );
      num++;
      lines.push(
        {
          journal: "AC",
          num: String(num),
          date: day(month, 28 - Math.floor(i / 3)),
          compte: "601000",
          debit: "7,00",
          etab,
        },
        {
          journal: "AC",
          num: String(num),
          date: day(month, 28 - Math.floor(i / 3)),
          compte: "401000",
          aux,
          credit: "7,00",
          etab,
        },
      );
      num++;
    }
  return fecText(lines, { etab: true });
}

beforeAll(async () => {
  t = await startAccountingApp();
  const file = Buffer.from(exportFec(), "utf8");
  await storedImport(t.acc.store, v, file, 2 * 1024);
});
afterAll(() => t.close());

const lean = { batchBytes: 4 * 1024, framesPerRead: 2, readsInFlight: 2, turns: new Turns(5) };

describe("the grand livre export's line by line reading", () => {
  it("gives accountLines' lines and brought-forward, in order, for every scope, auxiliary and period", async () => {
    const indexes = await t.acc.store.readLedgerIndex(v);
    const sorted = (compte: string) => indexes.find((i) => i.compteNum === compte)?.buckets.map((b) => b[5]);
    expect(sorted("411000")).toEqual([1, 1, 1, 1]);
    expect(sorted("401000")).toEqual([0, 0, 0, 0]);
    const year: MonthSpan = { from: 202401, to: 202412 };
    const spring: MonthSpan = { from: 202403, to: 202404 };
    let compared = 0;
    for (const scope of [undefined, new Set(["E1"]), new Set(["E1", "E2"])])
      for (const aux of [undefined, "C1"])
        for (const period of [year, spring]) {
          const query = { period, scope, ...(aux ? { aux } : {}) };
          const expected: Array<[number, StoredLine[]]> = [];
          const plain = ledgerReader(t.acc.store, v, indexes, query);
          for (const index of indexes) {
            const { broughtForward, lines } = await accountLines(t.acc.store, v, index, query, plain);
            const all: StoredLine[] = [];
            for await (const r of lines) all.push(r);
            expected.push([broughtForward, all]);
          }
          const reader = ledgerReader(t.acc.store, v, indexes, query).lean(lean);
          const got: Array<[number, StoredLine[]]> = [];
          try {
            for (const index of indexes) {
              const { broughtForward, each } = await eachAccountLine(index, query, reader);
              const all: StoredLine[] = [];
              await each((r) => {
                all.push(r);
                return Promise.resolve();
              });
              got.push([broughtForward, all]);
            }
          } finally {
            await reader.close();
          }
          const shape = (x: Array<[number, StoredLine[]]>) =>
            x.map(([bf, lines]) => [
              bf,
              lines.map((l) => [l.line, l.date, l.etablissement, l.compAuxNum, l.debitCents]),
            ]);
          expect(shape(got)).toEqual(shape(expected));
          compared += expected.reduce((n, [, lines]) => n + lines.length, 0);
        }
    expect(compared).toBeGreaterThan(1000);
  });
});
