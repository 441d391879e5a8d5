import { describe, expect, it } from "vitest";
import { FEC_TEXT_FIELDS, type FecEntry } from "../../src/accounting/fec/entry";
import { blankFecEntry, EMPTY_AMOUNT, fillFecEntry } from "../../src/accounting/fec/entry-fill";

describe("fillFecEntry, the one FEC line → FecEntry mapping", () => {
  const texts = { fieldText: (rank: number) => `text ${rank}` };

  it("reads each text field at its index in FEC_TEXT_FIELDS", () => {
    const entry = fillFecEntry(
      blankFecEntry(),
      texts,
      7,
      20240131,
      1200,
      0,
      true,
      true,
      20240130,
      20240205,
      20240201,
      150,
    );
    FEC_TEXT_FIELDS.forEach((field, rank) => expect(entry[field], field).toBe(`text ${rank}`));
    expect(entry).toMatchObject({
      line: 7,
      date: 20240131,
      debitCents: 1200,
      creditCents: 0,
      pieceDate: 20240130,
      dateLet: 20240205,
      validDate: 20240201,
      montantDeviseCents: 150,
    });
  });

  it("leaves optional fields undefined when absent, and the auxiliary and letter fields unread without their flag", () => {
    const read: number[] = [];
    const empty = { fieldText: (rank: number) => (read.push(rank), "") };
    const entry: FecEntry = fillFecEntry(
      blankFecEntry(),
      empty,
      2,
      20240101,
      0,
      5,
      false,
      false,
      0,
      0,
      0,
      EMPTY_AMOUNT,
    );
    for (const field of ["compAuxNum", "compAuxLib", "ecritureLet", "idevise", "etablissement"] as const)
      expect(entry[field], field).toBeUndefined();
    expect(entry.pieceDate).toBeUndefined();
    expect(entry.montantDeviseCents).toBeUndefined();
    for (const field of ["compAuxNum", "compAuxLib", "ecritureLet"] as const)
      expect(read).not.toContain(FEC_TEXT_FIELDS.indexOf(field));
  });

  it("keeps a reused entry's shape: every key is set", () => {
    const entry = fillFecEntry(blankFecEntry(), texts, 3, 20240102, 0, 0, false, false, 0, 0, 0, EMPTY_AMOUNT);
    expect(Object.keys(entry).sort()).toEqual(Object.keys(blankFecEntry()).sort());
  });
});
