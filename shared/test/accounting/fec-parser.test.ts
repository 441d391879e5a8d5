import { describe, expect, it } from "vitest";
import { createFecParser, FEC_COLUMNS, parseFec, type FecEntry } from "../../src/accounting";
import { eur, fecText, HEADER, latin9, line, parseText, SMALL_ROWS, utf8 } from "./fixtures";

describe("FEC parser: a valid file", () => {
  const { entries, report } = parseText(fecText(SMALL_ROWS), { exercice: { start: "2024-01-01", end: "2024-12-31" } });

  it("accepts it and reports what it read", () => {
    expect(report.ok).toBe(true);
    expect(report.issues).toEqual([]);
    expect(report.separator).toBe("\t");
    expect(report.variant).toBe("debitCredit");
    expect(report.encoding).toBe("utf-8");
    expect(report.columns).toEqual([...FEC_COLUMNS]);
    expect(report.lineCount).toBe(SMALL_ROWS.length);
    expect(report.entryLineCount).toBe(SMALL_ROWS.length);
    expect(report.ecritureCount).toBe(8);
    expect(report.totalDebitCents).toBe(eur(14020));
    expect(report.totalCreditCents).toBe(eur(14020));
    expect(report.minDate).toBe(20240101);
    expect(report.maxDate).toBe(20240331);
  });

  it("builds typed entries with cents, yyyymmdd dates and optional fields left undefined", () => {
    expect(entries).toHaveLength(SMALL_ROWS.length);
    const sale = entries[2];
    expect(sale).toEqual({
      line: 4,
      journalCode: "VE",
      journalLib: "Journal des ventes",
      ecritureNum: "1",
      date: 20240115,
      compteNum: "411000",
      compteLib: "Clients",
      compAuxNum: "C001",
      compAuxLib: "Dupont",
      pieceRef: "P1",
      pieceDate: 20240115,
      ecritureLib: "Écriture 1",
      debitCents: 120000,
      creditCents: 0,
      ecritureLet: "AA",
      dateLet: 20240215,
      validDate: 20240115,
      montantDeviseCents: undefined,
      idevise: undefined,
      etablissement: undefined,
    } satisfies FecEntry);
    expect(entries[0]?.journalLib).toBe("À-nouveaux");
    expect(entries[3]?.compAuxNum).toBeUndefined();
  });
});

describe("FEC parser: accepted variants", () => {
  it("detects the vertical bar separator and matches header names whatever their case", () => {
    const header = FEC_COLUMNS.map((c) => c.toUpperCase()).join("|");
    const rows = SMALL_ROWS.slice(0, 2).map((r) => line(r).replaceAll("\t", "|"));
    const { entries, report } = parseText([header, ...rows].join("\r\n") + "\r\n");
    expect(report.ok).toBe(true);
    expect(report.separator).toBe("|");
    expect(entries.map((e) => e.debitCents - e.creditCents)).toEqual([-1000000, 1000000]);
  });

  it("reads ISO 8859-15, including the eight characters that differ from Latin-1", () => {
    const text = fecText([
      {
        journal: "OD",
        num: "1",
        date: "20240105",
        compte: "622600",
        compteLib: "Œuvres sociales € Šš Žž œ Ÿ",
        debit: "10,00",
      },
      { journal: "OD", num: "1", date: "20240105", compte: "512000", compteLib: "Crédit coopératif", credit: "10,00" },
    ]);
    const { entries, report } = parseFec(latin9(text));
    expect(report.ok).toBe(true);
    expect(report.encoding).toBe("iso-8859-15");
    expect(entries[0]?.compteLib).toBe("Œuvres sociales € Šš Žž œ Ÿ");
    expect(entries[1]?.compteLib).toBe("Crédit coopératif");
    expect(entries[0]?.journalLib).toBe("Opérations diverses");
  });

  it("reads UTF-8 with a byte-order mark, and plain ASCII", () => {
    const text = fecText(SMALL_ROWS.slice(0, 2));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    const bom = parseFec(withBom);
    expect(bom.report.ok).toBe(true);
    expect(bom.report.encoding).toBe("utf-8");
    expect(bom.entries[0]?.journalLib).toBe("À-nouveaux");
    const ascii = parseText(
      fecText([
        { ...SMALL_ROWS[0]!, journalLib: "A nouveaux", lib: "Report" },
        { ...SMALL_ROWS[1]!, journalLib: "A nouveaux", lib: "Report" },
      ]),
    );
    expect(ascii.report.encoding).toBe("ascii");
  });

  it("reads a stray ISO 8859-15 line of a UTF-8 file as such, with a warning", () => {
    const good = utf8(fecText(SMALL_ROWS.slice(0, 2)));
    const stray = latin9(`${line({ ...SMALL_ROWS[2]!, lib: "Reçu n°5" })}\n`);
    const rest = utf8(`${SMALL_ROWS.slice(3, 5).map(line).join("\n")}\n`);
    const { entries, report } = parseFec(new Uint8Array([...good, ...stray, ...rest]));
    expect(report.encoding).toBe("utf-8");
    expect(report.issues.map((i) => [i.line, i.code])).toEqual([[4, "FEC_MIXED_ENCODING"]]);
    expect(entries.map((e) => e.ecritureLib)).toEqual([
      "Écriture 1",
      "Écriture 1",
      "Reçu n°5",
      "Écriture 1",
      "Écriture 1",
    ]);
  });

  it("accepts records ended by CR alone", () => {
    const { entries, report } = parseText(fecText(SMALL_ROWS, "\r"));
    expect(report.ok).toBe(true);
    expect(entries).toHaveLength(SMALL_ROWS.length);
    expect(entries.at(-1)?.line).toBe(SMALL_ROWS.length + 1);
  });

  it("parses signs at either end, a decimal dot, padding and quotes", () => {
    const rows = [
      line({ journal: "OD", num: "7", date: "20240301", compte: "471000", debit: "-12,50", credit: "" }),
      line({ journal: "OD", num: "7", date: "20240301", compte: "472000", debit: "", credit: "12,50-" }),
      line({ journal: "OD", num: "8", date: "20240301", compte: "471000", debit: " 000099.90 ", credit: "" }),
      line({ journal: "OD", num: "8", date: "20240301", compte: '"472000"', debit: "", credit: "+99,9" }),
    ];
    const { entries, report } = parseText([HEADER, ...rows].join("\n"));
    expect(report.ok).toBe(true);
    expect(entries.map((e) => [e.debitCents, e.creditCents])).toEqual([
      [-1250, 0],
      [0, -1250],
      [9990, 0],
      [0, 9990],
    ]);
    expect(entries[3]?.compteNum).toBe("472000");
  });

  it("reads the Montant + Sens variant with D/C and +1/-1", () => {
    const header: string[] = FEC_COLUMNS.filter((c) => c !== "Debit" && c !== "Credit");
    header.splice(11, 0, "Montant", "Sens");
    const row = (num: string, compte: string, montant: string, sens: string) =>
      [
        "BQ",
        "Banque",
        num,
        "20240110",
        compte,
        "Lib",
        "",
        "",
        "R1",
        "20240110",
        "Virement",
        montant,
        sens,
        "",
        "",
        "20240110",
        "",
        "",
      ].join("\t");
    const text = [
      header.join("\t"),
      row("1", "512000", "150,00", "D"),
      row("1", "580000", "150,00", "C"),
      row("2", "512000", "20,00", "-1"),
      row("2", "627000", "20,00", "+1"),
    ].join("\n");
    const { entries, report } = parseText(text);
    expect(report.ok).toBe(true);
    expect(report.variant).toBe("montantSens");
    expect(entries.map((e) => [e.compteNum, e.debitCents, e.creditCents])).toEqual([
      ["512000", 15000, 0],
      ["580000", 0, 15000],
      ["512000", 0, 2000],
      ["627000", 2000, 0],
    ]);
  });

  it("keeps CodeEtablissement per entry and tolerates the BNC/BA cash-basis columns", () => {
    const header = [...FEC_COLUMNS, "DateRglt", "ModeRglt", "NatOp", "IdClient", "CodeEtablissement"].join("\t");
    const rows = [
      `${line({ journal: "RE", num: "1", date: "20240201", compte: "706000", credit: "80,00" })}\t20240201\tCB\t\tCL1\t001`,
      `${line({ journal: "DE", num: "2", date: "20240203", compte: "606000", debit: "30,00" })}\t20240203\tCHQ\t\t\t002`,
    ];
    const { entries, report } = parseText([header, ...rows].join("\n") + "\n");
    expect(report.cashBasis).toBe(true);
    expect(report.ok).toBe(true); // single-sided lines are normal in recettes-dépenses
    expect(report.issues.map((i) => i.code)).toEqual(["FEC_CASH_BASIS"]);
    expect(entries.map((e) => e.etablissement)).toEqual(["001", "002"]);
  });

  it("warns about unknown columns and a non-legal order but still reads by name", () => {
    const names: string[] = [...FEC_COLUMNS];
    [names[0], names[1]] = [names[1] ?? "", names[0] ?? ""];
    const reorder = (l: string) => {
      const f = l.split("\t");
      [f[0], f[1]] = [f[1] ?? "", f[0] ?? ""];
      return [...f, "x"].join("\t");
    };
    const text = [[...names, "Commentaire"].join("\t"), ...SMALL_ROWS.slice(0, 2).map((r) => reorder(line(r)))].join(
      "\n",
    );
    const { entries, report } = parseText(text);
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => [i.line, i.code, i.params.column])).toEqual([
      [1, "FEC_UNKNOWN_COLUMN", "Commentaire"],
      [1, "FEC_COLUMN_ORDER", undefined],
    ]);
    expect(entries[0]?.journalCode).toBe("AN");
  });

  it("balances écritures whose lines are not contiguous, per journal", () => {
    const rows = [
      { journal: "OD", num: "5", date: "20240110", compte: "471000", debit: "10,00" },
      { journal: "BQ", num: "5", date: "20240110", compte: "512000", debit: "3,00" },
      { journal: "OD", num: "5", date: "20240110", compte: "472000", credit: "10,00" },
      { journal: "BQ", num: "5", date: "20240110", compte: "580000", credit: "3,00" },
    ];
    expect(parseText(fecText(rows)).report.ok).toBe(true);
    const split = [rows[0]!, rows[1]!, { ...rows[2]!, credit: "9,00" }, rows[3]!, { ...rows[2]!, credit: "1,00" }];
    expect(parseText(fecText(split)).report.ok).toBe(true);
  });

  it("decodes only the text fields asked for, with the same validation", () => {
    const text = fecText(SMALL_ROWS);
    const full = parseText(text);
    const lean = parseText(text, { textFields: ["compteNum"] });
    expect(lean.report).toEqual(full.report);
    expect(lean.entries.map((e) => [e.compteNum, e.debitCents, e.creditCents, e.date])).toEqual(
      full.entries.map((e) => [e.compteNum, e.debitCents, e.creditCents, e.date]),
    );
    expect(lean.entries[2]?.compteLib).toBe("");
    expect(lean.entries[2]?.compAuxNum).toBeUndefined();
  });

  it("hands entries over in batches when onBatch is given", () => {
    const batches: number[] = [];
    const parser = createFecParser({ batchSize: 4, onBatch: (b) => batches.push(b.length) });
    expect(parser.push(utf8(fecText(SMALL_ROWS)))).toEqual([]);
    const { entries, report } = parser.end();
    expect(entries).toEqual([]);
    expect(report.ok).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(SMALL_ROWS.length);
    expect(Math.max(...batches)).toBe(4);
  });
});

describe("FEC parser: warnings and capped reports", () => {
  it("warns without blocking: empty PieceRef, debit and credit on one line, two dates in one écriture", () => {
    const rows = [
      { journal: "OD", num: "1", date: "20240105", compte: "471000", debit: "5,00", credit: "1,00", piece: "" },
      { journal: "OD", num: "1", date: "20240106", compte: "472000", credit: "4,00" },
    ];
    const { report } = parseText(fecText(rows));
    expect(report.ok).toBe(true);
    expect(report.issues.map((i) => [i.line, i.code, i.severity])).toEqual([
      [2, "FEC_FIELD_EMPTY", "warning"],
      [2, "FEC_DEBIT_AND_CREDIT", "warning"],
      [3, "FEC_ENTRY_DATE_MISMATCH", "warning"],
    ]);
  });

  it("rejects dates outside the exercice", () => {
    const { report } = parseText(fecText(SMALL_ROWS), { exercice: { start: "2024-02-01", end: "2024-12-31" } });
    expect(report.ok).toBe(false);
    expect(report.issues.filter((i) => i.code === "FEC_DATE_OUTSIDE_EXERCICE").map((i) => i.line)).toEqual([
      2, 3, 4, 5, 6, 7, 8, 9,
    ]);
  });

  it("keeps the first issues only and counts the others by code", () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      journal: "OD",
      num: String(i),
      date: "20241301",
      compte: "471000",
      debit: "1,00",
    }));
    const { report } = parseText(fecText(rows), { maxIssues: 50 });
    expect(report.issues).toHaveLength(50);
    // Each line repeats its bad date in EcritureDate, PieceDate and ValidDate.
    expect(report.countsByCode).toEqual({ FEC_BAD_DATE: 900 });
    expect(report.errorCount).toBe(900);
    expect(report.omittedIssues).toBe(850);
  });

  it("checks the file name against the dossier (warnings only)", () => {
    const text = fecText(SMALL_ROWS);
    const exercice = { start: "2024-01-01", end: "2024-12-31" };
    expect(
      parseText(text, { fileName: "552100554FEC20241231.txt", siren: "552 100 554", exercice }).report.issues,
    ).toEqual([]);
    const wrong = parseText(text, { fileName: "123456789FEC20231231.txt", siren: "552100554", exercice }).report;
    expect(wrong.ok).toBe(true);
    expect(wrong.issues.map((i) => [i.line, i.code])).toEqual([
      [0, "FEC_FILENAME_SIREN"],
      [0, "FEC_FILENAME_DATE"],
    ]);
  });
});
