import type { FecTextField } from "./entry";
import { FEC_TEXT_FIELDS } from "./entry";

/** The 18 columns of article A.47 A-1, in their legal order. */
export const FEC_COLUMNS = [
  "JournalCode",
  "JournalLib",
  "EcritureNum",
  "EcritureDate",
  "CompteNum",
  "CompteLib",
  "CompAuxNum",
  "CompAuxLib",
  "PieceRef",
  "PieceDate",
  "EcritureLib",
  "Debit",
  "Credit",
  "EcritureLet",
  "DateLet",
  "ValidDate",
  "Montantdevise",
  "Idevise",
] as const;

/**
 * ColumnIndexes we know beyond the 18: Montant + Sens replace Debit + Credit in the variant allowed by the
 * text; DateRglt, ModeRglt, NatOp and IdClient come with the BNC/BA cash-basis (recettes-dépenses)
 * layouts; CodeEtablissement is a common multi-establishment addition, kept per entry.
 */
export const FEC_EXTRA_COLUMNS = [
  "Montant",
  "Sens",
  "CodeEtablissement",
  "DateRglt",
  "ModeRglt",
  "NatOp",
  "IdClient",
] as const;

export type FecColumn = (typeof FEC_COLUMNS)[number] | (typeof FEC_EXTRA_COLUMNS)[number];

const CANONICAL = new Map<string, FecColumn>(
  [...FEC_COLUMNS, ...FEC_EXTRA_COLUMNS].map((name) => [name.toLowerCase(), name]),
);

/** Case-insensitive lookup of a header name; surrounding spaces and quotes are ignored. */
export function canonicalColumn(raw: string): FecColumn | null {
  const name = raw
    .trim()
    .replace(/^"(.*)"$/, "$1")
    .trim()
    .toLowerCase();
  return CANONICAL.get(name) ?? null;
}

export type FecVariant = "debitCredit" | "montantSens";

export type HeaderLayout = {
  /** Index of each known column in a line, -1 when absent. */
  index: Record<FecColumn, number>;
  names: string[];
  variant: FecVariant;
  /** DateRglt/ModeRglt present: BNC/BA recettes-dépenses file, lines are not double-entry. */
  cashBasis: boolean;
  missing: FecColumn[];
  duplicates: string[];
  unknown: string[];
  outOfOrder: boolean;
};

export function analyseHeader(names: string[]): HeaderLayout {
  const index = Object.fromEntries([...FEC_COLUMNS, ...FEC_EXTRA_COLUMNS].map((c) => [c, -1])) as Record<
    FecColumn,
    number
  >;
  const duplicates: string[] = [];
  const unknown: string[] = [];
  names.forEach((raw, i) => {
    const column = canonicalColumn(raw);
    if (column === null) {
      // A trailing separator yields an empty last name: harmless.
      if (raw.trim() !== "") unknown.push(raw.trim());
    } else if (index[column] !== -1) duplicates.push(column);
    else index[column] = i;
  });
  const variant: FecVariant =
    index.Debit === -1 && index.Credit === -1 && index.Montant !== -1 && index.Sens !== -1
      ? "montantSens"
      : "debitCredit";
  const required = FEC_COLUMNS.filter((c) => variant === "debitCredit" || (c !== "Debit" && c !== "Credit"));
  const missing: FecColumn[] = required.filter((c) => index[c] === -1);
  if (variant === "montantSens") {
    if (index.Montant === -1) missing.push("Montant");
    if (index.Sens === -1) missing.push("Sens");
  }
  const positions = required.map((c) => index[c]).filter((i) => i !== -1);
  const outOfOrder = positions.some((p, i) => i > 0 && p < (positions[i - 1] ?? 0));
  return {
    index,
    names,
    variant,
    cashBasis: index.DateRglt !== -1 || index.ModeRglt !== -1,
    missing,
    duplicates,
    unknown,
    outOfOrder,
  };
}

/** Field index of each column in a line, -1 when absent; resolved once from the header. */
export type ColumnIndexes = {
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

export function columnsOf(layout: HeaderLayout | null): ColumnIndexes {
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
export function textColumns(all: ColumnIndexes, wanted: ReadonlySet<FecTextField>): ColumnIndexes {
  const out = { ...all };
  for (const field of FEC_TEXT_FIELDS) if (!wanted.has(field)) out[field] = -1;
  return out;
}
