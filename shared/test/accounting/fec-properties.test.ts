import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  aggregateEntries,
  computeSig,
  computeTrialBalance,
  createFecParser,
  formatFecAmount,
  parseFec,
  parseFecAmount,
  type FecEntry,
} from "../../src/accounting";
import { fecText, latin9, line, HEADER, SMALL_ROWS, type Row } from "./fixtures";

describe("amount properties", () => {
  // 13 integer digits at most (see amount.ts), i.e. below 10^15 cents.
  const cents = fc.integer({ min: -(10 ** 15 - 1), max: 10 ** 15 - 1 });

  it("parsing the formatted amount of any integer number of cents gives it back", () => {
    fc.assert(fc.property(cents, (c) => parseFecAmount(formatFecAmount(c)) === c));
  });

  it("the trailing sign, a decimal dot and left zero padding mean the same amount", () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 0, max: 5 }), (c, zeros) => {
        const text = formatFecAmount(Math.abs(c));
        const padded = "0".repeat(zeros) + text;
        const sign = c < 0 ? "-" : "";
        return (
          parseFecAmount(padded + sign) === c &&
          parseFecAmount(sign + padded.replace(",", ".")) === c &&
          parseFecAmount(`${sign}${padded}0`) === c
        );
      }),
    );
  });
});

/**
 * A varied file: ISO 8859-15 labels, CRLF, a blank line, warnings, a C1 control byte, an écriture
 * split around another one, and an unbalanced one on the unterminated last line.
 */
function awkwardFile(): Uint8Array {
  const rows: string[] = [HEADER];
  SMALL_ROWS.forEach((r, i) => {
    rows.push(line({ ...r, lib: `Libellé n°${i} € Œ` }));
    if (i === 5) rows.push("");
    if (i === 9)
      rows.push(line({ journal: "OD", num: "50", date: "20240301", compte: "471000", debit: "3,00", piece: "" }));
  });
  rows.push(line({ journal: "OD", num: "50", date: "20240301", compte: "472000", credit: "3,00", lib: "Ctrl\u0085" }));
  rows.push(line({ journal: "OD", num: "99", date: "20240402", compte: "471000", debit: "1,00" }));
  return latin9(rows.join("\r\n"));
}

function parseInChunks(bytes: Uint8Array, cuts: number[]) {
  const parser = createFecParser({ exercice: { start: "2024-01-01", end: "2024-12-31" } });
  const entries: FecEntry[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    entries.push(...parser.push(bytes.subarray(from, cut)));
    from = cut;
  }
  entries.push(...parser.push(bytes.subarray(from)));
  const last = parser.end();
  return { entries: entries.concat(last.entries), report: last.report };
}

describe("chunk boundaries", () => {
  for (const [name, bytes] of [
    ["a valid file", latin9(fecText(SMALL_ROWS))],
    ["an awkward file", awkwardFile()],
  ] as const) {
    const whole = parseFec(bytes, { exercice: { start: "2024-01-01", end: "2024-12-31" } });

    it(`give the same result whatever the split (${name})`, () => {
      expect(whole.entries.length).toBeGreaterThan(10);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
          expect(parseInChunks(bytes, cuts)).toEqual(whole);
        }),
        { numRuns: 150 },
      );
    });

    it(`give the same result byte by byte (${name})`, () => {
      expect(
        parseInChunks(
          bytes,
          Array.from({ length: bytes.length - 1 }, (_, i) => i + 1),
        ),
      ).toEqual(whole);
    });
  }

  it("the awkward file reports what it should", () => {
    const { report } = parseFec(awkwardFile());
    expect(report.encoding).toBe("iso-8859-15");
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([
      [0, "FEC_UNBALANCED_FILE"],
      [13, "FEC_FIELD_EMPTY"],
      [23, "FEC_BAD_ENCODING"],
      [24, "FEC_UNBALANCED_ENTRY"],
    ]);
  });
});

const ACCOUNTS = [
  "101300",
  "164000",
  "218300",
  "370000",
  "401000",
  "411000",
  "445660",
  "445710",
  "512000",
  "530000",
  "601000",
  "607000",
  "6037",
  "613200",
  "641000",
  "681120",
  "706000",
  "707000",
  "7097",
  "758000",
  "761000",
  "771000",
  "695000",
];

/** Balanced écritures: each has 1–4 debit lines and one credit line for their sum. */
const ecriture = fc
  .record({
    journal: fc.constantFrom("AN", "VE", "AC", "BQ", "OD"),
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    debits: fc.array(
      fc.record({ compte: fc.constantFrom(...ACCOUNTS), cents: fc.integer({ min: -500000, max: 5000000 }) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    creditAccount: fc.constantFrom(...ACCOUNTS),
    aux: fc.option(fc.constantFrom("C001", "C002", "F001"), { nil: undefined }),
  })
  .map((e) => ({ ...e, date: `2024${String(e.month).padStart(2, "0")}${String(e.day).padStart(2, "0")}` }));

describe("ledger properties", () => {
  it("a balanced generated ledger parses cleanly and its balance closes at 0, with the SIG adding up to the résultat", () => {
    fc.assert(
      fc.property(fc.array(ecriture, { minLength: 1, maxLength: 25 }), (ecritures) => {
        const rows: Row[] = ecritures.flatMap((e, n) => {
          const num = String(n + 1);
          const total = e.debits.reduce((s, d) => s + d.cents, 0);
          return [
            ...e.debits.map((d) => ({
              journal: e.journal,
              num,
              date: e.date,
              compte: d.compte,
              debit: formatFecAmount(d.cents),
            })),
            {
              journal: e.journal,
              num,
              date: e.date,
              compte: e.creditAccount,
              aux: e.aux,
              credit: formatFecAmount(total),
            },
          ];
        });
        const { entries, report } = parseFec(latin9(fecText(rows)));
        expect(report.ok).toBe(true);
        expect(report.totalDebitCents).toBe(report.totalCreditCents);
        const aggregate = aggregateEntries(entries);
        const balance = computeTrialBalance(aggregate);
        expect(balance.closingDebitCents - balance.closingCreditCents).toBe(0);
        expect(balance.openingDebitCents + balance.debitCents).toBe(balance.openingCreditCents + balance.creditCents);
        const classNet = (cls: string) =>
          entries
            .filter((e) => e.compteNum.startsWith(cls) && e.journalCode !== "AN")
            .reduce((s, e) => s + e.creditCents - e.debitCents, 0);
        expect(computeSig(aggregate).resultatExercice).toBe(classNet("7") + classNet("6"));
      }),
      { numRuns: 200 },
    );
  });
});
