import { ZipWriter, type ByteSink, type ZipEntryWriter } from "../../../lib/zip";
import { sheetParts, sheetRow, SHEET_END, sheetStart } from "./xlsx/sheet";

/** Money columns carry integer cents; date columns yyyymmdd integers. */
export type ColumnKind = "text" | "money" | "date" | "int";
export type Column = { header: string; kind: ColumnKind; width?: number };
export type CellValue = string | number | null | undefined;

/** A spreadsheet-shaped output written row by row (CSV or XLSX), flushed to the sink in chunks. */
export interface TableWriter {
  start(columns: readonly Column[]): Promise<void>;
  /**
   * Reads `cells` before it returns: the caller may fill the same array again for the next row. Returns
   * a promise only when the row filled a chunk that went to the sink (await it then): a million rows
   * each awaited were a million promises and microtask turns.
   */
  row(cells: readonly CellValue[]): Promise<void> | undefined;
  end(): Promise<void>;
}

/** XLSX: each flush is a sync-flushed deflate piece, so this size is part of the file's bytes. */
const FLUSH_CHARS = 256 * 1024;
/** CSV: smaller chunks, so a slow client's backpressure holds the export back sooner (same bytes). */
const CSV_FLUSH_BYTES = 64 * 1024;
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

/** Dates of one export are a few hundred distinct days: each formatted once. */
const MAX_CACHED_DATES = 4096;

const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const MINUS = 0x2d;
/** Bytes a chunk may hold past CSV_FLUSH_BYTES: a row longer than that grows its chunk. */
const ROW_ROOM = 4096;
/**
 * ASCII characters that make csvField quote (1: " ; , tab CR LF) or, before any other character than
 * spaces, neutralise prefix (2: = + - @; tab and CR already quote).
 */
const CSV_SPECIAL = new Uint8Array(128);
for (const c of '";,\t\r\n') CSV_SPECIAL[c.charCodeAt(0)] = 1;
for (const c of "=+-@") CSV_SPECIAL[c.charCodeAt(0)] = 2;
const SPACE = 0x20;

/**
 * CSV as French spreadsheets open it: UTF-8 with BOM, `;` separator, decimal comma, dd/mm/yyyy. Rows
 * are written straight into a chunk of bytes (a million rows of a dozen cells: concatenated strings
 * would be flattened and encoded again at each flush); usual text — ASCII that neither neutralise nor
 * csvField changes — is copied byte by byte, amounts are written digit by digit.
 */
export class CsvWriter implements TableWriter {
  private chunk = Buffer.allocUnsafe(CSV_FLUSH_BYTES + ROW_ROOM);
  private at = 0;
  private kinds: ColumnKind[] = [];
  private readonly dates = new Map<number, Buffer>();

  constructor(private readonly sink: ByteSink) {}

  start(columns: readonly Column[]): Promise<void> {
    this.kinds = columns.map((c) => c.kind);
    this.text(`\uFEFF${columns.map((c) => csvField(neutralise(c.header))).join(";")}\r\n`, false);
    return Promise.resolve();
  }

  row(cells: readonly CellValue[]): Promise<void> | undefined {
    const kinds = this.kinds;
    for (let i = 0; i < kinds.length; i++) {
      if (i > 0) this.byte(SEMICOLON);
      this.cell(kinds[i] ?? "text", cells[i]);
    }
    this.byte(0x0d);
    this.byte(0x0a);
    return this.at >= CSV_FLUSH_BYTES ? this.flush() : undefined;
  }

  private cell(kind: ColumnKind, value: CellValue): void {
    if (value === null || value === undefined || value === "") return;
    if (typeof value === "number") {
      if (kind === "money") {
        if (Number.isSafeInteger(value)) this.cents(value);
        else this.text(formatCents(value), false);
      } else if (kind === "date") {
        if (value > 0) this.date(value);
      } else this.text(String(value), false);
      return;
    }
    this.text(value, true);
  }

  /** Room for `n` more bytes (a chunk grows, rarely, for a long row). */
  private room(n: number): void {
    if (this.at + n <= this.chunk.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.chunk.length * 2, this.at + n));
    this.chunk.copy(bigger, 0, 0, this.at);
    this.chunk = bigger;
  }

  private byte(b: number): void {
    this.room(1);
    this.chunk[this.at++] = b;
  }

  /**
   * `text` as is (`csv`: as csvField(neutralise(text))), encoded as UTF-8 here: text that needs neither
   * (most labels, references, codes) is written in one pass; the rest, and surrogate pairs, through
   * slowText.
   */
  private text(text: string, csv: boolean): void {
    const n = text.length;
    this.room(n * 3);
    const chunk = this.chunk;
    let at = this.at;
    let leading = true;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (csv) {
          const special = CSV_SPECIAL[c];
          if (special === 1 || (special === 2 && leading)) return this.slowText(text, csv);
          if (c !== SPACE) leading = false;
        }
        chunk[at++] = c;
      } else if (c < 0x800) {
        leading = false;
        chunk[at++] = 0xc0 | (c >> 6);
        chunk[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        leading = false;
        chunk[at++] = 0xe0 | (c >> 12);
        chunk[at++] = 0x80 | ((c >> 6) & 0x3f);
        chunk[at++] = 0x80 | (c & 0x3f);
      } else return this.slowText(text, csv);
    }
    this.at = at;
  }

  private slowText(text: string, csv: boolean): void {
    const out = csv ? csvText(text) : text;
    this.room(out.length * 3);
    this.at += this.chunk.write(out, this.at, "utf8");
  }

  /** csvCents, digit by digit. */
  private cents(cents: number): void {
    this.room(24);
    const chunk = this.chunk;
    let abs = cents;
    if (cents < 0) {
      chunk[this.at++] = MINUS;
      abs = -cents;
    }
    const units = Math.floor(abs / 100);
    const rest = abs - units * 100;
    let digits = 1;
    for (let x = units; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    let x = units;
    do {
      const q = Math.floor(x / 10);
      chunk[--at] = 0x30 + (x - q * 10);
      x = q;
    } while (x > 0);
    chunk[this.at++] = COMMA;
    chunk[this.at++] = 0x30 + Math.floor(rest / 10);
    chunk[this.at++] = 0x30 + (rest % 10);
  }

  private date(ymd: number): void {
    let bytes = this.dates.get(ymd);
    if (bytes === undefined) {
      bytes = Buffer.from(formatYmd(ymd), "latin1");
      if (this.dates.size < MAX_CACHED_DATES) this.dates.set(ymd, bytes);
    }
    this.room(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.chunk[this.at++] = bytes[i] ?? 0;
  }

  private async flush(): Promise<void> {
    if (this.at === 0) return;
    // The sink may keep the bytes until the socket takes them: the next rows go into a new chunk.
    const full = this.chunk.subarray(0, this.at);
    this.chunk = Buffer.allocUnsafe(CSV_FLUSH_BYTES + ROW_ROOM);
    this.at = 0;
    await this.sink(full);
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

  row(cells: readonly CellValue[]): Promise<void> | undefined {
    this.rowNumber++;
    this.buffer += sheetRow(
      this.rowNumber,
      this.columns.map((c, i) => ({ kind: c.kind, value: cells[i] })),
    );
    return this.buffer.length >= FLUSH_CHARS ? this.flush() : undefined;
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
