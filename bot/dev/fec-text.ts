import { FEC_COLUMNS } from "@comptoir/shared/accounting/fec/columns";

/** One line of a small hand-written FEC; amounts as the file writes them ("1234,56"). */
export type FecTextLine = {
  journal: string;
  journalLib: string;
  num: string;
  /** YYYYMMDD; also the ValidDate, and the PieceDate unless given. */
  date: string;
  compte: string;
  compteLib: string;
  aux?: string;
  auxLib?: string;
  piece: string;
  pieceDate?: string;
  lib: string;
  debit: string;
  credit: string;
  letter?: string;
  /** Defaults to `date` when the line is lettered. */
  dateLet?: string;
  /** CodeEtablissement: the column is written when any line has one. */
  etab?: string;
};

/**
 * A tab-separated UTF-8 FEC of the given lines, the 18 legal columns (plus CodeEtablissement when used): the demo
 * seed's file and the test files that import a few écritures through the screens or the API share it.
 */
export function fecText(lines: readonly FecTextLine[]): string {
  const withEtab = lines.some((l) => l.etab !== undefined);
  const header = [...FEC_COLUMNS, ...(withEtab ? ["CodeEtablissement"] : [])].join("\t");
  const rows = lines.map((l) =>
    [
      l.journal,
      l.journalLib,
      l.num,
      l.date,
      l.compte,
      l.compteLib,
      l.aux ?? "",
      l.auxLib ?? "",
      l.piece,
      l.pieceDate ?? l.date,
      l.lib,
      l.debit,
      l.credit,
      l.letter ?? "",
      l.letter ? (l.dateLet ?? l.date) : "",
      l.date,
      "",
      "",
      ...(withEtab ? [l.etab ?? ""] : []),
    ].join("\t"),
  );
  return `${[header, ...rows].join("\r\n")}\r\n`;
}

/** The smallest useful FEC: one sale of `amount` on 15/01/2024, cashed at the bank (512000 / 706000). */
export function oneSaleFec(amount: string): string {
  const line = (compte: string, debit: string, credit: string): FecTextLine => ({
    journal: "VE",
    journalLib: "Ventes",
    num: "1",
    date: "20240115",
    compte,
    compteLib: `Compte ${compte}`,
    piece: "FA1",
    lib: "Facture",
    debit,
    credit,
  });
  return fecText([line("512000", amount, "0,00"), line("706000", "0,00", amount)]);
}
