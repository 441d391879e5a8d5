import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createFecLineDecoder,
  createFecParser,
  FEC_COLUMNS,
  FEC_TEXT_FIELDS,
  fecLineFormatSchema,
  formatFecAmount,
  lineFormatOf,
  parseFec,
  type FecEntry,
  type FecReport,
} from "../../src/accounting";
import { fecText, latin9, SMALL_ROWS, utf8 } from "./fixtures";

const LF = 0x0a;
const CR = 0x0d;

/** Physical lines of a file (index 0 = line 1), without their terminator, as the parser cuts them. */
function physicalLines(bytes: Uint8Array, term: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== term) continue;
    let e = i;
    if (term === LF && e > s && bytes[e - 1] === CR) e--;
    out.push([s, e]);
    s = i + 1;
  }
  return out;
}

type RoundTrip = { entries: FecEntry[]; report: FecReport; decoded: FecEntry[] };

/**
 * Parses the file, then decodes every accepted line from its raw bytes, located in the file by the
 * entry's line number, and also from the copy the parser hands to onLine (what the store keeps).
 * Both must give the parser's entry exactly.
 */
function roundTrip(bytes: Uint8Array, term = LF): RoundTrip {
  const { entries, report } = parseFec(bytes);
  const stored: Array<{ entry: FecEntry; raw: Uint8Array }> = [];
  const handed = new Set<FecEntry>();
  parseFec(bytes, {
    onLine: (entry, buf, s, e) => {
      handed.add(entry);
      stored.push({ entry: { ...entry }, raw: buf.slice(s, e) });
    },
  });
  // One object, refilled for every line: a large import allocates no entry per line.
  if (stored.length > 0) expect(handed.size).toBe(1);
  const format = lineFormatOf(report);
  if (format === null) throw new Error("no header read");
  // The format goes through storage as JSON.
  const decoder = createFecLineDecoder(fecLineFormatSchema.parse(JSON.parse(JSON.stringify(format))));
  const lines = physicalLines(bytes, term);
  const decoded = entries.map((entry) => {
    const [s, e] = lines[entry.line - 1] ?? [0, 0];
    return decoder.decode(bytes, s, e, entry.line);
  });
  expect(decoded).toStrictEqual(entries);
  expect(stored.map((x) => x.entry)).toStrictEqual(entries);
  // Fields left out of textFields are decoded on demand during onLine, exactly as they would have been;
  // a line whose (journal, number) decodes differently from the previous one's always starts a run.
  const onDemand: Array<{ text: string[]; startsRun: boolean }> = [];
  const parser = createFecParser({
    textFields: ["compteNum"],
    onLine: () =>
      onDemand.push({ text: FEC_TEXT_FIELDS.map((f) => parser.lineText(f)), startsRun: parser.lineStartsRun }),
  });
  parser.push(bytes);
  parser.end();
  expect(onDemand.map((x) => x.text)).toEqual(entries.map((e) => FEC_TEXT_FIELDS.map((f) => e[f] ?? "")));
  onDemand.forEach(({ startsRun }, i) => {
    const [prev, entry] = [entries[i - 1], entries[i]];
    if (!prev || prev.journalCode !== entry?.journalCode || prev.ecritureNum !== entry.ecritureNum)
      expect(startsRun).toBe(true);
  });
  stored.forEach(({ entry, raw }, i) => {
    const [s, e] = lines[entry.line - 1] ?? [0, 0];
    expect(raw).toEqual(bytes.slice(s, e));
    expect(decoder.decode(raw, 0, raw.length, entry.line)).toStrictEqual(entries[i]);
  });
  // The decoder keeps no state from one line to the next.
  const backwards = [...entries].reverse().map((entry) => {
    const [s, e] = lines[entry.line - 1] ?? [0, 0];
    return decoder.decode(bytes, s, e, entry.line);
  });
  expect(backwards.reverse()).toStrictEqual(entries);
  return { entries, report, decoded };
}

type Values = Partial<Record<string, string>>;

const BASE: Values = {
  JournalCode: "VE",
  JournalLib: "Journal des ventes",
  EcritureNum: "1",
  EcritureDate: "20240115",
  CompteNum: "411000",
  CompteLib: "Clients",
  CompAuxNum: "",
  CompAuxLib: "",
  PieceRef: "F2024-001",
  PieceDate: "20240114",
  EcritureLib: "Facture n°1",
  Debit: "0,00",
  Credit: "0,00",
  EcritureLet: "",
  DateLet: "",
  ValidDate: "20240120",
  Montantdevise: "",
  Idevise: "",
};

/** A line's fields in header order; header names match values case-insensitively, missing values are empty. */
function fieldsOf(columns: readonly string[], values: Values): string[] {
  const byName = new Map(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v ?? ""]));
  return columns.map((c) => byName.get(c.toLowerCase()) ?? "");
}

/** A file from column names and per-line values by column name (missing values are empty). */
function fecFile(
  columns: readonly string[],
  rows: Values[],
  options: { sep?: string; eol?: string; encode?: (text: string) => Uint8Array; bom?: boolean } = {},
): Uint8Array {
  const sep = options.sep ?? "\t";
  const eol = options.eol ?? "\n";
  const lines = [columns.join(sep), ...rows.map((r) => fieldsOf(columns, r).join(sep))];
  const body = (options.encode ?? utf8)(lines.join(eol) + eol);
  if (!options.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

const row = (values: Values): Values => ({ ...BASE, ...values });

describe("FEC line decoder: gives back the parser's entries from the raw lines", () => {
  it("tab, UTF-8 with BOM, CRLF, accents", () => {
    const bytes = fecFile(
      FEC_COLUMNS,
      [
        row({ CompteLib: "Créances clients", EcritureLib: "Société Générale — été", Debit: "1200,00" }),
        row({ CompteNum: "706000", CompteLib: "Prestations", EcritureLib: "Œuvre €", Credit: "1200,00" }),
      ],
      { eol: "\r\n", bom: true },
    );
    const { entries, report } = roundTrip(bytes);
    expect(report.encoding).toBe("utf-8");
    expect(entries).toHaveLength(2);
    expect(entries[0]?.ecritureLib).toBe("Société Générale — été");
    expect(entries[1]?.ecritureLib).toBe("Œuvre €");
  });

  it("the fixture ledger in UTF-8 and in ISO 8859-15", () => {
    for (const bytes of [utf8(fecText(SMALL_ROWS)), latin9(fecText(SMALL_ROWS, "\r\n"))]) {
      const { entries } = roundTrip(bytes);
      expect(entries).toHaveLength(SMALL_ROWS.length);
    }
  });

  it("vertical bar, ISO 8859-15 with accents and the euro sign", () => {
    const bytes = fecFile(
      FEC_COLUMNS,
      [
        row({ CompteLib: "Œuvres sociales € Šš Žž œ Ÿ", EcritureLib: "Reçu à Noël", Debit: "10,00" }),
        row({ CompteNum: "512000", CompteLib: "Crédit coopératif", Credit: "10,00" }),
      ],
      { sep: "|", encode: latin9 },
    );
    const { entries, report } = roundTrip(bytes);
    expect(report.separator).toBe("|");
    expect(report.encoding).toBe("iso-8859-15");
    expect(entries[0]?.compteLib).toBe("Œuvres sociales € Šš Žž œ Ÿ");
  });

  it("plain ASCII, blank lines before the header and between lines", () => {
    const text = [
      "",
      "  ",
      FEC_COLUMNS.join("\t"),
      ...[
        row({ EcritureLib: "Facture 1", Debit: "5,00" }),
        row({ EcritureLib: "Facture 1", CompteNum: "512000", Credit: "5,00" }),
      ].map((r) => fieldsOf(FEC_COLUMNS, r).join("\t")),
    ];
    text.splice(4, 0, "");
    const { entries, report } = roundTrip(utf8(text.join("\n")));
    expect(report.encoding).toBe("ascii");
    expect(entries.map((e) => e.line)).toEqual([4, 6]);
  });

  it("old Mac line ends (CR alone)", () => {
    const bytes = fecFile(FEC_COLUMNS, [row({ Debit: "5,00" }), row({ CompteNum: "512000", Credit: "5,00" })], {
      eol: "\r",
    });
    expect(roundTrip(bytes, CR).entries).toHaveLength(2);
  });

  it("a UTF-8 file with one Latin-9 line (mixed-encoding fallback)", () => {
    const lines = [
      FEC_COLUMNS.join("\t"),
      ...[
        row({ EcritureLib: "Première écriture", Debit: "7,00" }),
        row({ CompteNum: "512000", EcritureLib: "Dépôt espèces €", Credit: "7,00" }),
        row({ EcritureNum: "2", EcritureLib: "Été", Debit: "1,00" }),
      ].map((r) => fieldsOf(FEC_COLUMNS, r).join("\t")),
    ];
    const bytes = concat(
      lines.map((l, i) => (i === 2 ? latin9(l) : utf8(l))),
      utf8("\n"),
      false,
    );
    const { entries, report } = roundTrip(bytes);
    expect(report.encoding).toBe("utf-8");
    expect(report.countsByCode.FEC_MIXED_ENCODING).toBe(1);
    expect(entries.map((e) => e.ecritureLib)).toEqual(["Première écriture", "Dépôt espèces €", "Été"]);
  });

  it("Montant + Sens, with D/C, d/c, 1, +1 and -1, padded or quoted", () => {
    const columns = FEC_COLUMNS.flatMap((c) => (c === "Debit" ? ["Montant"] : c === "Credit" ? ["Sens"] : [c]));
    const sens = ["D", "C", "d", "c", "1", "+1", "-1", ' "C" ', " D"];
    const rows = sens.map((s, i) => row({ EcritureNum: String(i), Montant: `${i + 1},50`, Sens: s }));
    const { entries, report } = roundTrip(fecFile(columns, rows));
    expect(report.variant).toBe("montantSens");
    expect(entries.map((e) => (e.debitCents > 0 ? "D" : "C"))).toEqual(["D", "C", "D", "C", "D", "D", "C", "C", "D"]);
  });

  it("padded and quoted fields, signed amounts, decimal dot and comma", () => {
    const rows = [
      row({ JournalCode: '  "VE" ', CompteNum: '"411000"', CompteLib: ' "Clients" ', Debit: " 1200,00 " }),
      row({ EcritureLib: '"Guillemet seul', PieceRef: 'x"', Debit: '"12,5"' }),
      row({ EcritureLib: '" "', Credit: "-12,50" }),
      row({ EcritureLib: '""""', Credit: "12,50-" }),
      row({ Debit: "+3.00", Credit: "" }),
      row({ Debit: "", Credit: "000012" }),
      row({ Debit: "12,500", Credit: "  " }),
      row({ Debit: "-0,00" }),
      row({ EcritureDate: " 20240131 ", PieceDate: '"20240130"', ValidDate: "  " }),
    ];
    const { entries } = roundTrip(fecFile(FEC_COLUMNS, rows));
    expect(entries).toHaveLength(rows.length);
    expect(entries[0]?.journalCode).toBe("VE");
    expect(entries[2]?.ecritureLib).toBe(" ");
    expect(entries[3]?.creditCents).toBe(-1250);
    expect(entries[8]?.validDate).toBeUndefined();
  });

  it("optional fields empty and filled", () => {
    const rows = [
      row({ CompAuxNum: "C001", CompAuxLib: "Dupont", EcritureLet: "AA", DateLet: "20240215" }),
      row({ CompAuxNum: "  ", CompAuxLib: "Lib sans compte", EcritureLet: "  " }),
      row({ CompAuxNum: '""', CompAuxLib: "Lib après guillemets" }),
      row({ CompAuxNum: "C002", CompAuxLib: "" }),
      row({ Montantdevise: "150,00", Idevise: "USD", PieceDate: "", ValidDate: "" }),
      row({ Montantdevise: "-3.5", Idevise: " CHF " }),
    ];
    const { entries } = roundTrip(fecFile(FEC_COLUMNS, rows));
    expect(entries.map((e) => [e.compAuxNum, e.compAuxLib])).toEqual([
      ["C001", "Dupont"],
      [undefined, undefined],
      [undefined, "Lib après guillemets"],
      ["C002", undefined],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(entries[4]?.montantDeviseCents).toBe(15000);
    expect(entries[4]?.pieceDate).toBeUndefined();
  });

  it("extra, unknown and out-of-order columns", () => {
    const columns = [
      "CodeEtablissement",
      ...[...FEC_COLUMNS].reverse().map((c, i) => (i % 3 === 0 ? c.toUpperCase() : c)),
      "Commentaire",
    ];
    const rows = [
      row({ CodeEtablissement: " LYON ", Commentaire: "ignoré", Debit: "4,00" }),
      row({ CodeEtablissement: "", Commentaire: "", Credit: "4,00" }),
    ];
    const { entries, report } = roundTrip(fecFile(columns, rows));
    expect(report.countsByCode.FEC_COLUMN_ORDER).toBe(1);
    expect(entries.map((e) => e.etablissement)).toEqual(["LYON", undefined]);
    expect(report.countsByCode.FEC_UNKNOWN_COLUMN).toBe(1);
    expect(entries[0]?.debitCents).toBe(400);
  });

  it("BNC cash-basis columns", () => {
    const columns = [...FEC_COLUMNS, "DateRglt", "ModeRglt", "NatOp", "IdClient"];
    const rows = [row({ Debit: "60,00", DateRglt: "20240116", ModeRglt: "CB", NatOp: "Honoraires", IdClient: "42" })];
    const { entries, report } = roundTrip(fecFile(columns, rows));
    expect(report.cashBasis).toBe(true);
    expect(entries).toHaveLength(1);
  });

  it("fewer trailing fields than a header ending with unnamed columns", () => {
    const header = [...FEC_COLUMNS, "", ""].join("\t");
    const full = FEC_COLUMNS.map((c) => BASE[c] ?? "");
    const lines = [
      header,
      [...full.slice(0, 11), "3,00", "0,00", ...full.slice(13), "", ""].join("\t"),
      [...full.slice(0, 11), "0,00", "3,00", ...full.slice(13, 17), "EUR", "x"].join("\t"),
      [...full.slice(0, 11), "1,00", "0,00", ...full.slice(13, 17), "GBP"].join("\t"),
    ];
    const { entries, report } = roundTrip(utf8(lines.join("\n") + "\n"));
    expect(report.columns).toHaveLength(20);
    expect(entries.map((e) => e.idevise)).toEqual([undefined, "EUR", "GBP"]);
  });
});

describe("FEC line decoder options", () => {
  it("decodes only the text fields asked for, the rest as the parser leaves them", () => {
    const bytes = utf8(fecText(SMALL_ROWS));
    const textFields = ["journalCode", "compteNum", "ecritureLib"] as const;
    const { entries, report } = parseFec(bytes, { textFields });
    const format = lineFormatOf(report);
    if (format === null) throw new Error("no header read");
    const decoder = createFecLineDecoder(format, { textFields });
    const lines = physicalLines(bytes, LF);
    for (const entry of entries) {
      const [s, e] = lines[entry.line - 1] ?? [0, 0];
      const decoded = decoder.decode(bytes, s, e, entry.line);
      expect(decoded).toStrictEqual(entry);
      expect(decoded.compteLib).toBe("");
      expect(decoded.compteNum).not.toBe("");
    }
  });

  it("after release(), a reused buffer cannot answer for the bytes it held", () => {
    const bytes = utf8(fecText(SMALL_ROWS));
    const { entries, report } = parseFec(bytes);
    const format = lineFormatOf(report);
    if (format === null) throw new Error("no header read");
    const decoder = createFecLineDecoder(format);
    const lines = physicalLines(bytes, LF);
    const [first, second] = entries.filter((e, i, all) => all.findIndex((x) => x.compteNum === e.compteNum) === i);
    if (!first || !second) throw new Error("the fixture needs two accounts");
    const [s1, e1] = lines[first.line - 1] ?? [0, 0];
    const [s2, e2] = lines[second.line - 1] ?? [0, 0];
    const page = bytes.slice(s1, e1);
    expect(decoder.decode(page, 0, page.length, first.line)).toStrictEqual(first);
    decoder.release();
    // The caller reuses its page buffer for other bytes of the same length…
    const other = bytes.slice(s2, e2);
    const reused = new Uint8Array(page.length);
    reused.set(other.subarray(0, Math.min(other.length, page.length)));
    page.set(reused);
    // …and the decoder still reads a fresh buffer for what it is.
    expect(decoder.decode(other, 0, other.length, second.line)).toStrictEqual(second);
  });
});

describe("FEC line format", () => {
  it("lineFormatOf takes the separator, encoding and header names of a report", () => {
    const { report } = parseFec(fecFile(FEC_COLUMNS, [row({ CompteLib: "Clé", Debit: "1,00" })], { sep: "|" }));
    expect(lineFormatOf(report)).toEqual({ separator: "|", encoding: "utf-8", columns: [...FEC_COLUMNS] });
  });

  it("lineFormatOf is null when no header was read", () => {
    expect(lineFormatOf(parseFec(utf8("a;b;c\n1;2;3\n")).report)).toBeNull();
    expect(lineFormatOf(parseFec(new Uint8Array(0)).report)).toBeNull();
  });

  it("the schema reads a stored format and rejects unknown separators or encodings", () => {
    const stored = { separator: "\t", encoding: "iso-8859-15", columns: ["JournalCode", ""] };
    expect(fecLineFormatSchema.parse(stored)).toEqual(stored);
    expect(fecLineFormatSchema.safeParse({ ...stored, separator: ";" }).success).toBe(false);
    expect(fecLineFormatSchema.safeParse({ ...stored, encoding: "utf-16" }).success).toBe(false);
  });
});

/** Characters every accepted encoding can carry (ISO 8859-15 included), with spaces and quotes. */
const CHARS = [..."abcXYZ019 -'\"/éèàçôÉŒœ€ŠžŸ°"];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((cs) => cs.join(""));
/** Non-blank mandatory text: starts with a letter. */
const mandatory = text.map((t) => `A${t}`);
const pad = <T extends string>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(arb, fc.constantFrom("", " ", "  "), fc.constantFrom("", " "), fc.boolean())
    .map(([v, left, right, quoted]) => (quoted ? `${left}"${v}"${right}` : `${left}${v}${right}`));
const ymd = fc
  .tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}${String(m).padStart(2, "0")}${String(d).padStart(2, "0")}`);
const optionalDate = fc.oneof(fc.constant(""), fc.constant(" "), pad(ymd));
const amount = fc
  .tuple(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), fc.constantFrom("lead", "trail", "dot", "zeros", "plain"))
  .map(([cents, style]) => {
    const abs = formatFecAmount(Math.abs(cents));
    const sign = cents < 0 ? "-" : "";
    if (style === "trail") return abs + sign;
    if (style === "dot") return sign + abs.replace(",", ".");
    if (style === "zeros") return `${sign}000${abs}0`;
    if (style === "plain" && cents % 100 === 0) return sign + abs.slice(0, -3);
    return sign + abs;
  });
const sensValue = fc.constantFrom("D", "C", "d", "c", "1", "+1", "-1");

const lineValues = fc.record({
  JournalCode: pad(mandatory),
  JournalLib: pad(text),
  EcritureNum: pad(mandatory),
  EcritureDate: pad(ymd),
  CompteNum: pad(mandatory),
  CompteLib: pad(text),
  CompAuxNum: fc.oneof(fc.constant(""), fc.constant("  "), pad(text)),
  CompAuxLib: fc.oneof(fc.constant(""), pad(text)),
  PieceRef: pad(text),
  PieceDate: optionalDate,
  EcritureLib: pad(text),
  Debit: fc.oneof(pad(amount), fc.constant("0,00")),
  Credit: fc.oneof(pad(amount), fc.constant(""), fc.constant(" ")),
  Montant: pad(amount),
  Sens: pad(sensValue),
  EcritureLet: fc.oneof(fc.constant(""), pad(text)),
  DateLet: optionalDate,
  ValidDate: optionalDate,
  Montantdevise: fc.oneof(fc.constant(""), pad(amount)),
  Idevise: fc.oneof(fc.constant(""), pad(text)),
  CodeEtablissement: fc.oneof(fc.constant(""), pad(text)),
  Extra: text,
});

const fileShape = fc.record({
  sep: fc.constantFrom("\t", "|"),
  eol: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  latin9: fc.boolean(),
  montantSens: fc.boolean(),
  extra: fc.subarray(["CodeEtablissement", "Extra", "", ""]),
  order: fc.shuffledSubarray([...FEC_COLUMNS.keys()], { minLength: FEC_COLUMNS.length }),
});

/** Lines joined with `eol`, each already encoded, after an optional UTF-8 BOM. */
function concat(parts: Uint8Array[], eol: Uint8Array, bom: boolean): Uint8Array {
  const head = bom ? 3 : 0;
  const bytes = new Uint8Array(head + parts.reduce((n, p) => n + p.length + eol.length, 0));
  if (bom) bytes.set([0xef, 0xbb, 0xbf]);
  let at = head;
  for (const p of parts) {
    bytes.set(p, at);
    bytes.set(eol, at + p.length);
    at += p.length + eol.length;
  }
  return bytes;
}

describe("FEC line decoder: property", () => {
  it("random valid lines decode to the parser's entries, whatever the layout and encoding", () => {
    fc.assert(
      fc.property(
        fileShape,
        // Per line: written in UTF-8 or ISO 8859-15 when the file is not all Latin-9 (a mixed file).
        fc.array(fc.tuple(lineValues, fc.boolean()), { minLength: 1, maxLength: 12 }),
        (shape, rows) => {
          const legal = shape.order.map((i) => FEC_COLUMNS[i] ?? "");
          const named = shape.montantSens
            ? legal.map((c) => (c === "Debit" ? "Montant" : c === "Credit" ? "Sens" : c))
            : legal;
          const columns = [...named, ...shape.extra];
          const header = utf8(columns.join(shape.sep));
          const lines = rows.map(([values, lineLatin9]) => {
            const text = fieldsOf(columns, values).join(shape.sep);
            return shape.latin9 || lineLatin9 ? latin9(text) : utf8(text);
          });
          const bytes = concat([header, ...lines], utf8(shape.eol), shape.bom);
          const { entries, report } = roundTrip(bytes);
          expect(report.entryLineCount).toBe(rows.length);
          expect(entries).toHaveLength(rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
