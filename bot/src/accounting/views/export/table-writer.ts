import { ZipWriter, type ByteSink, type ZipEntryWriter } from "../../../lib/zip";
import { sheetParts, sheetRow, SHEET_END, sheetStart } from "./xlsx/sheet";

/** Money columns carry integer cents; date columns yyyymmdd integers. */
export type ColumnKind = "text" | "money" | "date" | "int";
export type Column = { header: string; kind: ColumnKind; width?: number };
export type CellValue = string | number | null | undefined;

/** A spreadsheet-shaped output written row by row (CSV or XLSX), flushed to the sink in chunks. */
export interface TableWriter {
  start(columns: readonly Column[]): Promise<void>;
  row(cells: readonly CellValue[]): Promise<void>;
  end(): Promise<void>;
}

/** XLSX: each flush is a sync-flushed deflate piece, so this size is part of the file's bytes. */
const FLUSH_CHARS = 256 * 1024;
/** CSV: smaller chunks, so a slow client's backpressure holds the export back sooner (same bytes). */
const CSV_FLUSH_CHARS = 64 * 1024;
/** zlib's default, as before: level 1 deflates ~4× faster but makes the file ~22% larger. */
const XLSX_LEVEL = 6;
/**
 * A formula trigger (= + - @ tab CR) at the start of the cell, or right after a `,` `;` or tab inside it:
 * a spreadsheet that splits the line on another separator than ours (Excel with a comma list separator,
 * LibreOffice's import dialog) starts a new cell there. Linear: no nested quantifier.
 */
const FORMULA_TRIGGER = /(?:^|[,;\t])[ ]*[=+\-@\t\r]/;

export function formatCents(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

export function formatYmd(ymd: number): string {
  const d = ymd % 100;
  const m = Math.floor(ymd / 100) % 100;
  return `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${Math.floor(ymd / 10000)}`;
}

/** Text made inert for spreadsheets: any cell holding a formula trigger (see above) starts with an apostrophe. */
export function neutralise(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}

/** Quoted whenever a separator a spreadsheet might use (`;` `,` tab) or a quote or line break is inside. */
function csvField(text: string): string {
  return /[";,\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** No character that neutralise or csvField act on (a formula trigger needs one of = + - @ tab CR): the text as is. */
const PLAIN_CSV_TEXT = /^[^";,\t\r\n=+\-@]*$/;

/** csvField(neutralise(text)), with one test for the usual text that needs neither. */
function csvText(text: string): string {
  return PLAIN_CSV_TEXT.test(text) ? text : csvField(neutralise(text));
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0"));

/** formatCents, with the cents' two digits from a table (a million rows carry three amounts each). */
function csvCents(cents: number): string {
  const abs = cents < 0 ? -cents : cents;
  const units = Math.floor(abs / 100);
  return `${cents < 0 ? "-" : ""}${units},${TWO_DIGITS[abs - units * 100] ?? ""}`;
}

/** Dates of one export are a few hundred distinct days: each formatted once. */
const MAX_CACHED_DATES = 4096;

/** CSV as French spreadsheets open it: UTF-8 with BOM, `;` separator, decimal comma, dd/mm/yyyy. */
export class CsvWriter implements TableWriter {
  private buffer = "";
  private kinds: ColumnKind[] = [];
  private readonly dates = new Map<number, string>();

  constructor(private readonly sink: ByteSink) {}

  start(columns: readonly Column[]): Promise<void> {
    this.kinds = columns.map((c) => c.kind);
    this.buffer = `\uFEFF${columns.map((c) => csvField(neutralise(c.header))).join(";")}\r\n`;
    return Promise.resolve();
  }

  async row(cells: readonly CellValue[]): Promise<void> {
    const kinds = this.kinds;
    let line = "";
    for (let i = 0; i < kinds.length; i++) {
      if (i > 0) line += ";";
      line += this.cell(kinds[i] ?? "text", cells[i]);
    }
    this.buffer += `${line}\r\n`;
    if (this.buffer.length >= CSV_FLUSH_CHARS) await this.flush();
  }

  private cell(kind: ColumnKind, value: CellValue): string {
    if (value === null || value === undefined || value === "") return "";
    if (typeof value === "number") {
      if (kind === "money") return Number.isSafeInteger(value) ? csvCents(value) : formatCents(value);
      if (kind === "date") return value > 0 ? this.date(value) : "";
      return String(value);
    }
    return csvText(value);
  }

  private date(ymd: number): string {
    let text = this.dates.get(ymd);
    if (text === undefined) {
      text = formatYmd(ymd);
      if (this.dates.size < MAX_CACHED_DATES) this.dates.set(ymd, text);
    }
    return text;
  }

  private async flush(): Promise<void> {
    if (this.buffer === "") return;
    const chunk = Buffer.from(this.buffer, "utf8");
    this.buffer = "";
    await this.sink(chunk);
  }

  async end(): Promise<void> {
    await this.flush();
  }
}

/** A one-sheet .xlsx, streamed: text is stored as inline strings, which a spreadsheet never evaluates. */
export class XlsxWriter implements TableWriter {
  private readonly zip: ZipWriter;
  private sheet: ZipEntryWriter | null = null;
  private buffer = "";
  private columns: readonly Column[] = [];
  private rowNumber = 0;

  constructor(
    sink: ByteSink,
    private readonly sheetName: string,
    at: Date = new Date(),
  ) {
    this.zip = new ZipWriter(sink, { mtime: at, level: XLSX_LEVEL });
  }

  async start(columns: readonly Column[]): Promise<void> {
    this.columns = columns;
    for (const [name, content] of sheetParts(this.sheetName)) await this.zip.add(name, content);
    this.sheet = this.zip.begin("xl/worksheets/sheet1.xml");
    this.buffer = sheetStart(columns);
    this.rowNumber = 1;
    this.buffer += sheetRow(
      1,
      columns.map((c) => ({ kind: "header" as const, value: c.header })),
    );
  }

  async row(cells: readonly CellValue[]): Promise<void> {
    this.rowNumber++;
    this.buffer += sheetRow(
      this.rowNumber,
      this.columns.map((c, i) => ({ kind: c.kind, value: cells[i] })),
    );
    if (this.buffer.length >= FLUSH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.buffer === "" || !this.sheet) return;
    const chunk = Buffer.from(this.buffer, "utf8");
    this.buffer = "";
    await this.sheet.write(chunk);
  }

  async end(): Promise<void> {
    this.buffer += SHEET_END(this.columns.length, this.rowNumber);
    await this.flush();
    await this.sheet?.end();
    await this.zip.finish();
  }
}
