import type { MessageKey } from "../../i18n";
import { rowPosition, rowsInScope, type LedgerAggregate, type AccountingScope } from "./aggregate";
import { PRODUCT_CATEGORIES, sigCategory, type SigCategory } from "./pcg";

/** The SIG table in PCG order; `total` lines are the soldes themselves. */
export const SIG_LINES = [
  { id: "ventesMarchandises", total: false },
  { id: "coutAchatMarchandisesVendues", total: false },
  { id: "margeCommerciale", total: true },
  { id: "productionVendue", total: false },
  { id: "productionStockee", total: false },
  { id: "productionImmobilisee", total: false },
  { id: "productionExercice", total: true },
  { id: "consommationsTiers", total: false },
  { id: "valeurAjoutee", total: true },
  { id: "subventionsExploitation", total: false },
  { id: "impotsTaxes", total: false },
  { id: "chargesPersonnel", total: false },
  { id: "excedentBrutExploitation", total: true },
  { id: "reprisesTransfertsCharges", total: false },
  { id: "autresProduits", total: false },
  { id: "dotationsAmortissementsProvisions", total: false },
  { id: "autresCharges", total: false },
  { id: "resultatExploitation", total: true },
  { id: "quotePartProduits", total: false },
  { id: "quotePartCharges", total: false },
  { id: "produitsFinanciers", total: false },
  { id: "chargesFinancieres", total: false },
  { id: "resultatCourantAvantImpots", total: true },
  { id: "produitsExceptionnels", total: false },
  { id: "chargesExceptionnelles", total: false },
  { id: "resultatExceptionnel", total: true },
  { id: "participationSalaries", total: false },
  { id: "impotsBenefices", total: false },
  { id: "resultatExercice", total: true },
] as const;

export type SigLineId = (typeof SIG_LINES)[number]["id"];
/** Every SIG line in cents; products and charges are positive in their usual direction. */
export type Sig = Record<SigLineId, number>;

export function sigLabelKey(id: SigLineId): MessageKey {
  return `accounting.sig.${id}` as MessageKey;
}

export type CategoryTotals = Record<SigCategory, number>;

export function emptyCategoryTotals(): CategoryTotals {
  return {
    ventesMarchandises: 0,
    achatsMarchandises: 0,
    variationStockMarchandises: 0,
    productionVendue: 0,
    productionStockee: 0,
    productionImmobilisee: 0,
    consommationsTiers: 0,
    subventionsExploitation: 0,
    impotsTaxes: 0,
    chargesPersonnel: 0,
    reprisesTransfertsCharges: 0,
    autresProduits: 0,
    dotationsAmortissementsProvisions: 0,
    autresCharges: 0,
    quotePartProduits: 0,
    quotePartCharges: 0,
    produitsFinanciers: 0,
    chargesFinancieres: 0,
    produitsExceptionnels: 0,
    chargesExceptionnelles: 0,
    participationSalaries: 0,
    impotsBenefices: 0,
  };
}

/** Adds one account's debit/credit to its category, with the category's sign. */
export function addToCategories(
  totals: CategoryTotals,
  compteNum: string,
  debitCents: number,
  creditCents: number,
): void {
  const category = sigCategory(compteNum);
  if (category === null) return;
  totals[category] += PRODUCT_CATEGORIES.has(category) ? creditCents - debitCents : debitCents - creditCents;
}

/** Income-statement categories over the period (à-nouveaux excluded: they carry balance-sheet accounts). */
export function categoryTotals(aggregate: LedgerAggregate, scope: AccountingScope = {}): CategoryTotals {
  const totals = emptyCategoryTotals();
  for (const row of rowsInScope(aggregate.rows, scope.etablissements)) {
    if (rowPosition(row, scope.period) !== "in") continue;
    addToCategories(totals, row.compteNum, row.debitCents, row.creditCents);
  }
  return totals;
}

export function sigFromCategories(c: CategoryTotals): Sig {
  const coutAchatMarchandisesVendues = c.achatsMarchandises + c.variationStockMarchandises;
  const margeCommerciale = c.ventesMarchandises - coutAchatMarchandisesVendues;
  const productionExercice = c.productionVendue + c.productionStockee + c.productionImmobilisee;
  const valeurAjoutee = margeCommerciale + productionExercice - c.consommationsTiers;
  const excedentBrutExploitation = valeurAjoutee + c.subventionsExploitation - c.impotsTaxes - c.chargesPersonnel;
  const resultatExploitation =
    excedentBrutExploitation +
    c.reprisesTransfertsCharges +
    c.autresProduits -
    c.dotationsAmortissementsProvisions -
    c.autresCharges;
  const resultatCourantAvantImpots =
    resultatExploitation + c.quotePartProduits - c.quotePartCharges + c.produitsFinanciers - c.chargesFinancieres;
  const resultatExceptionnel = c.produitsExceptionnels - c.chargesExceptionnelles;
  const resultatExercice =
    resultatCourantAvantImpots + resultatExceptionnel - c.participationSalaries - c.impotsBenefices;
  return {
    ventesMarchandises: c.ventesMarchandises,
    coutAchatMarchandisesVendues,
    margeCommerciale,
    productionVendue: c.productionVendue,
    productionStockee: c.productionStockee,
    productionImmobilisee: c.productionImmobilisee,
    productionExercice,
    consommationsTiers: c.consommationsTiers,
    valeurAjoutee,
    subventionsExploitation: c.subventionsExploitation,
    impotsTaxes: c.impotsTaxes,
    chargesPersonnel: c.chargesPersonnel,
    excedentBrutExploitation,
    reprisesTransfertsCharges: c.reprisesTransfertsCharges,
    autresProduits: c.autresProduits,
    dotationsAmortissementsProvisions: c.dotationsAmortissementsProvisions,
    autresCharges: c.autresCharges,
    resultatExploitation,
    quotePartProduits: c.quotePartProduits,
    quotePartCharges: c.quotePartCharges,
    produitsFinanciers: c.produitsFinanciers,
    chargesFinancieres: c.chargesFinancieres,
    resultatCourantAvantImpots,
    produitsExceptionnels: c.produitsExceptionnels,
    chargesExceptionnelles: c.chargesExceptionnelles,
    resultatExceptionnel,
    participationSalaries: c.participationSalaries,
    impotsBenefices: c.impotsBenefices,
    resultatExercice,
  };
}

/** Soldes intermédiaires de gestion over the period. */
export function computeSig(aggregate: LedgerAggregate, scope: AccountingScope = {}): Sig {
  return sigFromCategories(categoryTotals(aggregate, scope));
}
