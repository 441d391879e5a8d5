import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { byteCollector } from "../support/byte-collector";
import {
  CsvWriter,
  neutralise,
  XlsxWriter,
  type CellValue,
  type Column,
} from "../../src/accounting/views/export/table-writer";
import { columnName, excelSerial } from "../../src/accounting/views/export/xlsx/sheet";
import { listZip, readZip } from "../../src/lib/zip";

/** Every part as text, checking each one is deflated as the writer intends. */
function unzip(zip: Buffer): Map<string, string> {
  for (const entry of listZip(zip)) expect(entry.method, entry.name).toBe("deflated");
  return new Map([...readZip(zip)].map(([name, data]) => [name, Buffer.from(data).toString("utf8")]));
}

const COLUMNS: Column[] = [
  { header: "Compte", kind: "text" },
  { header: "Date", kind: "date" },
  { header: "Débit", kind: "money" },
  { header: "Lignes", kind: "int" },
];

async function sampleXlsx(rows: readonly CellValue[][]) {
  const out = byteCollector();
  const writer = new XlsxWriter(out.sink, "Grand livre 2024-12-31");
  await writer.start(COLUMNS);
  for (const row of rows) await writer.row(row);
  await writer.end();
  return out.bytes();
}

describe("XlsxWriter", () => {
  it("produces the SpreadsheetML parts, typed cells, and text that is never a formula", async () => {
    const files = unzip(
      await sampleXlsx([
        ['=HYPERLINK("http://x")', 20240131, 123456, 3],
        ['<b>&"', null, -5, undefined],
      ]),
    );
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

  it("is read back by an independent reader (exceljs) with its sheet name, header and typed cells", async () => {
    const bytes = await sampleXlsx([
      ['=HYPERLINK("http://x")', 20240131, 123456, 3],
      ["+33 1 23", null, -5, undefined],
      ["Écart d'arrondi", 20241231, 0, 0],
    ]);
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as its own `Buffer extends ArrayBuffer`: hand it exactly the archive's bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Grand livre 2024-12-31"]);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toEqual([undefined, "Compte", "Date", "Débit", "Lignes"]);
    expect(sheet.getCell("A1").font.bold).toBe(true);
    const cell = (ref: string) => {
      const { type, value, numFmt, formula } = sheet.getCell(ref);
      return { type, value, numFmt, formula };
    };
    const { Number: NUMBER, String: STRING, Date: DATE, Null: NULL } = ExcelJS.ValueType;
    // Formula-like text stays text: an inline string is never evaluated, so no apostrophe is needed.
    expect(cell("A2")).toMatchObject({ type: STRING, value: '=HYPERLINK("http://x")', formula: undefined });
    expect(cell("A3")).toMatchObject({ type: STRING, value: "+33 1 23", formula: undefined });
    expect(cell("A4")).toMatchObject({ type: STRING, value: "Écart d'arrondi" });
    expect(cell("B2")).toMatchObject({ type: DATE, value: new Date(Date.UTC(2024, 0, 31)) });
    expect(cell("B3")).toMatchObject({ type: NULL, value: null });
    expect(cell("C2")).toMatchObject({ type: NUMBER, value: 1234.56, numFmt: "#,##0.00" });
    expect(cell("C3")).toMatchObject({ type: NUMBER, value: -0.05, numFmt: "#,##0.00" });
    expect(cell("C4")).toMatchObject({ type: NUMBER, value: 0 });
    expect(cell("D2")).toMatchObject({ type: NUMBER, value: 3 });
    expect(cell("D3")).toMatchObject({ type: NULL });
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    expect(sheet.autoFilter).toBe("A1:D4");
  });

  it("names columns like a spreadsheet", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });
});

describe("CsvWriter", () => {
  it("writes UTF-8 with BOM, ';', decimal comma, dd/mm/yyyy and inert text", async () => {
    const out = byteCollector();
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

describe("CSV cells stay inert whatever separator the spreadsheet splits on", () => {
  const HOSTILE = [
    'Loyer,=HYPERLINK("http://x.example","clic")',
    "Loyer;+cmd|' /C calc'!A0",
    "Loyer\t@SUM(1+1)",
    "Loyer, -2+3",
    "=1+1",
  ];

  async function csvOf(labels: readonly string[]): Promise<string> {
    const out = byteCollector();
    const writer = new CsvWriter(out.sink);
    await writer.start([{ header: "Libellé", kind: "text" }]);
    for (const label of labels) await writer.row([label]);
    await writer.end();
    return out.bytes().toString("utf8").slice(1);
  }

  it("prefixes a cell with an apostrophe when a trigger follows a , ; or tab inside it, and quotes it", () => {
    expect(HOSTILE.map(neutralise).every((cell) => cell.startsWith("'"))).toBe(true);
    expect(["Loyer, janvier", "Total 12-3", "a@b.fr", "Dupont; Frères"].map(neutralise)).toEqual([
      "Loyer, janvier",
      "Total 12-3",
      "a@b.fr",
      "Dupont; Frères",
    ]);
  });

  // Excel and LibreOffice read a CSV cell as a formula when it starts with = + - @ (tab and CR too, for
  // some versions); they honour RFC 4180 quotes whatever their separator. Split our file as they would.
  it.each([";", ",", "\t"])("no cell starts with a trigger when the file is split on %j", async (delimiter) => {
    const rows: string[][] = parseCsv(await csvOf(HOSTILE), {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
    });
    const cells = rows.slice(1).flat();
    expect(cells.length).toBeGreaterThanOrEqual(HOSTILE.length);
    for (const cell of cells) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
  });
});
