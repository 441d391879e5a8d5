import { isoToYmd, ymdToIso } from "./date";
import type { FecIssue } from "./issues";

/**
 * Article A.47 A-1: the file is named SirenFECAAAAMMJJ, AAAAMMJJ being the closing date of the
 * exercice. The extension is free (.txt, .csv, .xml, .zip…). Case is ignored for "FEC".
 */
const FILE_NAME = /^(\d{9})FEC(\d{8})(?:\.[A-Za-z0-9]{1,5})?$/i;

export type FecFileName = { siren: string; closingDate: string };

/** Strips any folder part and parses the name; null when it does not follow the nomenclature. */
export function parseFecFileName(name: string): FecFileName | null {
  const base = name.split(/[\\/]/).pop() ?? "";
  const match = FILE_NAME.exec(base.trim());
  if (!match) return null;
  const ymd = isoToYmd(match[2] ?? "");
  if (ymd === null) return null;
  return { siren: match[1] ?? "", closingDate: ymdToIso(ymd) };
}

/** Compares the name with the dossier: every mismatch is a warning (the content is what counts). */
export function checkFecFileName(name: string, expected: { siren?: string; closingDate?: string }): FecIssue[] {
  const parsed = parseFecFileName(name);
  const warn = (code: FecIssue["code"], params: FecIssue["params"]): FecIssue => ({
    line: 0,
    code,
    severity: "warning",
    params,
  });
  if (!parsed) return [warn("FEC_FILENAME_FORMAT", { fileName: name })];
  const issues: FecIssue[] = [];
  const siren = expected.siren?.replace(/\s/g, "");
  if (siren && parsed.siren !== siren)
    issues.push(warn("FEC_FILENAME_SIREN", { found: parsed.siren, expected: siren }));
  const closing = expected.closingDate ? isoToYmd(expected.closingDate) : null;
  if (closing !== null && parsed.closingDate !== ymdToIso(closing)) {
    issues.push(warn("FEC_FILENAME_DATE", { found: parsed.closingDate, expected: ymdToIso(closing) }));
  }
  return issues;
}
