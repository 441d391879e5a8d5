import { z } from "zod";
import { formatFecAmount, parseAmountBytes } from "./amount";
import { analyseHeader, type HeaderLayout } from "./columns";
import { isoToYmd, parseDateBytes, ymdToIso } from "./date";
import { decodeLatin9, decodeUtf8, detectBom, sniffBytes, utf8Invalid, type FecEncoding } from "./encoding";
import type { FecEntry } from "./entry";
import { UnbalancedRuns } from "./entry-tracker";
import { decodeField, FieldCache, LineMode } from "./field-decoder";
import { checkFecFileName } from "./filename";
import { DEFAULT_MAX_ISSUES, fecIssueSchema, IssueCollector, type FecIssueCode } from "./issues";

/** Text fields of an entry; the parser decodes only those asked for (all by default). */
export const FEC_TEXT_FIELDS = [
  "journalCode",
  "journalLib",
  "ecritureNum",
  "compteNum",
  "compteLib",
  "compAuxNum",
  "compAuxLib",
  "pieceRef",
  "ecritureLib",
  "ecritureLet",
  "idevise",
  "etablissement",
] as const;
export type FecTextField = (typeof FEC_TEXT_FIELDS)[number];

export type FecParserOptions = {
  /** Reading stops with FEC_TOO_LARGE as soon as more bytes than this were pushed. */
  maxBytes?: number;
  /** Exercice bounds, ISO dates ("2024-01-01"): EcritureDate outside → FEC_DATE_OUTSIDE_EXERCICE. */
  exercice?: { start: string; end: string };
  /** Checks the SirenFECAAAAMMJJ name against `siren` and `exercice.end` (warnings only). */
  fileName?: string;
  siren?: string;
  /** Receives entries in batches of `batchSize`; push() then returns an empty array. */
  onBatch?: (entries: FecEntry[]) => void;
  batchSize?: number;
  /**
   * Text fields to decode. Validation works on bytes and never needs them, so a caller that only
   * wants totals can skip the cost of building strings. Fields left out are "" (mandatory ones) or
   * undefined (optional ones) in the entries.
   */
  textFields?: readonly FecTextField[];
  /** Issues kept in the report (the rest are only counted by code). */
  maxIssues?: number;
  /** Longer lines are rejected (FEC_LINE_TOO_LONG) so a file without newlines cannot fill memory. */
  maxLineBytes?: number;
};

export const fecReportSchema = z.object({
  ok: z.boolean(),
  bytes: z.number().int().nonnegative(),
  encoding: z.enum(["ascii", "utf-8", "iso-8859-15"]).nullable(),
  separator: z.enum(["\t", "|"]).nullable(),
  variant: z.enum(["debitCredit", "montantSens"]).nullable(),
  cashBasis: z.boolean(),
  columns: z.array(z.string()),
  /** Data lines read (header and blank lines excluded), rejected ones included. */
  lineCount: z.number().int().nonnegative(),
  /** Lines turned into entries. */
  entryLineCount: z.number().int().nonnegative(),
  /**
   * Groups of consecutive lines sharing (JournalCode, EcritureNum): the number of écritures when,
   * as usual, their lines are contiguous.
   */
  ecritureCount: z.number().int().nonnegative(),
  totalDebitCents: z.number().int(),
  totalCreditCents: z.number().int(),
  /** yyyymmdd of the earliest / latest EcritureDate, null when no line was accepted. */
  minDate: z.number().int().nullable(),
  maxDate: z.number().int().nullable(),
  errorCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  countsByCode: z.record(z.string(), z.number().int()),
  /** Issues beyond the kept ones (only counted). */
  omittedIssues: z.number().int().nonnegative(),
  issues: z.array(fecIssueSchema),
});
export type FecReport = z.infer<typeof fecReportSchema>;

export type FecParseResult = { entries: FecEntry[]; report: FecReport };

export type FecParser = {
  /** Feeds bytes; returns the entries completed by this chunk (empty when `onBatch` is set). */
  push(chunk: Uint8Array): FecEntry[];
  /** Flushes the last line and runs the whole-file checks. */
  end(): FecParseResult;
  /** True once a fatal problem (size, encoding, header…) made the parser ignore further input. */
  readonly stopped: boolean;
};

export function createFecParser(options: FecParserOptions = {}): FecParser {
  return new StreamingFecParser(options);
}

/** Convenience for small inputs (tests, previews): parses a whole buffer at once. */
export function parseFec(bytes: Uint8Array, options: FecParserOptions = {}): FecParseResult {
  const parser = createFecParser(options);
  const entries = parser.push(bytes);
  const last = parser.end();
  return { entries: entries.concat(last.entries), report: last.report };
}

const SNIFF_BYTES = 4096;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const PIPE = 0x7c;
const SPACE = 0x20;
const QUOTE = 0x22;
const MAX_PARAM_LENGTH = 60;
const NO_DATE = 99999999;
/** Byte classes ORed over a line by the scan: anything non-zero sends the line to checkText(). */
const CONTROL = 1;
const HIGH = 2;
const C1 = 4;
const BYTE_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(256);
  for (let b = 0; b < 0x20; b++) if (b !== TAB && b !== LF && b !== CR) table[b] = CONTROL;
  for (let b = 0x80; b < 0x100; b++) table[b] = b < 0xa0 ? HIGH | C1 : HIGH;
  return table;
})();
/** Columns whose blankness matters, in blankMask() bit order: 3 mandatory, 4 expected, then the optional ones. */
const BLANK_COLUMNS = [
  "JournalCode",
  "EcritureNum",
  "CompteNum",
  "JournalLib",
  "CompteLib",
  "PieceRef",
  "EcritureLib",
  "CompAuxNum",
  "CompAuxLib",
  "EcritureLet",
] as const;
const BLANK_CHECKED = 0b0001111111;
const BLANK_AUX_NUM = 0b0010000000;
const BLANK_AUX_LIB = 0b0100000000;
const BLANK_AUX = BLANK_AUX_NUM | BLANK_AUX_LIB;
const BLANK_LET = 0b1000000000;
/** Marks an empty amount field (never a valid amount in cents). */
const EMPTY = Number.NEGATIVE_INFINITY;

/** Field index of each column in a line, -1 when absent; resolved once from the header. */
type Columns = {
  journalCode: number;
  journalLib: number;
  ecritureNum: number;
  ecritureDate: number;
  compteNum: number;
  compteLib: number;
  compAuxNum: number;
  compAuxLib: number;
  pieceRef: number;
  pieceDate: number;
  ecritureLib: number;
  debit: number;
  credit: number;
  montant: number;
  sens: number;
  ecritureLet: number;
  dateLet: number;
  validDate: number;
  montantDevise: number;
  idevise: number;
  etablissement: number;
};

function columnsOf(layout: HeaderLayout | null): Columns {
  const at = (name: keyof HeaderLayout["index"]) => (layout ? layout.index[name] : -1);
  return {
    journalCode: at("JournalCode"),
    journalLib: at("JournalLib"),
    ecritureNum: at("EcritureNum"),
    ecritureDate: at("EcritureDate"),
    compteNum: at("CompteNum"),
    compteLib: at("CompteLib"),
    compAuxNum: at("CompAuxNum"),
    compAuxLib: at("CompAuxLib"),
    pieceRef: at("PieceRef"),
    pieceDate: at("PieceDate"),
    ecritureLib: at("EcritureLib"),
    debit: at("Debit"),
    credit: at("Credit"),
    montant: at("Montant"),
    sens: at("Sens"),
    ecritureLet: at("EcritureLet"),
    dateLet: at("DateLet"),
    validDate: at("ValidDate"),
    montantDevise: at("Montantdevise"),
    idevise: at("Idevise"),
    etablissement: at("CodeEtablissement"),
  };
}

/** Text columns nobody asked for read as absent (-1): they are then neither decoded nor cached. */
function textColumns(all: Columns, wanted: ReadonlySet<FecTextField>): Columns {
  const out = { ...all };
  for (const field of FEC_TEXT_FIELDS) if (!wanted.has(field)) out[field] = -1;
  return out;
}

class StreamingFecParser implements FecParser {
  private readonly issues: IssueCollector;
  private readonly maxBytes: number;
  private readonly maxLineBytes: number;
  private readonly batchSize: number;
  private readonly onBatch: ((entries: FecEntry[]) => void) | undefined;
  private readonly wanted: ReadonlySet<FecTextField>;
  private readonly exStart: number;
  private readonly exEnd: number;

  private phase: "sniff" | "header" | "lines" | "stopped" = "sniff";
  private bytes = 0;
  private sniff = new Uint8Array(SNIFF_BYTES);
  private sniffLen = 0;
  private carry = new Uint8Array(1024);
  private carryLen = 0;
  private discarding = false;
  private term = LF;
  private line = 1;
  private out: FecEntry[] = [];

  private encoding: FecEncoding = "ascii";
  private sep = TAB;
  private layout: HeaderLayout | null = null;
  /** Field index of every column (-1 when absent), and of the text columns to decode (-1 when not wanted). */
  private col: Columns = columnsOf(null);
  private textCol: Columns = columnsOf(null);
  private blankCols = new Int32Array(BLANK_COLUMNS.length);
  private montantSens = false;
  private minFields = 0;
  private cap = 0;
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);

  private readonly caches = {
    journalCode: new FieldCache(true),
    journalLib: new FieldCache(true),
    ecritureNum: new FieldCache(false),
    compteNum: new FieldCache(true),
    compteLib: new FieldCache(true),
    compAuxNum: new FieldCache(true),
    compAuxLib: new FieldCache(true),
    pieceRef: new FieldCache(false),
    ecritureLib: new FieldCache(false),
    ecritureLet: new FieldCache(true),
    idevise: new FieldCache(true),
    etablissement: new FieldCache(true),
  };

  /** Current run of lines sharing (JournalCode, EcritureNum): where its key lies, its totals. */
  private runBuf: Uint8Array = new Uint8Array(0);
  private runJcS = 0;
  private runJcE = -1;
  private runNumS = 0;
  private runNumE = -1;
  private runMode: LineMode = LineMode.Ascii;
  private runLine = 0;
  private runDate = 0;
  private runDebit = 0;
  private runCredit = 0;
  private runDateFlagged = false;
  private runCount = 0;
  private readonly unbalanced = new UnbalancedRuns();

  private dataLines = 0;
  private acceptedLines = 0;
  private totalDebit = 0;
  private totalCredit = 0;
  private minDate = NO_DATE;
  private maxDate = 0;

  /** Current line: its bytes and text mode, and the bounds of the field read last (see bounds()). */
  private cur: Uint8Array = new Uint8Array(0);
  private mode: LineMode = LineMode.Ascii;
  private useCache = true;
  private fs = 0;
  private fe = 0;

  constructor(options: FecParserOptions) {
    this.issues = new IssueCollector(options.maxIssues ?? DEFAULT_MAX_ISSUES);
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.maxLineBytes = options.maxLineBytes ?? 64 * 1024;
    this.batchSize = Math.max(1, options.batchSize ?? 2000);
    this.onBatch = options.onBatch;
    this.wanted = new Set(options.textFields ?? FEC_TEXT_FIELDS);
    const start = options.exercice ? isoToYmd(options.exercice.start) : null;
    const end = options.exercice ? isoToYmd(options.exercice.end) : null;
    this.exStart = start ?? 0;
    this.exEnd = end ?? NO_DATE;
    if (options.fileName !== undefined) {
      const fileIssues = checkFecFileName(options.fileName, { siren: options.siren, closingDate: options.exercice?.end });
      for (const issue of fileIssues) this.issues.add(issue.line, issue.code, issue.params);
    }
  }

  get stopped(): boolean {
    return this.phase === "stopped";
  }

  push(input: Uint8Array): FecEntry[] {
    if (this.phase === "stopped" || input.length === 0) return [];
    // A plain view keeps element access monomorphic and subarray() cheap when Node passes Buffers.
    const chunk = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.fatal(this.line, "FEC_TOO_LARGE", { maxBytes: this.maxBytes });
      return this.takeOutput();
    }
    if (this.phase === "sniff") {
      const take = Math.min(chunk.length, SNIFF_BYTES - this.sniffLen);
      this.sniff.set(chunk.subarray(0, take), this.sniffLen);
      this.sniffLen += take;
      if (this.sniffLen < SNIFF_BYTES) return [];
      this.runSniff();
      if (take < chunk.length && !this.stopped) this.feed(chunk.subarray(take));
    } else this.feed(chunk);
    return this.takeOutput();
  }

  end(): FecParseResult {
    if (this.phase === "sniff") this.runSniff();
    if (this.phase !== "stopped" && this.carryLen > 0 && !this.discarding) {
      const last = this.carry.slice(0, this.carryLen);
      this.carryLen = 0;
      const pos = this.headerLines(last, 0, last.length, true);
      if (this.phase === "lines" && pos < last.length) this.scan(last, pos, last.length, true);
    }
    // Still waiting for a header: nothing but blank lines, or nothing at all, was read.
    if (this.phase === "header") this.issues.add(1, "FEC_EMPTY");
    else if (this.phase === "lines") this.finish();
    this.phase = "stopped";
    return { entries: this.takeOutput(), report: this.report() };
  }

  private finish(): void {
    this.closeRun();
    if (this.dataLines === 0) {
      this.issues.add(this.line, "FEC_NO_ENTRIES");
      return;
    }
    if (this.layout?.cashBasis) return; // recettes-dépenses lines are not double-entry
    for (const u of this.unbalanced.unbalanced()) {
      this.issues.add(u.line, "FEC_UNBALANCED_ENTRY", {
        journalCode: u.journalCode,
        ecritureNum: u.ecritureNum,
        debit: formatFecAmount(u.debit),
        credit: formatFecAmount(u.credit),
      });
    }
    if (this.totalDebit !== this.totalCredit) {
      this.issues.add(0, "FEC_UNBALANCED_FILE", {
        debit: formatFecAmount(this.totalDebit),
        credit: formatFecAmount(this.totalCredit),
      });
    }
  }

  private report(): FecReport {
    const layout = this.layout;
    return {
      ok: this.issues.errorCount === 0,
      bytes: this.bytes,
      encoding: layout === null ? null : this.encoding,
      separator: layout === null ? null : this.sep === TAB ? "\t" : "|",
      variant: layout?.variant ?? null,
      cashBasis: layout?.cashBasis ?? false,
      columns: layout?.names ?? [],
      lineCount: this.dataLines,
      entryLineCount: this.acceptedLines,
      ecritureCount: this.runCount,
      totalDebitCents: this.totalDebit,
      totalCreditCents: this.totalCredit,
      minDate: this.acceptedLines > 0 ? this.minDate : null,
      maxDate: this.acceptedLines > 0 ? this.maxDate : null,
      errorCount: this.issues.errorCount,
      warningCount: this.issues.warningCount,
      countsByCode: { ...this.issues.countsByCode },
      omittedIssues: this.issues.omitted,
      issues: [...this.issues.issues].sort((a, b) => a.line - b.line),
    };
  }

  private takeOutput(): FecEntry[] {
    const out = this.out;
    if (out.length === 0) return out;
    this.out = [];
    if (this.onBatch) {
      this.onBatch(out);
      return [];
    }
    return out;
  }

  private fatal(line: number, code: FecIssueCode, params: Record<string, string | number> = {}): void {
    this.issues.add(line, code, params);
    this.phase = "stopped";
    this.carryLen = 0;
  }

  /** Decides what the file is from its first bytes, before any line is read. */
  private runSniff(): void {
    const head = this.sniff.subarray(0, this.sniffLen);
    this.sniff = new Uint8Array(0);
    this.phase = "header";
    if (head.length === 0) return;
    const bom = detectBom(head);
    if (bom === "utf-16") return this.fatal(1, "FEC_BAD_ENCODING", { encoding: "UTF-16" });
    let body = head;
    if (bom === "utf-8") {
      this.encoding = "utf-8";
      body = head.subarray(3);
    }
    const verdict = sniffBytes(body);
    if (verdict === "utf-16") return this.fatal(1, "FEC_BAD_ENCODING", { encoding: "UTF-16" });
    if (verdict === "binary") return this.fatal(1, "FEC_BINARY_FILE");
    // Old Mac files end records with CR alone, which the text allows ("retour chariot et/ou fin de ligne").
    const lf = body.indexOf(LF);
    const cr = body.indexOf(CR);
    if (cr !== -1 && (lf === -1 || cr < lf) && cr + 1 < body.length && body[cr + 1] !== LF) this.term = CR;
    this.feed(body);
  }

  /** Splits a chunk into lines; the line cut by the chunk's end waits in `carry`. */
  private feed(buf: Uint8Array): void {
    let pos = 0;
    if (this.carryLen > 0 || this.discarding) {
      const idx = buf.indexOf(this.term);
      if (idx === -1) {
        this.appendCarry(buf, 0, buf.length);
        return;
      }
      if (this.discarding) {
        this.discarding = false;
        this.line++;
      } else {
        // A fresh buffer: the current run may keep pointing into it after this line.
        const joined = new Uint8Array(this.carryLen + idx + 1);
        joined.set(this.carry.subarray(0, this.carryLen));
        joined.set(buf.subarray(0, idx + 1), this.carryLen);
        this.carryLen = 0;
        const p = this.headerLines(joined, 0, joined.length, false);
        if (this.phase === "lines" && p < joined.length) this.scan(joined, p, joined.length, false);
      }
      pos = idx + 1;
    }
    if (this.phase === "header") pos = this.headerLines(buf, pos, buf.length, false);
    if (this.phase !== "lines") {
      if (this.phase === "header" && pos < buf.length) this.appendCarry(buf, pos, buf.length);
      return;
    }
    const rest = this.scan(buf, pos, buf.length, false);
    if (rest < buf.length && this.phase === "lines") this.appendCarry(buf, rest, buf.length);
  }

  private appendCarry(buf: Uint8Array, start: number, end: number): void {
    if (this.discarding || end <= start) return;
    const len = end - start;
    if (this.carryLen + len > this.maxLineBytes) {
      if (this.phase === "header") return this.fatal(this.line, "FEC_LINE_TOO_LONG", { maxBytes: this.maxLineBytes });
      this.issues.add(this.line, "FEC_LINE_TOO_LONG", { maxBytes: this.maxLineBytes });
      this.discarding = true;
      this.carryLen = 0;
      return;
    }
    if (this.carryLen + len > this.carry.length) {
      const bigger = new Uint8Array(Math.max(this.carry.length * 2, this.carryLen + len));
      bigger.set(this.carry.subarray(0, this.carryLen));
      this.carry = bigger;
    }
    this.carry.set(buf.subarray(start, end), this.carryLen);
    this.carryLen += len;
  }

  /** Reads lines while no header was found yet; returns where data lines start. */
  private headerLines(buf: Uint8Array, start: number, end: number, final: boolean): number {
    let pos = start;
    while (this.phase === "header" && pos < end) {
      let idx = buf.indexOf(this.term, pos);
      if (idx === -1 || idx >= end) {
        if (!final) return pos;
        idx = end;
      }
      let e = idx;
      if (this.term === LF && e > pos && buf[e - 1] === CR) e--;
      let blank = true;
      for (let i = pos; i < e; i++) {
        if (buf[i] !== SPACE) {
          blank = false;
          break;
        }
      }
      if (!blank) this.handleHeader(buf, pos, e);
      this.line++;
      pos = idx + 1;
    }
    return Math.min(pos, end);
  }

  private handleHeader(buf: Uint8Array, s: number, e: number): void {
    const line = this.line;
    let tabs = 0;
    let pipes = 0;
    let semicolons = 0;
    let commas = 0;
    for (let i = s; i < e; i++) {
      const b = buf[i] ?? 0;
      if (b === TAB) tabs++;
      else if (b === PIPE) pipes++;
      else if (b === 0x3b) semicolons++;
      else if (b === 0x2c) commas++;
      // Header names are plain ASCII: control bytes here mean EBCDIC or some other character set.
      else if (b < 0x20 || (b >= 0x7f && b < 0xa0)) return this.fatal(line, "FEC_BAD_ENCODING", { encoding: "?" });
    }
    if (tabs === 0 && pipes === 0) {
      const found = semicolons === 0 && commas === 0 ? "" : semicolons >= commas ? ";" : ",";
      return this.fatal(line, "FEC_BAD_SEPARATOR", { found });
    }
    this.sep = tabs >= pipes ? TAB : PIPE;
    const text = utf8Invalid(buf, s, e) === -1 ? decodeUtf8(buf, s, e) : decodeLatin9(buf, s, e);
    const names = text.split(this.sep === TAB ? "\t" : "|");
    const layout = analyseHeader(names);
    for (const column of layout.duplicates) this.issues.add(line, "FEC_DUPLICATE_COLUMN", { column });
    for (const column of layout.missing) this.issues.add(line, "FEC_MISSING_COLUMN", { column });
    if (layout.duplicates.length > 0 || layout.missing.length > 0) {
      this.phase = "stopped";
      return;
    }
    for (const column of layout.unknown) this.issues.add(line, "FEC_UNKNOWN_COLUMN", { column });
    if (layout.outOfOrder) this.issues.add(line, "FEC_COLUMN_ORDER");
    if (layout.cashBasis) this.issues.add(line, "FEC_CASH_BASIS");
    this.layout = layout;
    this.col = columnsOf(layout);
    this.textCol = textColumns(this.col, this.wanted);
    this.blankCols = Int32Array.from(BLANK_COLUMNS, (name) => layout.index[name]);
    this.montantSens = layout.variant === "montantSens";
    let lastNamed = names.length - 1;
    while (lastNamed > 0 && (names[lastNamed] ?? "").trim() === "") lastNamed--;
    this.minFields = lastNamed + 1;
    this.cap = names.length;
    this.starts = new Int32Array(this.cap);
    this.ends = new Int32Array(this.cap);
    this.phase = "lines";
  }

  /**
   * The hot loop: one pass over the bytes records field bounds and notes control and non-ASCII
   * bytes, then hands each complete line over. Returns where the first incomplete line starts.
   */
  private scan(buf: Uint8Array, start: number, end: number, final: boolean): number {
    const starts = this.starts;
    const ends = this.ends;
    const cap = this.cap;
    const term = this.term;
    const sep = this.sep;
    const classes = BYTE_CLASS;
    let count = 0;
    let fieldStart = start;
    let lineStart = start;
    let flags = 0;
    // Two copies of the loop: folding the separator test into one condition costs about half the speed.
    if (sep === TAB) {
      for (let i = start; i < end; i++) {
        const b = buf[i] as number; // in bounds: i < end <= length
        flags |= classes[b] as number; // 256 entries, b is a byte
        if (b < 0x20) {
          if (b === TAB) {
            if (count < cap) {
              starts[count] = fieldStart;
              ends[count] = i;
            }
            count++;
            fieldStart = i + 1;
          } else if (b === term) {
            if (count < cap) {
              starts[count] = fieldStart;
              ends[count] = i;
            }
            this.dataLine(buf, lineStart, i, count + 1, flags, true);
            count = 0;
            fieldStart = lineStart = i + 1;
            flags = 0;
          }
        }
      }
    } else {
      for (let i = start; i < end; i++) {
        const b = buf[i] as number; // in bounds: i < end <= length
        flags |= classes[b] as number; // 256 entries, b is a byte
        if (b === PIPE) {
          if (count < cap) {
            starts[count] = fieldStart;
            ends[count] = i;
          }
          count++;
          fieldStart = i + 1;
        } else if (b === term) {
          if (count < cap) {
            starts[count] = fieldStart;
            ends[count] = i;
          }
          this.dataLine(buf, lineStart, i, count + 1, flags, true);
          count = 0;
          fieldStart = lineStart = i + 1;
          flags = 0;
        }
      }
    }
    if (final && lineStart < end) {
      if (count < cap) {
        starts[count] = fieldStart;
        ends[count] = end;
      }
      this.dataLine(buf, lineStart, end, count + 1, flags, false);
      return end;
    }
    return lineStart;
  }

  /**
   * One data line, fields already delimited. Written for speed: the common path reads field bounds
   * directly and calls a few small helpers; everything unusual goes to separate methods.
   */
  private dataLine(
    buf: Uint8Array,
    s: number,
    lineEnd: number,
    count: number,
    flags: number,
    terminated: boolean,
  ): void {
    const line = this.line++;
    const st = this.starts;
    const en = this.ends;
    let e = lineEnd;
    if (e > s && buf[e - 1] === CR && this.term === LF) {
      e--;
      const last = Math.min(count, this.cap) - 1;
      if (en[last] === lineEnd) en[last] = e;
    }
    if (count === 1 && this.isBlank(buf, s, e)) return;
    this.dataLines++;
    if (count !== this.cap && !this.fieldCountOk(buf, line, s, e, count, terminated)) return;
    if (e - s > this.maxLineBytes) {
      this.issues.add(line, "FEC_LINE_TOO_LONG", { maxBytes: this.maxLineBytes });
      return;
    }
    this.cur = buf;
    this.mode = LineMode.Ascii;
    this.useCache = true;
    if (flags !== 0) this.checkText(buf, line, s, e, flags);

    const c = this.col;
    const blank = this.blankMask();
    // Blank auxiliary account (both columns) and blank lettering are the usual case, not an anomaly.
    let ok = (blank & BLANK_CHECKED) === 0 && (blank & BLANK_AUX) !== BLANK_AUX_LIB ? true : this.reportBlanks(line, blank);
    const hasAux = (blank & BLANK_AUX_NUM) === 0;
    const date = this.dateField(line, c.ecritureDate, "EcritureDate", true);
    const pieceDate = this.dateField(line, c.pieceDate, "PieceDate", false);
    const validDate = this.dateField(line, c.validDate, "ValidDate", false);
    const dateLet = this.dateField(line, c.dateLet, "DateLet", false);
    if (date < 0 || pieceDate < 0 || validDate < 0 || dateLet < 0) ok = false;
    if (pieceDate === 0) this.issues.add(line, "FEC_FIELD_EMPTY", { column: "PieceDate" });
    if (validDate === 0) this.issues.add(line, "FEC_FIELD_EMPTY", { column: "ValidDate" });
    if (dateLet === 0 && (blank & BLANK_LET) === 0) this.issues.add(line, "FEC_FIELD_EMPTY", { column: "DateLet" });

    let debit = 0;
    let credit = 0;
    if (this.montantSens) {
      const amount = this.amountField(line, c.montant, "Montant");
      const sens = this.sens(line, c.sens);
      if (Number.isNaN(amount) || sens === 0) ok = false;
      else if (amount === EMPTY) ok = this.missing(line, "Montant");
      else if (sens > 0) debit = amount;
      else credit = amount;
    } else {
      const d = this.amountField(line, c.debit, "Debit");
      const k = this.amountField(line, c.credit, "Credit");
      if (Number.isNaN(d) || Number.isNaN(k)) ok = false;
      else if (d === EMPTY && k === EMPTY) ok = this.missing(line, "Debit");
      else {
        debit = d === EMPTY ? 0 : d;
        credit = k === EMPTY ? 0 : k;
        if (debit !== 0 && credit !== 0) this.issues.add(line, "FEC_DEBIT_AND_CREDIT");
      }
    }
    const devise = this.amountField(line, c.montantDevise, "Montantdevise");
    if (Number.isNaN(devise)) ok = false;
    if (!ok) return;

    if (date < this.exStart || date > this.exEnd) this.outsideExercice(line, date);
    this.track(buf, line, date, debit, credit);
    this.acceptedLines++;
    this.totalDebit += debit;
    this.totalCredit += credit;
    if (date < this.minDate) this.minDate = date;
    if (date > this.maxDate) this.maxDate = date;

    const t = this.textCol;
    const k = this.caches;
    const compAuxNum = hasAux && t.compAuxNum >= 0 ? this.str(k.compAuxNum, t.compAuxNum) : "";
    const compAuxLib = hasAux && t.compAuxLib >= 0 ? this.str(k.compAuxLib, t.compAuxLib) : "";
    const ecritureLet = (blank & BLANK_LET) === 0 && t.ecritureLet >= 0 ? this.str(k.ecritureLet, t.ecritureLet) : "";
    const idevise = t.idevise >= 0 ? this.str(k.idevise, t.idevise) : "";
    const etablissement = t.etablissement >= 0 ? this.str(k.etablissement, t.etablissement) : "";
    const entry: FecEntry = {
      line,
      journalCode: t.journalCode >= 0 ? this.str(k.journalCode, t.journalCode) : "",
      journalLib: t.journalLib >= 0 ? this.str(k.journalLib, t.journalLib) : "",
      ecritureNum: t.ecritureNum >= 0 ? this.str(k.ecritureNum, t.ecritureNum) : "",
      date,
      compteNum: t.compteNum >= 0 ? this.str(k.compteNum, t.compteNum) : "",
      compteLib: t.compteLib >= 0 ? this.str(k.compteLib, t.compteLib) : "",
      compAuxNum: compAuxNum === "" ? undefined : compAuxNum,
      compAuxLib: compAuxLib === "" ? undefined : compAuxLib,
      pieceRef: t.pieceRef >= 0 ? this.str(k.pieceRef, t.pieceRef) : "",
      pieceDate: pieceDate > 0 ? pieceDate : undefined,
      ecritureLib: t.ecritureLib >= 0 ? this.str(k.ecritureLib, t.ecritureLib) : "",
      debitCents: debit,
      creditCents: credit,
      ecritureLet: ecritureLet === "" ? undefined : ecritureLet,
      dateLet: dateLet > 0 ? dateLet : undefined,
      validDate: validDate > 0 ? validDate : undefined,
      montantDeviseCents: devise === EMPTY ? undefined : devise,
      idevise: idevise === "" ? undefined : idevise,
      etablissement: etablissement === "" ? undefined : etablissement,
    };
    this.out.push(entry);
    if (this.onBatch && this.out.length >= this.batchSize) {
      const batch = this.out;
      this.out = [];
      this.onBatch(batch);
    }
  }

  private isBlank(buf: Uint8Array, s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (buf[i] !== SPACE) return false;
    return true;
  }

  /** Bit j set when column BLANK_COLUMNS[j] is absent, empty or spaces only. */
  private blankMask(): number {
    const cols = this.blankCols;
    const st = this.starts;
    const en = this.ends;
    const buf = this.cur;
    let mask = 0;
    for (let j = 0; j < cols.length; j++) {
      const k = cols[j] as number;
      if (k < 0) mask |= 1 << j;
      else {
        const s = st[k] as number;
        const e = en[k] as number;
        if (e <= s || (buf[s] === SPACE && this.isBlank(buf, s, e))) mask |= 1 << j;
      }
    }
    return mask;
  }

  /** Rare path: reports blank mandatory fields (errors) and blank expected ones (warnings). */
  private reportBlanks(line: number, blank: number): boolean {
    let ok = true;
    BLANK_COLUMNS.forEach((name, j) => {
      if ((blank & (1 << j)) === 0) return;
      if (j < 3) ok = this.missing(line, name);
      else if (j < 7) this.issues.add(line, "FEC_FIELD_EMPTY", { column: name });
    });
    if ((blank & BLANK_AUX) === BLANK_AUX_LIB) this.issues.add(line, "FEC_FIELD_EMPTY", { column: "CompAuxLib" });
    return ok;
  }

  /** Rare path: a line whose field count differs from the header's. */
  private fieldCountOk(buf: Uint8Array, line: number, s: number, e: number, count: number, terminated: boolean): boolean {
    if (count < this.minFields) {
      this.issues.add(line, terminated ? "FEC_FIELD_COUNT" : "FEC_TRUNCATED", { expected: this.cap, found: count });
      return false;
    }
    if (count > this.cap) {
      // Trailing separators with nothing after them are harmless; anything else is a shifted line.
      const lastEnd = this.ends[this.cap - 1] ?? e;
      for (let i = lastEnd; i < e; i++) {
        const b = buf[i];
        if (b !== this.sep && b !== SPACE) {
          this.issues.add(line, "FEC_FIELD_COUNT", { expected: this.cap, found: count });
          return false;
        }
      }
      return true;
    }
    for (let k = count; k < this.cap; k++) this.starts[k] = this.ends[k] = e; // trailing empty columns left out
    return true;
  }

  /** Rare path: decides how the line decodes and flags control characters. */
  private checkText(buf: Uint8Array, line: number, s: number, e: number, flags: number): void {
    let bad = (flags & CONTROL) !== 0;
    if ((flags & HIGH) !== 0) {
      if (this.encoding === "ascii") this.encoding = utf8Invalid(buf, s, e) === -1 ? "utf-8" : "iso-8859-15";
      if (this.encoding === "iso-8859-15") {
        this.mode = LineMode.Latin9;
        if ((flags & C1) !== 0) bad = true; // C1 controls are not text in ISO 8859-15
      } else if (utf8Invalid(buf, s, e) === -1) this.mode = LineMode.Utf8;
      else {
        this.issues.add(line, "FEC_MIXED_ENCODING");
        this.mode = LineMode.Latin9;
        this.useCache = false; // the same bytes decode as UTF-8 elsewhere in the file
        if ((flags & C1) !== 0) bad = true;
      }
    }
    if (bad) this.issues.add(line, "FEC_BAD_ENCODING", { encoding: this.encoding });
  }

  private missing(line: number, column: string): false {
    this.issues.add(line, "FEC_REQUIRED_FIELD_EMPTY", { column });
    return false;
  }

  private outsideExercice(line: number, date: number): void {
    this.issues.add(line, "FEC_DATE_OUTSIDE_EXERCICE", {
      date: ymdToIso(date),
      start: ymdToIso(this.exStart),
      end: ymdToIso(this.exEnd),
    });
  }

  /** Follows runs of lines sharing (JournalCode, EcritureNum), compared as raw bytes. */
  private track(buf: Uint8Array, line: number, date: number, debit: number, credit: number): void {
    const jc = this.col.journalCode;
    const num = this.col.ecritureNum;
    const jcS = this.starts[jc] ?? 0;
    const jcE = this.ends[jc] ?? 0;
    const numS = this.starts[num] ?? 0;
    const numE = this.ends[num] ?? 0;
    const rb = this.runBuf;
    let same = jcE - jcS === this.runJcE - this.runJcS && numE - numS === this.runNumE - this.runNumS;
    for (let i = numS, j = this.runNumS; same && i < numE; i++, j++) same = rb[j] === buf[i];
    for (let i = jcS, j = this.runJcS; same && i < jcE; i++, j++) same = rb[j] === buf[i];
    if (!same) {
      this.closeRun();
      this.runBuf = buf;
      this.runJcS = jcS;
      this.runJcE = jcE;
      this.runNumS = numS;
      this.runNumE = numE;
      this.runMode = this.mode;
      this.runLine = line;
      this.runDate = date;
      this.runDateFlagged = false;
      this.runCount++;
    } else if (date !== this.runDate && !this.runDateFlagged) {
      this.runDateFlagged = true;
      this.issues.add(line, "FEC_ENTRY_DATE_MISMATCH", { journalCode: this.text(jc), ecritureNum: this.text(num) });
    }
    this.runDebit += debit;
    this.runCredit += credit;
  }

  private closeRun(): void {
    if (this.runDebit !== this.runCredit) {
      const rb = this.runBuf;
      this.unbalanced.add(
        decodeField(rb, this.runJcS, this.runJcE, this.runMode).trim(),
        decodeField(rb, this.runNumS, this.runNumE, this.runMode).trim(),
        this.runLine,
        this.runDebit,
        this.runCredit,
      );
    }
    this.runDebit = 0;
    this.runCredit = 0;
  }

  /** Sets fs/fe to field k without surrounding spaces and double quotes; false when absent or empty. */
  private bounds(k: number): boolean {
    if (k < 0) {
      this.fs = this.fe = 0;
      return false;
    }
    let s = this.starts[k] ?? 0;
    let e = this.ends[k] ?? 0;
    const buf = this.cur;
    while (s < e && buf[s] === SPACE) s++;
    while (e > s && buf[e - 1] === SPACE) e--;
    if (e - s >= 2 && buf[s] === QUOTE && buf[e - 1] === QUOTE) {
      s++;
      e--;
    }
    this.fs = s;
    this.fe = e;
    return e > s;
  }

  /** True when field k needs trimming (padding spaces or surrounding quotes): the uncommon case. */
  private padded(k: number): boolean {
    const s = this.starts[k] ?? 0;
    const e = this.ends[k] ?? 0;
    if (e <= s) return false;
    const first = this.cur[s];
    const last = this.cur[e - 1];
    return first === SPACE || first === QUOTE || last === SPACE || last === QUOTE;
  }

  /** Decoded text of field k (-1: not wanted), through the column cache unless the line is an encoding fallback. */
  private str(cache: FieldCache, k: number): string {
    if (k < 0) return "";
    let s = this.starts[k] ?? 0;
    let e = this.ends[k] ?? 0;
    if (this.padded(k)) {
      this.bounds(k);
      s = this.fs;
      e = this.fe;
    }
    if (e <= s) return "";
    return this.useCache ? cache.get(this.cur, s, e, this.mode) : decodeField(this.cur, s, e, this.mode);
  }

  /** Text of field k for an issue's params (rare path). */
  private text(k: number): string {
    this.bounds(k);
    return decodeField(this.cur, this.fs, this.fe, this.mode).slice(0, MAX_PARAM_LENGTH);
  }

  /** yyyymmdd; 0 when empty and optional; -1 when invalid or missing (issue added). */
  private dateField(line: number, k: number, column: string, mandatory: boolean): number {
    if (k >= 0) {
      const s = this.starts[k] ?? 0;
      if ((this.ends[k] ?? 0) - s === 8) {
        const value = parseDateBytes(this.cur, s, s + 8);
        if (value > 0) return value;
      }
    }
    if (!this.bounds(k)) {
      if (!mandatory) return 0;
      this.issues.add(line, "FEC_REQUIRED_FIELD_EMPTY", { column });
      return -1;
    }
    const value = parseDateBytes(this.cur, this.fs, this.fe);
    if (value < 0) this.issues.add(line, "FEC_BAD_DATE", { column, value: this.text(k) });
    return value;
  }

  /** Cents; EMPTY when the field is empty; NaN when invalid (issue added). */
  private amountField(line: number, k: number, column: string): number {
    if (k < 0) return EMPTY;
    const s = this.starts[k] ?? 0;
    const e = this.ends[k] ?? 0;
    if (e <= s) return EMPTY;
    let value = parseAmountBytes(this.cur, s, e);
    if (Number.isNaN(value) && this.padded(k)) {
      if (!this.bounds(k)) return EMPTY;
      value = parseAmountBytes(this.cur, this.fs, this.fe);
    }
    if (Number.isNaN(value)) this.issues.add(line, "FEC_BAD_AMOUNT", { column, value: this.text(k) });
    return value;
  }

  /** +1 for debit (D, +1, 1), -1 for credit (C, -1); 0 with an issue otherwise. */
  private sens(line: number, k: number): number {
    if (!this.bounds(k)) {
      this.issues.add(line, "FEC_REQUIRED_FIELD_EMPTY", { column: "Sens" });
      return 0;
    }
    const buf = this.cur;
    const n = this.fe - this.fs;
    const a = buf[this.fs] ?? 0;
    if (n === 1) {
      if (a === 0x44 || a === 0x64 || a === 0x31) return 1; // D d 1
      if (a === 0x43 || a === 0x63) return -1; // C c
    } else if (n === 2 && buf[this.fs + 1] === 0x31) {
      if (a === 0x2b) return 1; // +1
      if (a === 0x2d) return -1; // -1
    }
    this.issues.add(line, "FEC_BAD_SENS", { value: this.text(k) });
    return 0;
  }
}
