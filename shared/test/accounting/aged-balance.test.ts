import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agedBalance,
  ageInDays,
  agingBucket,
  agingDate,
  defaultReferenceDate,
  echeancierRows,
  isOpenAt,
  openAmount,
  openItems,
  partyItems,
  type AgedAccount,
  type AgedLine,
} from "../../src/accounting";

const line = (over: Partial<AgedLine> = {}): AgedLine => ({
  line: 1,
  date: 20240115,
  compteNum: "411000",
  debitCents: 10000,
  creditCents: 0,
  ...over,
});

describe("aging rules", () => {
  it("a line is open at D when entered by D and not lettered, or lettered after D", () => {
    expect(isOpenAt(line(), 20240115)).toBe(true);
    expect(isOpenAt(line(), 20240114)).toBe(false); // entered after D
    expect(isOpenAt(line({ ecritureLet: "AA", dateLet: 20240201 }), 20240131)).toBe(true); // lettered after D
    expect(isOpenAt(line({ ecritureLet: "AA", dateLet: 20240131 }), 20240131)).toBe(false); // lettered on D
    expect(isOpenAt(line({ ecritureLet: "AA" }), 20241231)).toBe(false); // a letter without its date is lettered
    expect(isOpenAt(line({ ecritureLet: "" }), 20241231)).toBe(true);
  });

  it("the age counts from the PieceDate when present, otherwise the EcritureDate", () => {
    expect(agingDate(line({ pieceDate: 20231201 }))).toEqual({ date: 20231201, kind: "piece" });
    expect(agingDate(line())).toEqual({ date: 20240115, kind: "ecriture" });
    const [piece] = openItems([line({ pieceDate: 20231201 })], { account: "411", ref: 20240115 });
    expect(piece?.ageDays).toBe(45);
    expect(piece?.bucket).toBe("d31_60");
    const [entry] = openItems([line()], { account: "411", ref: 20240115 });
    expect(entry?.ageDays).toBe(0);
    expect(entry?.bucket).toBe("d0_30");
  });

  it("bucket bounds: not yet due below 0, then 30/31, 60/61, 90/91 days", () => {
    expect(agingBucket(-1)).toBe("notDue");
    expect(agingBucket(0)).toBe("d0_30");
    expect(agingBucket(30)).toBe("d0_30");
    expect(agingBucket(31)).toBe("d31_60");
    expect(agingBucket(60)).toBe("d31_60");
    expect(agingBucket(61)).toBe("d61_90");
    expect(agingBucket(90)).toBe("d61_90");
    expect(agingBucket(91)).toBe("over90");
  });

  it("ages in calendar days across months, leap days and a payment term", () => {
    expect(ageInDays(20240101, 20240131)).toBe(30);
    expect(ageInDays(20240101, 20240201)).toBe(31);
    expect(ageInDays(20240201, 20240301)).toBe(29); // 2024 is a leap year
    expect(ageInDays(20230201, 20230301)).toBe(28);
    expect(ageInDays(20240301, 20240331)).toBe(30); // across the switch to summer time, still whole days
    expect(ageInDays(20240101, 20240131, 30)).toBe(0);
    expect(ageInDays(20240201, 20240131)).toBe(-1); // a piece dated after D is not yet due
  });

  it("amounts read positive for what clients owe and what is owed to suppliers", () => {
    expect(openAmount(line({ debitCents: 500, creditCents: 0 }), "411")).toBe(500);
    expect(openAmount(line({ debitCents: 0, creditCents: 700 }), "401")).toBe(700);
    expect(openAmount(line({ debitCents: 0, creditCents: 200 }), "411")).toBe(-200); // a credit note or payment
  });

  it("the reference date defaults to today within the exercice, otherwise its end", () => {
    const ex = { start: 20240101, end: 20241231 };
    expect(defaultReferenceDate(ex, 20240615)).toBe(20240615);
    expect(defaultReferenceDate(ex, 20240101)).toBe(20240101);
    expect(defaultReferenceDate(ex, 20250310)).toBe(20241231);
    expect(defaultReferenceDate(ex, 20231231)).toBe(20241231);
  });

  it("a third party is the auxiliary account, or the account itself without one", () => {
    const items = openItems(
      [
        line({ line: 1, compAuxNum: "C001" }),
        line({ line: 2, compAuxNum: "C001", compteNum: "411100" }),
        line({ line: 3, compteNum: "411900" }),
      ],
      { account: "411", ref: 20241231 },
    );
    const balance = agedBalance(items, (p) => `${p.kind}:${p.key}`);
    expect(balance.parties.map((p) => [p.key, p.kind, p.label, p.lineCount])).toEqual([
      ["411900", "account", "account:411900", 1],
      ["C001", "aux", "aux:C001", 2],
    ]);
    expect(partyItems(items, { key: "C001", kind: "aux" }).map((i) => i.line.line)).toEqual([1, 2]);
  });
});

// ---- Against a naive computation over the same lines ----

const BUCKET_EDGES: Array<[number, string]> = [
  [30, "d0_30"],
  [60, "d31_60"],
  [90, "d61_90"],
];

function isoOf(ymd: number): string {
  const s = String(ymd);
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Written apart from the module: Date objects, one pass per question, no shared helper. */
function naive(lines: AgedLine[], account: AgedAccount, ref: number, term: number) {
  const refMs = new Date(`${isoOf(ref)}T00:00:00Z`).getTime();
  const open = lines.filter((l) => {
    if (l.date > ref) return false;
    if (l.ecritureLet === undefined || l.ecritureLet === "") return true;
    return l.dateLet !== undefined && l.dateLet > ref;
  });
  const rows = open.map((l) => {
    const used = l.pieceDate !== undefined && l.pieceDate !== 0 ? l.pieceDate : l.date;
    const age = (refMs - new Date(`${isoOf(used)}T00:00:00Z`).getTime()) / 86_400_000 - term;
    let bucket = "over90";
    if (age < 0) bucket = "notDue";
    else for (const [edge, name] of [...BUCKET_EDGES].reverse()) if (age <= edge) bucket = name;
    const amount = account === "411" ? l.debitCents - l.creditCents : l.creditCents - l.debitCents;
    const party = l.compAuxNum ? `aux|${l.compAuxNum}` : `account|${l.compteNum}`;
    return { l, used, age, bucket, amount, party };
  });
  const parties: Record<string, Record<string, number>> = {};
  const totals: Record<string, number> = { notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 };
  for (const r of rows) {
    const p = (parties[r.party] ??= { notDue: 0, d0_30: 0, d31_60: 0, d61_90: 0, over90: 0 });
    p[r.bucket] = (p[r.bucket] ?? 0) + r.amount;
    totals[r.bucket] = (totals[r.bucket] ?? 0) + r.amount;
  }
  const ordered = [...rows].sort((a, b) => a.used - b.used || a.l.date - b.l.date || a.l.line - b.l.line);
  let cum = 0;
  const schedule = ordered.map((r) => ({ line: r.l.line, age: r.age, cumulative: (cum += r.amount) }));
  return { parties, totals, schedule };
}

const ymd = fc
  .date({ min: new Date("2023-06-01T00:00:00Z"), max: new Date("2025-03-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => Number(d.toISOString().slice(0, 10).replace(/-/g, "")));

const agedLine = fc.record({
  date: ymd,
  pieceDate: fc.option(ymd, { nil: undefined }),
  compteNum: fc.constantFrom("411000", "411100", "401000"),
  compAuxNum: fc.option(fc.constantFrom("C001", "C002", "F001"), { nil: undefined }),
  debitCents: fc.integer({ min: 0, max: 1_000_000 }),
  creditCents: fc.integer({ min: 0, max: 1_000_000 }),
  ecritureLet: fc.option(fc.constantFrom("A", "B", "ZZ"), { nil: undefined }),
  dateLet: fc.option(ymd, { nil: undefined }),
});

const scenario = fc.record({
  lines: fc.array(agedLine, { maxLength: 60 }).map((ls) => ls.map((l, i): AgedLine => ({ ...l, line: i + 2 }))),
  ref: ymd,
  account: fc.constantFrom<AgedAccount>("411", "401"),
  term: fc.constantFrom(0, 0, 30, 45),
});

describe("balance âgée and échéancier against a naive computation", () => {
  it("per third party and per bucket, the same amounts", () => {
    fc.assert(
      fc.property(scenario, ({ lines, ref, account, term }) => {
        const expected = naive(lines, account, ref, term);
        const balance = agedBalance(openItems(lines, { account, ref, termDays: term }), () => "");
        const got: Record<string, Record<string, number>> = {};
        for (const p of balance.parties) got[`${p.kind}|${p.key}`] = p.buckets;
        expect(got).toEqual(expected.parties);
        expect(balance.totals).toEqual(expected.totals);
        expect(balance.totalCents).toBe(Object.values(expected.totals).reduce((a, b) => a + b, 0));
        for (const p of balance.parties) {
          expect(p.totalCents).toBe(Object.values(p.buckets).reduce((a, b) => a + b, 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the échéancier lists the same open items by date used, with the running total, page by page", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 7 }), ({ lines, ref, account, term }, pageSize) => {
        const expected = naive(lines, account, ref, term).schedule;
        const items = openItems(lines, { account, ref, termDays: term });
        const pages = [];
        for (let first = 0; first < items.length; first += pageSize) {
          pages.push(...echeancierRows(items, first, first + pageSize));
        }
        expect(pages.map((r) => ({ line: r.line.line, age: r.ageDays, cumulative: r.cumulativeCents }))).toEqual(
          expected,
        );
      }),
      { numRuns: 300 },
    );
  });
});
