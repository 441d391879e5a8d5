import { describe, expect, it } from "vitest";
import {
  checkFecFileName,
  decodeLatin9,
  encodeLatin9,
  formatFecAmount,
  isoToYmd,
  monthRange,
  parseDateBytes,
  parseFecAmount,
  parseFecFileName,
  ymdToIso,
} from "../../src/accounting";
import { sniffBytes, utf8Invalid } from "../../src/accounting/fec/encoding";
import { UnbalancedRuns } from "../../src/accounting/fec/entry-tracker";
import { utf8 } from "./fixtures";

describe("amounts", () => {
  it.each([
    ["1234,56", 123456],
    ["0,00", 0],
    ["12,5", 1250],
    ["12", 1200],
    ["12,", 1200],
    [",5", 50],
    ["-12,50", -1250],
    ["12,50-", -1250],
    ["+3,00", 300],
    ["3,00+", 300],
    ["1234.56", 123456],
    ["000012,30", 1230],
    ["  7,10 ", 710],
    ["12,500", 1250],
    ["9999999999999,99", 999999999999999],
  ])("reads %j as %i cents", (text, cents) => {
    expect(parseFecAmount(text)).toBe(cents);
  });

  it.each([
    "",
    "-",
    "1 234,56",
    "1.234,56",
    "1,234.56",
    "12,345",
    "12,3a",
    "--1",
    "-1-",
    "abc",
    "€12",
    "12e3",
    "10000000000000,00",
  ])("rejects %j", (text) => {
    expect(parseFecAmount(text)).toBeNull();
  });

  it("formats cents the FEC way", () => {
    expect(formatFecAmount(123456)).toBe("1234,56");
    expect(formatFecAmount(-5)).toBe("-0,05");
    expect(formatFecAmount(0)).toBe("0,00");
    expect(() => formatFecAmount(1.5)).toThrow(RangeError);
  });
});

describe("dates", () => {
  const date = (text: string) => parseDateBytes(utf8(text), 0, text.length);

  it("accepts real AAAAMMJJ dates only", () => {
    expect(date("20240229")).toBe(20240229);
    expect(date("20231231")).toBe(20231231);
    expect(date("20230229")).toBe(-1);
    expect(date("20241301")).toBe(-1);
    expect(date("20240431")).toBe(-1);
    expect(date("20240100")).toBe(-1);
    expect(date("2024-01-01")).toBe(-1);
    expect(date("2024011")).toBe(-1);
    expect(date("2O240101")).toBe(-1);
  });

  it("converts between yyyymmdd and ISO, and lists months", () => {
    expect(ymdToIso(20240305)).toBe("2024-03-05");
    expect(isoToYmd("2024-03-05")).toBe(20240305);
    expect(isoToYmd("2024-02-30")).toBeNull();
    expect(monthRange(202411, 202502)).toEqual([202411, 202412, 202501, 202502]);
  });
});

describe("encodings", () => {
  it("maps the eight ISO 8859-15 code points that differ from Latin-1, both ways", () => {
    const bytes = new Uint8Array([0xa4, 0xa6, 0xa8, 0xb4, 0xb8, 0xbc, 0xbd, 0xbe, 0xe9]);
    expect(decodeLatin9(bytes)).toBe("€ŠšŽžŒœŸé");
    expect([...encodeLatin9("€ŠšŽžŒœŸé")]).toEqual([...bytes]);
    expect([...encodeLatin9("¤ ✓")]).toEqual([0x3f, 0x20, 0x3f]); // ¤ is not in 8859-15, nor ✓
  });

  it("validates UTF-8 strictly", () => {
    const valid = utf8("Société € 𝄞");
    expect(utf8Invalid(valid, 0, valid.length)).toBe(-1);
    expect(utf8Invalid(new Uint8Array([0x61, 0xe9, 0x62]), 0, 3)).toBe(1); // Latin-1 é
    expect(utf8Invalid(new Uint8Array([0xc0, 0xaf]), 0, 2)).toBe(0); // overlong
    expect(utf8Invalid(new Uint8Array([0xed, 0xa0, 0x80]), 0, 3)).toBe(0); // surrogate
    expect(utf8Invalid(new Uint8Array([0xc2, 0x85]), 0, 2)).toBe(0); // C1 control
  });

  it("tells text, binary and UTF-16 apart", () => {
    expect(sniffBytes(utf8("JournalCode\tJournalLib\r\n"))).toBe("text");
    expect(sniffBytes(new Uint8Array([0x4a, 0x00, 0x6f, 0x00, 0x75, 0x00, 0x72, 0x00]))).toBe("utf-16");
    expect(sniffBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toBe("binary");
    expect(sniffBytes(new Uint8Array(Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))))).toBe(
      "binary",
    );
  });
});

describe("file name", () => {
  it("parses SirenFECAAAAMMJJ with any extension or folder", () => {
    expect(parseFecFileName("552100554FEC20241231.txt")).toEqual({ siren: "552100554", closingDate: "2024-12-31" });
    expect(parseFecFileName("C:\\exports\\552100554fec20240630")).toEqual({
      siren: "552100554",
      closingDate: "2024-06-30",
    });
    expect(parseFecFileName("export-fec.txt")).toBeNull();
    expect(parseFecFileName("552100554FEC20241331.txt")).toBeNull();
  });

  it("warns on mismatches only", () => {
    expect(checkFecFileName("552100554FEC20241231.txt", { siren: "552100554", closingDate: "2024-12-31" })).toEqual([]);
    expect(checkFecFileName("grand-livre.csv", {}).map((i) => [i.code, i.severity, i.params])).toEqual([
      ["FEC_FILENAME_FORMAT", "warning", { fileName: "grand-livre.csv" }],
    ]);
    expect(
      checkFecFileName("552100554FEC20231231.txt", { siren: "123456789", closingDate: "2024-12-31" }).map(
        (i) => i.params,
      ),
    ).toEqual([
      { found: "552100554", expected: "123456789" },
      { found: "2023-12-31", expected: "2024-12-31" },
    ]);
  });
});

describe("unbalanced runs", () => {
  it("sums runs of one écriture and refuses new keys past its bound", () => {
    const runs = new UnbalancedRuns(2);
    expect(runs.add("OD", "1", 2, 500, 0)).toBe(true);
    expect(runs.add("OD", "2", 5, 100, 0)).toBe(true);
    expect(runs.add("OD", "1", 9, 0, 500)).toBe(true); // the rest of écriture 1, further down
    expect(runs.add("OD", "3", 12, 1, 0)).toBe(false);
    expect(runs.unbalanced()).toEqual([{ journalCode: "OD", ecritureNum: "2", line: 5, debit: 100, credit: 0 }]);
  });
});
