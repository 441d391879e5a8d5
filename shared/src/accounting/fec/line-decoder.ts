/**
 * Turns one stored raw FEC data line back into the FecEntry the parser built for it at import.
 * Imports keep the bytes of each accepted line (onLine) rather than a re-encoding; this reads them
 * with the file's separator, encoding and header, and must agree with parser.ts field for field:
 * any change to how the parser reads a line has to be mirrored here (the round-trip tests check it).
 * Lines are assumed valid (the parser accepted them): nothing is validated or reported.
 */
import { z } from "zod";
import { parseAmountBytes } from "./amount";
import { analyseHeader, columnsOf, textColumns, type ColumnIndexes } from "./columns";
import { parseDateBytes } from "./date";
import { utf8Invalid, type FecEncoding } from "./encoding";
import { FEC_TEXT_FIELDS, type FecEntry, type FecTextField } from "./entry";
import { decodeField, FieldCache, LineMode, trimField } from "./field-decoder";
import type { FecReport } from "./report";

const ENCODINGS = ["ascii", "utf-8", "iso-8859-15"] as const satisfies readonly FecEncoding[];

/** What the decoder needs to know about a file: stored next to the raw lines. */
export const fecLineFormatSchema = z.object({
  separator: z.enum(["\t", "|"]),
  encoding: z.enum(ENCODINGS),
  /** The header's names, as FecReport.columns gives them (unknown and unnamed ones included). */
  columns: z.array(z.string()),
});
export type FecLineFormat = z.infer<typeof fecLineFormatSchema>;

/** Builds the format from a parser report (null when the parser never read a header). */
export function lineFormatOf(report: FecReport): FecLineFormat | null {
  if (report.separator === null || report.encoding === null) return null;
  return { separator: report.separator, encoding: report.encoding, columns: [...report.columns] };
}

export type FecLineDecoder = {
  /** Decodes bytes[start, end) — one data line without its terminator — as the parser would have. */
  decode(bytes: Uint8Array, start: number, end: number, line: number): FecEntry;
  /** Lets go of the bytes decoded last (call once a buffer's lines are all decoded). */
  release(): void;
};

export type FecLineDecoderOptions = {
  /** Text fields to decode, as the parser's option: the others are "" or undefined (all by default). */
  textFields?: readonly FecTextField[];
};

export function createFecLineDecoder(format: FecLineFormat, options: FecLineDecoderOptions = {}): FecLineDecoder {
  return new LineDecoder(format, options);
}

const SPACE = 0x20;
const TAB = 0x09;
const PIPE = 0x7c;
const NO_BYTES = new Uint8Array(0);
/** Marks an absent or empty amount field. */
const EMPTY = Number.NEGATIVE_INFINITY;

class LineDecoder implements FecLineDecoder {
  private readonly sep: number;
  private readonly latin9File: boolean;
  private readonly col: ColumnIndexes;
  /** Columns of the text fields to decode (-1 when not wanted). */
  private readonly textCol: ColumnIndexes;
  private readonly montantSens: boolean;
  /** Codes repeat from line to line: interned as the parser does, so a page builds few strings. */
  private readonly caches = {
    journalCode: new FieldCache(true),
    ecritureNum: new FieldCache(false),
    compteNum: new FieldCache(true, false),
    compAuxNum: new FieldCache(true),
    ecritureLet: new FieldCache(true),
    etablissement: new FieldCache(true),
  };
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Uint8Array = NO_BYTES;
  /** Bounds of each field of the line being decoded (missing trailing fields are empty). */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private buf: Uint8Array = NO_BYTES;
  private mode: LineMode = LineMode.Ascii;
  /** Bounds of the field trimmed last (see trim()). */
  private fs = 0;
  private fe = 0;
  private readonly trimmed = new Int32Array(2);

  constructor(format: FecLineFormat, options: FecLineDecoderOptions) {
    const layout = analyseHeader(format.columns);
    this.sep = format.separator === "\t" ? TAB : PIPE;
    this.latin9File = format.encoding === "iso-8859-15";
    this.col = columnsOf(layout);
    this.textCol = textColumns(this.col, new Set(options.textFields ?? FEC_TEXT_FIELDS));
    this.montantSens = layout.variant === "montantSens";
    const cap = Math.max(1, format.columns.length);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
  }

  decode(bytes: Uint8Array, start: number, end: number, line: number): FecEntry {
    this.split(bytes, start, end);
    const c = this.col;
    const hasAux = !this.blank(c.compAuxNum);
    let debit = 0;
    let credit = 0;
    if (this.montantSens) {
      const amount = orZero(this.amount(c.montant));
      if (this.sens(c.sens) > 0) debit = amount;
      else credit = amount;
    } else {
      debit = orZero(this.amount(c.debit));
      credit = orZero(this.amount(c.credit));
    }
    const devise = this.amount(c.montantDevise);
    const pieceDate = this.date(c.pieceDate);
    const dateLet = this.date(c.dateLet);
    const validDate = this.date(c.validDate);
    const t = this.textCol;
    const k = this.caches;
    const compAuxNum = hasAux ? this.code(k.compAuxNum, t.compAuxNum) : "";
    const compAuxLib = hasAux ? this.text(t.compAuxLib) : "";
    const ecritureLet = this.code(k.ecritureLet, t.ecritureLet);
    const idevise = this.text(t.idevise);
    const etablissement = this.code(k.etablissement, t.etablissement);
    const entry: FecEntry = {
      line,
      journalCode: this.code(k.journalCode, t.journalCode),
      journalLib: this.text(t.journalLib),
      ecritureNum: this.code(k.ecritureNum, t.ecritureNum),
      date: this.date(c.ecritureDate),
      compteNum: this.code(k.compteNum, t.compteNum),
      compteLib: this.text(t.compteLib),
      compAuxNum: compAuxNum === "" ? undefined : compAuxNum,
      compAuxLib: compAuxLib === "" ? undefined : compAuxLib,
      pieceRef: this.text(t.pieceRef),
      pieceDate: pieceDate > 0 ? pieceDate : undefined,
      ecritureLib: this.text(t.ecritureLib),
      debitCents: debit,
      creditCents: credit,
      ecritureLet: ecritureLet === "" ? undefined : ecritureLet,
      dateLet: dateLet > 0 ? dateLet : undefined,
      validDate: validDate > 0 ? validDate : undefined,
      montantDeviseCents: devise === EMPTY ? undefined : devise,
      idevise: idevise === "" ? undefined : idevise,
      etablissement: etablissement === "" ? undefined : etablissement,
    };
    this.buf = NO_BYTES;
    return entry;
  }

  release(): void {
    // A long-lived decoder must not keep the caller's buffers alive through its caches.
    for (const cache of Object.values(this.caches)) cache.forget();
    this.view = new DataView(new ArrayBuffer(0));
    this.viewOf = NO_BYTES;
  }

  /** One pass over the line: field bounds, and whether any byte is non-ASCII (which sets the text mode). */
  private split(bytes: Uint8Array, start: number, end: number): void {
    const starts = this.starts;
    const ends = this.ends;
    const cap = starts.length;
    const sep = this.sep;
    let k = 0;
    let from = start;
    let high = 0;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number; // in bounds: i < end <= length
      high |= b;
      if (b === sep) {
        if (k < cap) {
          starts[k] = from;
          ends[k] = i;
        }
        k++;
        from = i + 1;
      }
    }
    if (k < cap) {
      starts[k] = from;
      ends[k] = end;
      k++;
    }
    for (; k < cap; k++) starts[k] = ends[k] = end;
    this.buf = bytes;
    // As the parser's checkText: an invalid UTF-8 line is Latin-9 (its mixed-encoding fallback).
    if ((high & 0x80) === 0) this.mode = LineMode.Ascii;
    else if (this.latin9File || utf8Invalid(bytes, start, end) !== -1) this.mode = LineMode.Latin9;
    else this.mode = LineMode.Utf8;
  }

  /** Absent, empty or spaces only (the parser's blank mask: quotes do not count as blank). */
  private blank(k: number): boolean {
    if (k < 0) return true;
    const buf = this.buf;
    const e = this.ends[k] as number;
    for (let i = this.starts[k] as number; i < e; i++) if (buf[i] !== SPACE) return false;
    return true;
  }

  /** Sets fs/fe to field k without surrounding spaces and one pair of double quotes; false when empty. */
  private trim(k: number): boolean {
    if (k < 0) {
      this.fs = this.fe = 0;
      return false;
    }
    const ok = trimField(this.buf, this.starts[k] as number, this.ends[k] as number, this.trimmed);
    this.fs = this.trimmed[0] as number;
    this.fe = this.trimmed[1] as number;
    return ok;
  }

  private text(k: number): string {
    return this.trim(k) ? decodeField(this.buf, this.fs, this.fe, this.mode) : "";
  }

  /** A code through its column's cache; a Latin-9 fallback line of a UTF-8 file bypasses it (same bytes, other text). */
  private code(cache: FieldCache, k: number): string {
    if (!this.trim(k)) return "";
    if (this.mode === LineMode.Latin9 && !this.latin9File) return decodeField(this.buf, this.fs, this.fe, this.mode);
    const buf = this.buf;
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return cache.get(buf, this.view, this.fs, this.fe, this.mode);
  }

  /** yyyymmdd, 0 when empty (the parser reads an unpadded field raw, which trimming leaves as is). */
  private date(k: number): number {
    return this.trim(k) ? parseDateBytes(this.buf, this.fs, this.fe) : 0;
  }

  /** Cents, EMPTY when empty. A padded field never parses raw, so the parser's retry equals trimming first. */
  private amount(k: number): number {
    return this.trim(k) ? parseAmountBytes(this.buf, this.fs, this.fe) : EMPTY;
  }

  /** +1 debit (D, d, 1, +1), -1 credit (C, c, -1). */
  private sens(k: number): number {
    if (!this.trim(k)) return 0;
    const buf = this.buf;
    const n = this.fe - this.fs;
    const a = buf[this.fs] ?? 0;
    if (n === 1) {
      if (a === 0x44 || a === 0x64 || a === 0x31) return 1;
      if (a === 0x43 || a === 0x63) return -1;
    } else if (n === 2 && buf[this.fs + 1] === 0x31) {
      if (a === 0x2b) return 1;
      if (a === 0x2d) return -1;
    }
    return 0;
  }
}

/** Empty Debit or Credit reads 0; anything unparsable too (accepted lines have none). */
function orZero(cents: number): number {
  return cents === EMPTY || Number.isNaN(cents) ? 0 : cents;
}
