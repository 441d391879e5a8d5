/**
 * Line records of the entry blobs: one FEC line per text line, fields separated by tabs, with `\`,
 * tab, LF and CR escaped. Much cheaper than JSON to write and read, and the bucket a line lives in
 * tells the field it leaves out (the account in the ledger blob, the journal in the journal blob).
 * Both records end with the same fields, encoded once per line and written to both blobs.
 */
export function esc(text: string | undefined): string {
  if (text === undefined || text === "") return "";
  // The parser splits lines on LF and CR, so only a backslash or a tab can occur in a field.
  if (text.indexOf("\\") === -1 && text.indexOf("\t") === -1) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

export function unesc(text: string): string {
  if (!text.includes("\\")) return text;
  return text.replace(/\\(.)/g, (_m, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : c));
}

const opt = (text: string): string | undefined => (text === "" ? undefined : unesc(text));
const int = (text: string | undefined): number => (text ? Number(text) : 0);
const optInt = (text: string | undefined): number | undefined => (text ? Number(text) : undefined);

/** The fields both records share: what a line is, whichever way it is grouped. */
export type CoreRecord = {
  line: number;
  date: number;
  ecritureNum: string;
  pieceRef: string;
  ecritureLib: string;
  compAuxNum?: string;
  debitCents: number;
  creditCents: number;
  ecritureLet?: string;
  etablissement: string;
};

/** A line of the ledger blob (grouped by account and month). */
export type LedgerRecord = CoreRecord & { journalCode: string; dateLet?: number };

/** A line of the journal blob (grouped by journal and month). */
export type JournalRecord = CoreRecord & { compteNum: string; pieceDate?: number };

/** The shared tail of both records, newline included; join() keeps it one flat string, not a rope. */
export function encodeCore(r: CoreRecord): string {
  return [
    r.line,
    r.date,
    esc(r.ecritureNum),
    esc(r.pieceRef),
    esc(r.ecritureLib),
    esc(r.compAuxNum),
    r.debitCents,
    r.creditCents,
    esc(r.ecritureLet),
    esc(r.etablissement) + "\n",
  ].join("\t");
}

export function ledgerPrefix(r: Pick<LedgerRecord, "journalCode" | "dateLet">): string {
  return `${esc(r.journalCode)}\t${r.dateLet ?? ""}\t`;
}

export function journalPrefix(r: Pick<JournalRecord, "compteNum" | "pieceDate">): string {
  return `${esc(r.compteNum)}\t${r.pieceDate ?? ""}\t`;
}

export function encodeLedger(r: LedgerRecord): string {
  return ledgerPrefix(r) + encodeCore(r);
}

export function encodeJournal(r: JournalRecord): string {
  return journalPrefix(r) + encodeCore(r);
}

function decodeCore(f: string[]): CoreRecord {
  return {
    line: int(f[2]),
    date: int(f[3]),
    ecritureNum: unesc(f[4] ?? ""),
    pieceRef: unesc(f[5] ?? ""),
    ecritureLib: unesc(f[6] ?? ""),
    compAuxNum: opt(f[7] ?? ""),
    debitCents: int(f[8]),
    creditCents: int(f[9]),
    ecritureLet: opt(f[10] ?? ""),
    etablissement: unesc(f[11] ?? ""),
  };
}

export function decodeLedger(text: string): LedgerRecord {
  const f = text.split("\t");
  return { journalCode: unesc(f[0] ?? ""), dateLet: optInt(f[1]), ...decodeCore(f) };
}

export function decodeJournal(text: string): JournalRecord {
  const f = text.split("\t");
  return { compteNum: unesc(f[0] ?? ""), pieceDate: optInt(f[1]), ...decodeCore(f) };
}

/** Splits a decoded byte range into its records (the range always ends on a line end). */
export function splitRecords(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
