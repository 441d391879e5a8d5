import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  decodeJournal,
  decodeLedger,
  encodeJournal,
  encodeLedger,
  splitRecords,
  type JournalRecord,
  type LedgerRecord,
} from "../../src/accounting/codec";

const text = fc.string({ maxLength: 40 });
const optText = fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined });
const cents = fc.integer({ min: -1e12, max: 1e12 });
const ymd = fc.integer({ min: 19000101, max: 21991231 });

describe("entry blob records", () => {
  it("round-trip ledger lines, tabs, newlines and backslashes in the text included", () => {
    fc.assert(
      fc.property(
        fc.record({
          line: fc.nat(),
          date: ymd,
          journalCode: fc.string({ minLength: 1, maxLength: 5 }),
          ecritureNum: fc.string({ minLength: 1, maxLength: 10 }),
          pieceRef: text,
          ecritureLib: text,
          compAuxNum: optText,
          debitCents: cents,
          creditCents: cents,
          ecritureLet: optText,
          dateLet: fc.option(ymd, { nil: undefined }),
          etablissement: text,
        }),
        (record: LedgerRecord) => {
          const encoded = encodeLedger(record);
          expect(splitRecords(encoded)).toHaveLength(1);
          expect(decodeLedger(splitRecords(encoded)[0] ?? "")).toEqual(record);
        },
      ),
    );
  });

  it("round-trip journal lines", () => {
    fc.assert(
      fc.property(
        fc.record({
          line: fc.nat(),
          date: ymd,
          ecritureNum: fc.string({ minLength: 1, maxLength: 10 }),
          pieceRef: text,
          pieceDate: fc.option(ymd, { nil: undefined }),
          ecritureLib: text,
          compteNum: fc.string({ minLength: 1, maxLength: 10 }),
          compAuxNum: optText,
          debitCents: cents,
          creditCents: cents,
          ecritureLet: optText,
          etablissement: text,
        }),
        (record: JournalRecord) => {
          const encoded = encodeJournal(record) + encodeJournal(record);
          const lines = splitRecords(encoded);
          expect(lines).toHaveLength(2);
          expect(decodeJournal(lines[1] ?? "")).toEqual(record);
        },
      ),
    );
  });
});
