import { describe, expect, it } from "vitest";
import { crc32, inflateRawSync } from "node:zlib";
import { CsvWriter, neutralise, XlsxWriter, type Column } from "../../src/accounting/views/export/table-writer";
import { columnName, excelSerial } from "../../src/accounting/views/export/xlsx/sheet";
import { ZipStreamWriter } from "../../src/accounting/views/export/xlsx/zip-stream";

/** A minimal unzip: the central directory, then each entry's local header and inflated data, CRC checked. */
function unzip(zip: Buffer): Map<string, string> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(eocd).toBeGreaterThan(0);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    expect(method).toBe(8);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressed));
    expect(data.length).toBe(size);
    expect(crc32(data) >>> 0).toBe(crc);
    // The data descriptor repeats CRC and sizes right after the data.
    expect(zip.readUInt32LE(dataStart + compressed)).toBe(0x08074b50);
    expect(zip.readUInt32LE(dataStart + compressed + 4)).toBe(crc);
    files.set(name, data.toString("utf8"));
    p += 46 + nameLength + extra + comment;
  }
  return files;
}

function collector() {
  const chunks: Buffer[] = [];
  return {
    sink: (c: Buffer) => {
      chunks.push(c);
      return Promise.resolve();
    },
    bytes: () => Buffer.concat(chunks),
  };
}

const COLUMNS: Column[] = [
  { header: "Compte", kind: "text" },
  { header: "Date", kind: "date" },
  { header: "Débit", kind: "money" },
  { header: "Lignes", kind: "int" },
];

describe("ZipStreamWriter", () => {
  it("writes entries streamed in many pieces that inflate back to the same bytes", async () => {
    const out = collector();
    const zip = new ZipStreamWriter(out.sink, new Date(2024, 0, 31, 10, 20, 30));
    await zip.addFile("a.txt", "bonjour été €");
    const big = await zip.begin("dir/big.xml");
    const parts: string[] = [];
    for (let i = 0; i < 200; i++) {
      const piece = `<row r="${i}">${"x".repeat(i % 97)}</row>`;
      parts.push(piece);
      await big.write(Buffer.from(piece));
    }
    await big.end();
    await zip.finish();
    const files = unzip(out.bytes());
    expect([...files.keys()]).toEqual(["a.txt", "dir/big.xml"]);
    expect(files.get("a.txt")).toBe("bonjour été €");
    expect(files.get("dir/big.xml")).toBe(parts.join(""));
  });
});

describe("XlsxWriter", () => {
  it("produces the SpreadsheetML parts, typed cells, and text that is never a formula", async () => {
    const out = collector();
    const writer = new XlsxWriter(out.sink, "Grand livre 2024-12-31");
    await writer.start(COLUMNS);
    await writer.row(['=HYPERLINK("http://x")', 20240131, 123456, 3]);
    await writer.row(['<b>&"', null, -5, undefined]);
    await writer.end();
    const files = unzip(out.bytes());
    expect([...files.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Grand livre 2024-12-31" sheetId="1" r:id="rId1"/>');
    const sheet = files.get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).not.toContain("<f>");
    expect(sheet).toContain(
      '<c r="A2" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://x&quot;)</t></is></c>',
    );
    expect(sheet).toContain(`<c r="B2" s="2"><v>${excelSerial(20240131)}</v></c>`);
    expect(sheet).toContain('<c r="C2" s="1"><v>1234.56</v></c>');
    expect(sheet).toContain('<c r="D2"><v>3</v></c>');
    expect(sheet).toContain("&lt;b&gt;&amp;&quot;");
    expect(sheet).toContain('<c r="C3" s="1"><v>-0.05</v></c>');
    expect(sheet).toContain('<autoFilter ref="A1:D3"/>');
    expect(excelSerial(19000301)).toBe(61);
    expect(excelSerial(20240131)).toBe(45322);
  });

  it("names columns like a spreadsheet", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });
});

describe("CsvWriter", () => {
  it("writes UTF-8 with BOM, ';', decimal comma, dd/mm/yyyy and inert text", async () => {
    const out = collector();
    const writer = new CsvWriter(out.sink);
    await writer.start(COLUMNS);
    await writer.row(["+33 1 23", 20240105, -123456, 2]);
    await writer.row(['Dupont; "Frères"', 0, 7, null]);
    await writer.row(["@SUM(A1)", null, 0, 0]);
    await writer.end();
    const bytes = out.bytes();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").slice(1).split("\r\n")).toEqual([
      "Compte;Date;Débit;Lignes",
      "'+33 1 23;05/01/2024;-1234,56;2",
      '"Dupont; ""Frères""";;0,07;',
      "'@SUM(A1);;0,00;0",
      "",
    ]);
    expect(["=1", "-2", "\t3", "\r4", "plain"].map(neutralise)).toEqual(["'=1", "'-2", "'\t3", "'\r4", "plain"]);
  });
});
