import type { MessageKey } from "../../i18n";

/** PCG class of an account: its first digit (1–9); 0 when the number does not start with a digit. */
export function accountClass(compteNum: string): number {
  const c = compteNum.charCodeAt(0) - 0x30;
  return c >= 1 && c <= 9 ? c : 0;
}

export function accountClassLabelKey(classNumber: number): MessageKey {
  return `accounting.class.${classNumber >= 1 && classNumber <= 9 ? classNumber : 0}` as MessageKey;
}

/**
 * Where a class 6/7 account goes in the soldes intermédiaires de gestion (PCG tableau des SIG).
 * Charges count debit − credit, products credit − debit. Every class 6/7 account lands in exactly one
 * category (unlisted ones in "autres charges/produits"), so the SIG always add up to the résultat.
 */
export type SigCategory =
  | "ventesMarchandises"
  | "achatsMarchandises"
  | "variationStockMarchandises"
  | "productionVendue"
  | "productionStockee"
  | "productionImmobilisee"
  | "consommationsTiers"
  | "subventionsExploitation"
  | "impotsTaxes"
  | "chargesPersonnel"
  | "reprisesTransfertsCharges"
  | "autresProduits"
  | "dotationsAmortissementsProvisions"
  | "autresCharges"
  | "quotePartProduits"
  | "quotePartCharges"
  | "produitsFinanciers"
  | "chargesFinancieres"
  | "produitsExceptionnels"
  | "chargesExceptionnelles"
  | "participationSalaries"
  | "impotsBenefices";

/** Longest prefix wins. */
const SIG_PREFIXES: ReadonlyArray<readonly [prefix: string, category: SigCategory]> = [
  // Marchandises: 707 − 7097 sold; 607 + 6087 − 6097 bought; 6037 stock variation.
  ["707", "ventesMarchandises"],
  ["7097", "ventesMarchandises"],
  ["607", "achatsMarchandises"],
  ["6087", "achatsMarchandises"],
  ["6097", "achatsMarchandises"],
  ["6037", "variationStockMarchandises"],
  // Production: 70 (other than marchandises, net of 709), 71 stockée, 72 immobilisée.
  ["70", "productionVendue"],
  ["71", "productionStockee"],
  ["72", "productionImmobilisee"],
  // Consommations en provenance de tiers: 60 (other than marchandises), 61, 62.
  ["60", "consommationsTiers"],
  ["61", "consommationsTiers"],
  ["62", "consommationsTiers"],
  ["74", "subventionsExploitation"],
  ["63", "impotsTaxes"],
  ["64", "chargesPersonnel"],
  ["78", "reprisesTransfertsCharges"],
  ["79", "reprisesTransfertsCharges"],
  ["75", "autresProduits"],
  ["68", "dotationsAmortissementsProvisions"],
  ["65", "autresCharges"],
  ["755", "quotePartProduits"],
  ["655", "quotePartCharges"],
  ["76", "produitsFinanciers"],
  ["786", "produitsFinanciers"],
  ["796", "produitsFinanciers"],
  ["66", "chargesFinancieres"],
  ["686", "chargesFinancieres"],
  ["77", "produitsExceptionnels"],
  ["787", "produitsExceptionnels"],
  ["797", "produitsExceptionnels"],
  ["67", "chargesExceptionnelles"],
  ["687", "chargesExceptionnelles"],
  ["691", "participationSalaries"],
  ["69", "impotsBenefices"],
];

const SORTED_PREFIXES = [...SIG_PREFIXES].sort((a, b) => b[0].length - a[0].length);

/** Categories whose amount is credit − debit. */
export const PRODUCT_CATEGORIES: ReadonlySet<SigCategory> = new Set<SigCategory>([
  "ventesMarchandises",
  "productionVendue",
  "productionStockee",
  "productionImmobilisee",
  "subventionsExploitation",
  "reprisesTransfertsCharges",
  "autresProduits",
  "quotePartProduits",
  "produitsFinanciers",
  "produitsExceptionnels",
]);

/** SIG category of an account; null for balance-sheet accounts (classes 1–5) and classes 8–9. */
export function sigCategory(compteNum: string): SigCategory | null {
  const cls = accountClass(compteNum);
  if (cls !== 6 && cls !== 7) return null;
  for (const [prefix, category] of SORTED_PREFIXES) if (compteNum.startsWith(prefix)) return category;
  return cls === 6 ? "autresCharges" : "autresProduits";
}
