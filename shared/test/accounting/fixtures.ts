import { encodeLatin9, FEC_COLUMNS, parseFec, type FecEntry, type FecParserOptions } from "../../src/accounting";

export const HEADER = FEC_COLUMNS.join("\t");

export type Row = {
  journal: string;
  journalLib?: string;
  num: string;
  date: string;
  compte: string;
  compteLib?: string;
  aux?: string;
  auxLib?: string;
  piece?: string;
  lib?: string;
  debit?: string;
  credit?: string;
  letter?: string;
  dateLet?: string;
};

const JOURNAL_LIBS: Record<string, string> = {
  AN: "À-nouveaux",
  VE: "Journal des ventes",
  AC: "Journal des achats",
  BQ: "Banque",
  OD: "Opérations diverses",
};

/** One FEC line (18 columns, tab-separated) from a compact description. */
export function line(r: Row): string {
  return [
    r.journal,
    r.journalLib ?? JOURNAL_LIBS[r.journal] ?? r.journal,
    r.num,
    r.date,
    r.compte,
    r.compteLib ?? `Compte ${r.compte}`,
    r.aux ?? "",
    r.auxLib ?? (r.aux ? `Tiers ${r.aux}` : ""),
    r.piece ?? `P${r.num}`,
    r.date,
    r.lib ?? `Écriture ${r.num}`,
    r.debit ?? "0,00",
    r.credit ?? "0,00",
    r.letter ?? "",
    r.dateLet ?? "",
    r.date,
    "",
    "",
  ].join("\t");
}

export function fecText(rows: Row[], eol = "\n"): string {
  return [HEADER, ...rows.map(line)].join(eol) + eol;
}

/** UTF-8 bytes of a string (shared/ compiles without the DOM lib, so no TextEncoder type here). */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return new Uint8Array(out);
}
export const latin9 = (text: string): Uint8Array => encodeLatin9(text);

export function parseText(text: string, options: FecParserOptions = {}) {
  return parseFec(utf8(text), options);
}

/**
 * A small, hand-checked exercice 2024 (amounts in euros):
 * - AN 1: capital 10 000 (credit 101300) against the bank (debit 512000);
 * - VE 1 (15/01): services to C001, 706000 1 000 + VAT 200, lettered AA with BQ 1;
 * - AC 1 (20/01): goods from F001, 607000 500 + VAT 100;
 * - BQ 1 (15/02): C001 pays 1 200; BQ 2 (20/02): F001 paid 400 (200 still due);
 * - OD 1 (28/02): salaries 641000 300 paid from the bank;
 * - VE 2 (10/03): goods to C002, 707000 200 + VAT 40, unpaid;
 * - OD 2 (31/03): stock of goods up by 80 (370000 debit, 603700 credit).
 */
export const SMALL_ROWS: Row[] = [
  { journal: "AN", num: "1", date: "20240101", compte: "101300", compteLib: "Capital souscrit", credit: "10000,00" },
  { journal: "AN", num: "1", date: "20240101", compte: "512000", compteLib: "Banque", debit: "10000,00" },
  {
    journal: "VE",
    num: "1",
    date: "20240115",
    compte: "411000",
    compteLib: "Clients",
    aux: "C001",
    auxLib: "Dupont",
    debit: "1200,00",
    letter: "AA",
    dateLet: "20240215",
  },
  {
    journal: "VE",
    num: "1",
    date: "20240115",
    compte: "706000",
    compteLib: "Prestations de services",
    credit: "1000,00",
  },
  { journal: "VE", num: "1", date: "20240115", compte: "445710", compteLib: "TVA collectée", credit: "200,00" },
  { journal: "AC", num: "1", date: "20240120", compte: "607000", compteLib: "Achats de marchandises", debit: "500,00" },
  { journal: "AC", num: "1", date: "20240120", compte: "445660", compteLib: "TVA déductible", debit: "100,00" },
  {
    journal: "AC",
    num: "1",
    date: "20240120",
    compte: "401000",
    compteLib: "Fournisseurs",
    aux: "F001",
    auxLib: "Grossiste",
    credit: "600,00",
  },
  { journal: "BQ", num: "1", date: "20240215", compte: "512000", compteLib: "Banque", debit: "1200,00" },
  {
    journal: "BQ",
    num: "1",
    date: "20240215",
    compte: "411000",
    compteLib: "Clients",
    aux: "C001",
    auxLib: "Dupont",
    credit: "1200,00",
    letter: "AA",
    dateLet: "20240215",
  },
  {
    journal: "BQ",
    num: "2",
    date: "20240220",
    compte: "401000",
    compteLib: "Fournisseurs",
    aux: "F001",
    auxLib: "Grossiste",
    debit: "400,00",
  },
  { journal: "BQ", num: "2", date: "20240220", compte: "512000", compteLib: "Banque", credit: "400,00" },
  {
    journal: "OD",
    num: "1",
    date: "20240228",
    compte: "641000",
    compteLib: "Rémunérations du personnel",
    debit: "300,00",
  },
  { journal: "OD", num: "1", date: "20240228", compte: "512000", compteLib: "Banque", credit: "300,00" },
  {
    journal: "VE",
    num: "2",
    date: "20240310",
    compte: "411000",
    compteLib: "Clients",
    aux: "C002",
    auxLib: "Martin",
    debit: "240,00",
  },
  {
    journal: "VE",
    num: "2",
    date: "20240310",
    compte: "707000",
    compteLib: "Ventes de marchandises",
    credit: "200,00",
  },
  { journal: "VE", num: "2", date: "20240310", compte: "445710", compteLib: "TVA collectée", credit: "40,00" },
  { journal: "OD", num: "2", date: "20240331", compte: "370000", compteLib: "Stocks de marchandises", debit: "80,00" },
  {
    journal: "OD",
    num: "2",
    date: "20240331",
    compte: "603700",
    compteLib: "Variation des stocks de marchandises",
    credit: "80,00",
  },
];

export function smallEntries(): FecEntry[] {
  const { entries, report } = parseText(fecText(SMALL_ROWS));
  if (!report.ok) throw new Error(`fixture rejected: ${JSON.stringify(report.issues)}`);
  return entries;
}

/** Euros → cents, to keep expectations readable. */
export const eur = (euros: number): number => Math.round(euros * 100);
