import { describe, expect, it } from "vitest";
import { createFecParser, FEC_COLUMNS, parseFec, type FecReport } from "../../src/accounting";
import { fecText, HEADER, latin9, line, SMALL_ROWS, utf8 } from "./fixtures";

/** The blocking issues of a report, as [line, code]. */
function errors(report: FecReport): Array<[number, string]> {
  return report.issues.filter((i) => i.severity === "error").map((i) => [i.line, i.code]);
}

describe("FEC parser: bad input, one case each", () => {
  it("wrong separator: a header with semicolons", () => {
    const text = fecText(SMALL_ROWS).replaceAll("\t", ";");
    const { entries, report } = parseFec(utf8(text));
    expect(errors(report)).toEqual([[1, "FEC_BAD_SEPARATOR"]]);
    expect(report.issues[0]?.params).toEqual({ found: ";" });
    expect(entries).toEqual([]);
  });

  it("missing column: the header lacks PieceRef", () => {
    const header = FEC_COLUMNS.filter((c) => c !== "PieceRef").join("\t");
    const { report } = parseFec(utf8(`${header}\n${line(SMALL_ROWS[0]!)}\n`));
    expect(errors(report)).toEqual([[1, "FEC_MISSING_COLUMN"]]);
    expect(report.issues[0]?.params).toEqual({ column: "PieceRef" });
  });

  it("bad date: 30 February on line 3", () => {
    const rows = SMALL_ROWS.slice(0, 2).map((r, i) => (i === 1 ? { ...r, date: "20240230" } : r));
    const { report } = parseFec(utf8(fecText(rows)));
    expect(errors(report)[0]).toEqual([3, "FEC_BAD_DATE"]);
    expect(report.issues[0]?.params).toEqual({ column: "EcritureDate", value: "20240230" });
  });

  it("bad amount: a thousands separator on line 4", () => {
    const rows = SMALL_ROWS.slice(2, 5).map((r, i) => (i === 1 ? { ...r, credit: "1.000,00" } : r));
    const { report } = parseFec(utf8(fecText(rows)));
    expect(errors(report)[0]).toEqual([3, "FEC_BAD_AMOUNT"]);
    expect(report.issues[0]?.params).toEqual({ column: "Credit", value: "1.000,00" });
  });

  it("unbalanced écriture: reported on its first line with its number", () => {
    const rows = [
      ...SMALL_ROWS.slice(0, 2),
      ...SMALL_ROWS.slice(2, 5).map((r, i) => (i === 2 ? { ...r, credit: "199,99" } : r)),
    ];
    const { report } = parseFec(utf8(fecText(rows)));
    expect(errors(report)).toEqual([
      [0, "FEC_UNBALANCED_FILE"],
      [4, "FEC_UNBALANCED_ENTRY"],
    ]);
    expect(report.issues.find((i) => i.code === "FEC_UNBALANCED_ENTRY")?.params).toEqual({
      journalCode: "VE",
      ecritureNum: "1",
      debit: "1200,00",
      credit: "1199,99",
    });
  });

  it("truncated file: the last line stops mid-way, without a newline", () => {
    const text = fecText(SMALL_ROWS.slice(0, 4));
    const cut = text.slice(0, text.length - 40);
    const { entries, report } = parseFec(utf8(cut));
    expect(errors(report)[0]).toEqual([5, "FEC_TRUNCATED"]);
    expect(entries).toHaveLength(3);
  });

  it("wrong encoding: UTF-16 (with its byte-order mark)", () => {
    const text = fecText(SMALL_ROWS.slice(0, 2));
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
    const { report } = parseFec(utf16);
    expect(errors(report)).toEqual([[1, "FEC_BAD_ENCODING"]]);
    expect(report.issues[0]?.params).toEqual({ encoding: "UTF-16" });
  });

  it("wrong encoding: a C1 control byte, invalid in every accepted character set, on line 3", () => {
    const bytes = latin9(fecText(SMALL_ROWS.slice(0, 2)));
    const third = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const at = bytes.indexOf(0x61, third); // an "a" in line 3's labels
    bytes[at] = 0x85;
    const { report } = parseFec(bytes);
    expect(errors(report)).toEqual([[3, "FEC_BAD_ENCODING"]]);
  });

  it("wrong encoding: a C0 control character inside a label", () => {
    const text = fecText([{ ...SMALL_ROWS[0]!, lib: "Bell\u0007" }, SMALL_ROWS[1]!]);
    const { entries, report } = parseFec(utf8(text));
    expect(errors(report)).toEqual([[2, "FEC_BAD_ENCODING"]]);
    expect(entries).toHaveLength(2);
  });

  it("empty file", () => {
    const { report } = parseFec(new Uint8Array(0));
    expect(errors(report)).toEqual([[1, "FEC_EMPTY"]]);
    expect(parseFec(utf8("\n\n  \n")).report.issues.map((i) => [i.line, i.code])).toEqual([[1, "FEC_EMPTY"]]);
    expect(errors(parseFec(utf8(`${HEADER}\n`)).report)).toEqual([[2, "FEC_NO_ENTRIES"]]);
  });

  it("file over the size limit: push stops reading at once", () => {
    const rows = Array.from({ length: 60 }, (_, i) => SMALL_ROWS[i % SMALL_ROWS.length]!);
    const bytes = utf8(fecText(rows));
    const parser = createFecParser({ maxBytes: 6000 });
    parser.push(bytes.subarray(0, 5000));
    expect(parser.stopped).toBe(false);
    expect(parser.push(bytes.subarray(5000, 7000))).toEqual([]);
    expect(parser.stopped).toBe(true);
    expect(parser.push(bytes.subarray(7000))).toEqual([]);
    const { report } = parser.end();
    // Reading stops on the line that the first 5 000 bytes left unfinished.
    const line = bytes.subarray(0, 5000).filter((b) => b === 0x0a).length + 1;
    expect(errors(report)).toEqual([[line, "FEC_TOO_LARGE"]]);
    expect(report.issues[0]?.params).toEqual({ maxBytes: 6000 });
    expect(parseFec(bytes, { maxBytes: 6000 }).report.issues.map((i) => [i.line, i.code])).toEqual([
      [1, "FEC_TOO_LARGE"],
    ]);
  });

  it("binary file: NUL bytes", () => {
    const zip = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0x00,
      0x00,
      0x00,
      0x08,
      0x00,
      ...utf8("JournalCode\tJournalLib"),
    ]);
    const { report } = parseFec(zip);
    expect(errors(report)).toEqual([[1, "FEC_BINARY_FILE"]]);
  });
});

describe("FEC parser: other blocking anomalies", () => {
  it("wrong field count in the middle of the file, mandatory field empty, bad Sens", () => {
    const shifted = line(SMALL_ROWS[1]!).replace("Banque", "Ban\tque");
    const empty = line({ ...SMALL_ROWS[2]!, compte: "" });
    const { report } = parseFec(utf8([HEADER, line(SMALL_ROWS[0]!), shifted, empty].join("\n")));
    expect(errors(report)).toEqual([
      [3, "FEC_FIELD_COUNT"],
      [4, "FEC_REQUIRED_FIELD_EMPTY"],
    ]);
    expect(report.issues[0]?.params).toEqual({ expected: 18, found: 19 });

    const header: string[] = FEC_COLUMNS.filter((c) => c !== "Debit" && c !== "Credit");
    header.splice(11, 0, "Montant", "Sens");
    const row = [
      "BQ",
      "Banque",
      "1",
      "20240110",
      "512000",
      "Banque",
      "",
      "",
      "R1",
      "20240110",
      "Virement",
      "15,00",
      "X",
      "",
      "",
      "20240110",
      "",
      "",
    ];
    const sens = parseFec(utf8(`${header.join("\t")}\n${row.join("\t")}\n`)).report;
    expect(errors(sens)).toEqual([[2, "FEC_BAD_SENS"]]);
  });

  it("a line longer than maxLineBytes, in one chunk or across chunks", () => {
    const long = line({ ...SMALL_ROWS[0]!, lib: "x".repeat(500) });
    const bytes = utf8([HEADER, long, line(SMALL_ROWS[1]!)].join("\n") + "\n");
    const whole = parseFec(bytes, { maxLineBytes: 300 }).report;
    expect(whole.issues.map((i) => [i.line, i.code])).toContainEqual([2, "FEC_LINE_TOO_LONG"]);
    const parser = createFecParser({ maxLineBytes: 300 });
    for (let i = 0; i < bytes.length; i += 64) parser.push(bytes.subarray(i, i + 64));
    const chunked = parser.end().report;
    expect(chunked.issues).toEqual(whole.issues);
    expect(chunked.lineCount).toBe(whole.lineCount);
  });
});

describe("FEC parser: other character sets", () => {
  /** EBCDIC (code page 037) for letters, digits, tab and new line: enough for a FEC. */
  function ebcdic(text: string): Uint8Array {
    const ranges: Array<[string, string, number]> = [
      ["a", "i", 0x81],
      ["j", "r", 0x91],
      ["s", "z", 0xa2],
      ["A", "I", 0xc1],
      ["J", "R", 0xd1],
      ["S", "Z", 0xe2],
      ["0", "9", 0xf0],
    ];
    return new Uint8Array(
      [...text].map((ch) => {
        if (ch === "\t") return 0x05;
        if (ch === "\n") return 0x15;
        const range = ranges.find(([from, to]) => ch >= from && ch <= to);
        return range ? range[2] + ch.charCodeAt(0) - range[0].charCodeAt(0) : 0x40;
      }),
    );
  }

  it("EBCDIC, which the text allows but Comptoir does not read, is a wrong encoding", () => {
    const { report } = parseFec(ebcdic(fecText(SMALL_ROWS)));
    expect(errors(report)).toEqual([[1, "FEC_BAD_ENCODING"]]);
    expect(report.issues[0]?.params).toEqual({ encoding: "EBCDIC" });
  });

  it("a header with control bytes is a wrong encoding, not a wrong separator", () => {
    const { report } = parseFec(utf8(`${HEADER.replace("JournalLib", "Journal\u0001Lib")}\n${line(SMALL_ROWS[0]!)}\n`));
    expect(errors(report)).toEqual([[1, "FEC_BAD_ENCODING"]]);
  });
});
