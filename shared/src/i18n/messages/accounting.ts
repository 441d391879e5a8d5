import { defineMessages } from "../define";

export const accountingMessages = defineMessages({
  // PCG account classes (balance grouping).
  "accounting.class.0": { fr: "Comptes non classés", en: "Unclassified accounts" },
  "accounting.class.1": { fr: "Comptes de capitaux", en: "Equity and long-term liabilities" },
  "accounting.class.2": { fr: "Comptes d'immobilisations", en: "Fixed assets" },
  "accounting.class.3": { fr: "Comptes de stocks et en-cours", en: "Inventories and work in progress" },
  "accounting.class.4": { fr: "Comptes de tiers", en: "Third-party accounts" },
  "accounting.class.5": { fr: "Comptes financiers", en: "Financial accounts" },
  "accounting.class.6": { fr: "Comptes de charges", en: "Expenses" },
  "accounting.class.7": { fr: "Comptes de produits", en: "Income" },
  "accounting.class.8": { fr: "Comptes spéciaux", en: "Special accounts" },
  "accounting.class.9": { fr: "Comptes analytiques", en: "Cost accounting" },

  // Soldes intermédiaires de gestion, in PCG order.
  "accounting.sig.ventesMarchandises": { fr: "Ventes de marchandises", en: "Sales of goods for resale" },
  "accounting.sig.coutAchatMarchandisesVendues": {
    fr: "Coût d'achat des marchandises vendues",
    en: "Cost of goods sold",
  },
  "accounting.sig.margeCommerciale": { fr: "Marge commerciale", en: "Trading margin" },
  "accounting.sig.productionVendue": { fr: "Production vendue", en: "Production sold" },
  "accounting.sig.productionStockee": { fr: "Production stockée", en: "Change in production inventory" },
  "accounting.sig.productionImmobilisee": { fr: "Production immobilisée", en: "Capitalised production" },
  "accounting.sig.productionExercice": { fr: "Production de l'exercice", en: "Production for the year" },
  "accounting.sig.consommationsTiers": {
    fr: "Consommations en provenance de tiers",
    en: "Purchases from third parties",
  },
  "accounting.sig.valeurAjoutee": { fr: "Valeur ajoutée", en: "Value added" },
  "accounting.sig.subventionsExploitation": { fr: "Subventions d'exploitation", en: "Operating subsidies" },
  "accounting.sig.impotsTaxes": { fr: "Impôts, taxes et versements assimilés", en: "Taxes and similar levies" },
  "accounting.sig.chargesPersonnel": { fr: "Charges de personnel", en: "Staff costs" },
  "accounting.sig.excedentBrutExploitation": {
    fr: "Excédent brut d'exploitation",
    en: "Gross operating surplus (EBITDA)",
  },
  "accounting.sig.reprisesTransfertsCharges": {
    fr: "Reprises sur amortissements, dépréciations et provisions, transferts de charges",
    en: "Write-backs and expense transfers",
  },
  "accounting.sig.autresProduits": { fr: "Autres produits", en: "Other income" },
  "accounting.sig.dotationsAmortissementsProvisions": {
    fr: "Dotations aux amortissements, dépréciations et provisions",
    en: "Depreciation, impairment and provisions",
  },
  "accounting.sig.autresCharges": { fr: "Autres charges", en: "Other expenses" },
  "accounting.sig.resultatExploitation": { fr: "Résultat d'exploitation", en: "Operating profit" },
  "accounting.sig.quotePartProduits": {
    fr: "Quotes-parts de résultat sur opérations faites en commun (bénéfices)",
    en: "Share of profits from joint operations",
  },
  "accounting.sig.quotePartCharges": {
    fr: "Quotes-parts de résultat sur opérations faites en commun (pertes)",
    en: "Share of losses from joint operations",
  },
  "accounting.sig.produitsFinanciers": { fr: "Produits financiers", en: "Financial income" },
  "accounting.sig.chargesFinancieres": { fr: "Charges financières", en: "Financial expenses" },
  "accounting.sig.resultatCourantAvantImpots": {
    fr: "Résultat courant avant impôts",
    en: "Profit before tax and exceptional items",
  },
  "accounting.sig.produitsExceptionnels": { fr: "Produits exceptionnels", en: "Exceptional income" },
  "accounting.sig.chargesExceptionnelles": { fr: "Charges exceptionnelles", en: "Exceptional expenses" },
  "accounting.sig.resultatExceptionnel": { fr: "Résultat exceptionnel", en: "Exceptional result" },
  "accounting.sig.participationSalaries": { fr: "Participation des salariés", en: "Employee profit-sharing" },
  "accounting.sig.impotsBenefices": { fr: "Impôts sur les bénéfices", en: "Income tax" },
  "accounting.sig.resultatExercice": { fr: "Résultat de l'exercice", en: "Net profit for the year" },

  // Key figures.
  "accounting.keyFigure.chiffreAffaires": { fr: "Chiffre d'affaires", en: "Revenue" },
  "accounting.keyFigure.margeCommerciale": { fr: "Marge commerciale", en: "Trading margin" },
  "accounting.keyFigure.excedentBrutExploitation": { fr: "EBE", en: "EBITDA" },
  "accounting.keyFigure.resultat": { fr: "Résultat", en: "Net profit" },
  "accounting.keyFigure.tresorerie": { fr: "Trésorerie", en: "Cash" },
  "accounting.keyFigure.creancesClients": { fr: "Créances clients", en: "Trade receivables" },
  "accounting.keyFigure.dettesFournisseurs": { fr: "Dettes fournisseurs", en: "Trade payables" },

  // FEC import report.
  "accounting.fec.omittedIssues": {
    fr: "… et {count} autres anomalies non détaillées.",
    en: "… and {count} more issues not listed.",
  },
  "accounting.fec.line": { fr: "Ligne {line}", en: "Line {line}" },
  "accounting.fec.fileLevel": { fr: "Fichier", en: "File" },

  // Non-blocking FEC anomalies (blocking ones are error.FEC_* in errors.ts).
  "accounting.fecWarning.FEC_UNKNOWN_COLUMN": {
    fr: "Colonne inconnue, ignorée : {column}.",
    en: "Unknown column, ignored: {column}.",
  },
  "accounting.fecWarning.FEC_COLUMN_ORDER": {
    fr: "Les colonnes ne suivent pas l'ordre réglementaire ; elles ont été reconnues par leur nom.",
    en: "The columns are not in the legal order; they were matched by name.",
  },
  "accounting.fecWarning.FEC_FIELD_EMPTY": { fr: "La zone {column} est vide.", en: "The {column} field is empty." },
  "accounting.fecWarning.FEC_DEBIT_AND_CREDIT": {
    fr: "La ligne porte à la fois un débit et un crédit.",
    en: "The line has both a debit and a credit.",
  },
  "accounting.fecWarning.FEC_ENTRY_DATE_MISMATCH": {
    fr: "L'écriture {ecritureNum} du journal {journalCode} comporte plusieurs dates.",
    en: "Entry {ecritureNum} in journal {journalCode} has more than one date.",
  },
  "accounting.fecWarning.FEC_MIXED_ENCODING": {
    fr: "Cette ligne n'est pas en UTF-8 comme le reste du fichier : elle a été lue en ISO 8859-15.",
    en: "This line is not UTF-8 like the rest of the file: it was read as ISO 8859-15.",
  },
  "accounting.fecWarning.FEC_CASH_BASIS": {
    fr: "Comptabilité de trésorerie (recettes-dépenses) : l'équilibre des écritures n'est pas contrôlé.",
    en: "Cash-basis bookkeeping (receipts and expenses): entries are not checked for balance.",
  },
  "accounting.fecWarning.FEC_FILENAME_FORMAT": {
    fr: "Le nom « {fileName} » ne suit pas la nomenclature SirenFECAAAAMMJJ.",
    en: "The name “{fileName}” does not follow the SirenFECYYYYMMDD pattern.",
  },
  "accounting.fecWarning.FEC_FILENAME_SIREN": {
    fr: "Le SIREN du nom de fichier ({found}) n'est pas celui du dossier ({expected}).",
    en: "The SIREN in the file name ({found}) is not the dossier's ({expected}).",
  },
  "accounting.fecWarning.FEC_FILENAME_DATE": {
    fr: "La date de clôture du nom de fichier ({found}) n'est pas celle de l'exercice ({expected}).",
    en: "The closing date in the file name ({found}) is not the financial year's ({expected}).",
  },
});
