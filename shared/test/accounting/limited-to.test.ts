import { describe, expect, it } from "vitest";
import { lineCountInScope, type LedgerAggregate } from "../../src/accounting";

const row = (etablissement: string, lineCount: number) => ({
  compteNum: "512000",
  compAuxNum: "",
  journalCode: "BQ",
  month: 202401,
  etablissement,
  opening: false,
  debitCents: 100 * lineCount,
  creditCents: 0,
  lineCount,
});

const aggregate: LedgerAggregate = {
  rows: [row("E1", 3), row("E2", 5), row("", 7), row("E1", 2)],
  accountLabels: {},
  auxiliaryLabels: {},
  journalLabels: {},
};

describe("Limité à: line counts", () => {
  it("counts every line without a scope", () => {
    expect(lineCountInScope(aggregate)).toBe(17);
  });

  it("counts only the scope's lines, never those without a code", () => {
    expect(lineCountInScope(aggregate, ["E1"])).toBe(5);
    expect(lineCountInScope(aggregate, ["E1", "E2"])).toBe(10);
    expect(lineCountInScope(aggregate, ["E3"])).toBe(0);
  });
});
