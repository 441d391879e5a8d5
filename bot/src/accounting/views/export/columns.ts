import type { Locale } from "@comptoir/shared";
import type { Column, ColumnKind } from "./table-writer";

/** Export headers, French first (the spreadsheets are mostly read by French accountants and their clients). */
type Label = { fr: string; en: string };
type LabelledColumn = { label: Label; kind: ColumnKind; width: number | undefined };
export const col = (fr: string, en: string, kind: ColumnKind, width?: number): LabelledColumn => ({
  label: { fr, en },
  kind,
  width,
});

const BALANCE = [
  col("Classe", "Class", "int", 8),
  col("Compte", "Account", "text", 12),
  col("Intitulé du compte", "Account name", "text", 36),
  col("Compte auxiliaire", "Auxiliary account", "text", 14),
  col("Intitulé auxiliaire", "Auxiliary account name", "text", 30),
  col("Solde d'ouverture débit", "Opening debit", "money"),
  col("Solde d'ouverture crédit", "Opening credit", "money"),
  col("Mouvements débit", "Period debit", "money"),
  col("Mouvements crédit", "Period credit", "money"),
  col("Solde de clôture débit", "Closing debit", "money"),
  col("Solde de clôture crédit", "Closing credit", "money"),
];

const GRAND_LIVRE = [
  col("Compte", "Account", "text", 12),
  col("Intitulé du compte", "Account name", "text", 30),
  col("Date", "Date", "date"),
  col("Journal", "Journal", "text", 8),
  col("N° d'écriture", "Entry no.", "text", 12),
  col("Pièce", "Document", "text", 12),
  col("Libellé", "Label", "text", 40),
  col("Compte auxiliaire", "Auxiliary account", "text", 14),
  col("Débit", "Debit", "money"),
  col("Crédit", "Credit", "money"),
  col("Solde", "Balance", "money"),
  col("Lettrage", "Matching", "text", 9),
];

const JOURNAUX = [
  col("Journal", "Journal", "text", 8),
  col("Intitulé du journal", "Journal name", "text", 24),
  col("Date", "Date", "date"),
  col("N° d'écriture", "Entry no.", "text", 12),
  col("Pièce", "Document", "text", 12),
  col("Date de pièce", "Document date", "date"),
  col("Compte", "Account", "text", 12),
  col("Intitulé du compte", "Account name", "text", 30),
  col("Compte auxiliaire", "Auxiliary account", "text", 14),
  col("Libellé", "Label", "text", 40),
  col("Débit", "Debit", "money"),
  col("Crédit", "Credit", "money"),
  col("Lettrage", "Matching", "text", 9),
];

/** A table's headers in the caller's language. */
export function localised(columns: readonly LabelledColumn[], locale: Locale): Column[] {
  return columns.map((c) => ({
    header: locale === "en" ? c.label.en : c.label.fr,
    kind: c.kind,
    ...(c.width ? { width: c.width } : {}),
  }));
}

export const exportColumns = {
  balance: (locale: Locale) => localised(BALANCE, locale),
  grandLivre: (locale: Locale) => localised(GRAND_LIVRE, locale),
  journaux: (locale: Locale) => localised(JOURNAUX, locale),
};

export const EXPORT_TEXT = {
  classTotal: { fr: "Total classe", en: "Total class" },
  grandTotal: { fr: "Total général", en: "Grand total" },
  broughtForward: { fr: "Solde antérieur", en: "Balance brought forward" },
  sheet: {
    balance: { fr: "Balance", en: "Trial balance" },
    "grand-livre": { fr: "Grand livre", en: "General ledger" },
    journaux: { fr: "Journaux", en: "Journals" },
  },
} as const;

export function say(label: Label, locale: Locale): string {
  return locale === "en" ? label.en : label.fr;
}
