import { rowPosition, rowsInScope, type LedgerAggregate, type AccountingScope } from "./aggregate";
import { computeSig } from "./sig";

/**
 * Headline figures for the dossier's dashboard, in cents:
 * - chiffre d'affaires: net 70 (ventes de marchandises + production vendue, net of 709 rebates);
 * - marge commerciale: SIG definition, (707 − 7097) − (607 + 6087 − 6097 ± 6037);
 * - EBE and résultat: from the SIG;
 * - trésorerie: net debit balance of class 5 at the end of the period (banks, cash, VMP, less
 *   concours bancaires courants 519);
 * - créances clients: sum of the debit balances of 411 accounts, per auxiliary account when present;
 * - dettes fournisseurs: sum of the credit balances of 401 accounts, per auxiliary account when present.
 */
export type KeyFigures = {
  chiffreAffairesCents: number;
  margeCommercialeCents: number;
  excedentBrutExploitationCents: number;
  resultatCents: number;
  tresorerieCents: number;
  creancesClientsCents: number;
  dettesFournisseursCents: number;
};

export const KEY_FIGURE_IDS = [
  "chiffreAffaires",
  "margeCommerciale",
  "excedentBrutExploitation",
  "resultat",
  "tresorerie",
  "creancesClients",
  "dettesFournisseurs",
] as const;

export function computeKeyFigures(aggregate: LedgerAggregate, scope: AccountingScope = {}): KeyFigures {
  const sig = computeSig(aggregate, scope);
  let tresorerie = 0;
  const thirdParties = new Map<string, number>();
  for (const row of rowsInScope(aggregate.rows, scope.etablissements)) {
    if (rowPosition(row, scope.period) === "after") continue;
    const net = row.debitCents - row.creditCents;
    if (row.compteNum.startsWith("5")) tresorerie += net;
    else if (row.compteNum.startsWith("411") || row.compteNum.startsWith("401")) {
      const key = `${row.compteNum}\u0001${row.compAuxNum}`;
      thirdParties.set(key, (thirdParties.get(key) ?? 0) + net);
    }
  }
  let creances = 0;
  let dettes = 0;
  for (const [key, net] of thirdParties) {
    if (key.startsWith("411") && net > 0) creances += net;
    else if (key.startsWith("401") && net < 0) dettes -= net;
  }
  return {
    chiffreAffairesCents: sig.ventesMarchandises + sig.productionVendue,
    margeCommercialeCents: sig.margeCommerciale,
    excedentBrutExploitationCents: sig.excedentBrutExploitation,
    resultatCents: sig.resultatExercice,
    tresorerieCents: tresorerie,
    creancesClientsCents: creances,
    dettesFournisseursCents: dettes,
  };
}
