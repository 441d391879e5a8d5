import type { AccountingScope, LedgerAggregate } from "./aggregate";
import { computeTrialBalance, type BalanceAccount } from "./balance";
import { accountClass } from "./pcg";
import {
  placementOf,
  RUBRIC_SIDE,
  STATEMENT_GROUPS,
  type RubricId,
  type StatementGroupId,
  type StatementSide,
} from "./statements-rubrics";

/**
 * Amounts of a statement line, in cents. On the actif: gross, amortissements/dépréciations, and net =
 * gross − depreciation. On the passif and the compte de résultat only `netCents` means something
 * (gross = net, depreciation = 0): passif lines count credit − debit, charges debit − credit, produits
 * credit − debit, so a line against its usual direction is negative.
 */
export type StatementAmounts = { grossCents: number; depreciationCents: number; netCents: number };
export type StatementAccount = { compteNum: string; compteLib: string } & StatementAmounts;
export type StatementRubric = { id: RubricId; accounts: StatementAccount[] } & StatementAmounts;
export type StatementGroup = { id: StatementGroupId; rubrics: StatementRubric[] } & StatementAmounts;

export type FinancialStatements = {
  bilan: {
    actif: StatementGroup[];
    passif: StatementGroup[];
    totalActif: StatementAmounts;
    totalPassifCents: number;
    /**
     * The part of the passif's résultat de l'exercice that no class 12 account holds: produits −
     * charges of the compte de résultat (classes 6/7 not yet closed), plus any à-nouveau found on a
     * class 6/7 account.
     */
    resultatNotInAccountsCents: number;
  };
  compteDeResultat: {
    produits: StatementGroup[];
    charges: StatementGroup[];
    totalProduitsCents: number;
    totalChargesCents: number;
    resultatExploitationCents: number;
    resultatFinancierCents: number;
    resultatCourantAvantImpotsCents: number;
    resultatExceptionnelCents: number;
    resultatExerciceCents: number;
  };
  /** Accounts with a balance that no statement shows (classes 8, 9, numbers outside the PCG). */
  unclassified: Array<{ compteNum: string; compteLib: string; netDebitCents: number }>;
};

function zero(): StatementAmounts {
  return { grossCents: 0, depreciationCents: 0, netCents: 0 };
}

function addInto(total: StatementAmounts, a: StatementAmounts): void {
  total.grossCents += a.grossCents;
  total.depreciationCents += a.depreciationCents;
  total.netCents += a.netCents;
}

/** The amounts of one account in its rubric, from its net debit balance. */
function accountAmounts(side: StatementSide, depreciation: boolean, netDebit: number): StatementAmounts {
  if (side === "actif") {
    return depreciation
      ? { grossCents: 0, depreciationCents: -netDebit, netCents: netDebit }
      : { grossCents: netDebit, depreciationCents: 0, netCents: netDebit };
  }
  const net = side === "charges" ? netDebit : -netDebit;
  return { grossCents: net, depreciationCents: 0, netCents: net };
}

function emptyGroups(side: StatementSide): StatementGroup[] {
  return STATEMENT_GROUPS[side].map((g) => ({
    id: g.id,
    rubrics: g.rubrics.map((id): StatementRubric => ({ id, accounts: [], ...zero() })),
    ...zero(),
  }));
}

function groupNet(groups: readonly StatementGroup[], id: StatementGroupId): number {
  return groups.find((g) => g.id === id)?.netCents ?? 0;
}

function rubricNet(groups: readonly StatementGroup[], id: RubricId): number {
  for (const g of groups) for (const r of g.rubrics) if (r.id === id) return r.netCents;
  return 0;
}

/**
 * Bilan and compte de résultat from a trial balance whose period starts with the exercice. Balance-
 * sheet accounts (classes 1–5) count their closing balance; income-statement accounts (6/7) their
 * movements, so that the compte de résultat is the SIG's (à-nouveaux excluded). Every account with a
 * balance lands in exactly one rubric (or in `unclassified`); a mixed account goes by its sign
 * (see `placementOf`).
 */
export function statementsFromTrialBalance(balance: {
  classes: ReadonlyArray<{
    accounts: ReadonlyArray<
      Pick<
        BalanceAccount,
        "compteNum" | "compteLib" | "debitCents" | "creditCents" | "closingDebitCents" | "closingCreditCents"
      >
    >;
  }>;
}): FinancialStatements {
  const sides: Record<StatementSide, StatementGroup[]> = {
    actif: emptyGroups("actif"),
    passif: emptyGroups("passif"),
    produits: emptyGroups("produits"),
    charges: emptyGroups("charges"),
  };
  const rubricsById = new Map<RubricId, { group: StatementGroup; rubric: StatementRubric }>();
  for (const groups of Object.values(sides)) {
    for (const group of groups) for (const rubric of group.rubrics) rubricsById.set(rubric.id, { group, rubric });
  }
  const unclassified: FinancialStatements["unclassified"] = [];
  let strayOpenings = 0;

  for (const cls of balance.classes) {
    for (const a of cls.accounts) {
      const incomeStatement = accountClass(a.compteNum) === 6 || accountClass(a.compteNum) === 7;
      const closing = a.closingDebitCents - a.closingCreditCents;
      const movement = a.debitCents - a.creditCents;
      // An à-nouveau on a class 6/7 account is unusual: it belongs to no exercice's compte de résultat,
      // but it is part of the books, so it goes with the résultat on the passif.
      if (incomeStatement) strayOpenings += closing - movement;
      const netDebit = incomeStatement ? movement : closing;
      if (netDebit === 0) continue;
      const placement = placementOf(a.compteNum, netDebit);
      const target = placement ? rubricsById.get(placement.rubric) : undefined;
      if (!placement || !target) {
        unclassified.push({ compteNum: a.compteNum, compteLib: a.compteLib, netDebitCents: netDebit });
        continue;
      }
      const amounts = accountAmounts(RUBRIC_SIDE[placement.rubric], placement.depreciation === true, netDebit);
      target.rubric.accounts.push({ compteNum: a.compteNum, compteLib: a.compteLib, ...amounts });
      addInto(target.rubric, amounts);
      addInto(target.group, amounts);
    }
  }

  const total = (side: StatementSide) => sides[side].reduce((n, g) => n + g.netCents, 0);
  const totalProduitsCents = total("produits");
  const totalChargesCents = total("charges");
  const resultatExerciceCents = totalProduitsCents - totalChargesCents;

  // The résultat de l'exercice on the passif: class 12 balances plus the compte de résultat's résultat.
  const resultatNotInAccountsCents = resultatExerciceCents - strayOpenings;
  const resultat = rubricsById.get("resultatExercice");
  if (resultat) {
    const extra = accountAmounts("passif", false, -resultatNotInAccountsCents);
    addInto(resultat.rubric, extra);
    addInto(resultat.group, extra);
  }

  const totalActif = zero();
  for (const g of sides.actif) addInto(totalActif, g);
  const { produits, charges } = sides;
  const resultatExploitationCents =
    groupNet(produits, "produitsExploitation") - groupNet(charges, "chargesExploitation");
  const resultatFinancierCents = groupNet(produits, "produitsFinanciers") - groupNet(charges, "chargesFinancieres");
  const resultatCourantAvantImpotsCents =
    resultatExploitationCents +
    groupNet(produits, "quotesPartsProduits") -
    groupNet(charges, "quotesPartsCharges") +
    resultatFinancierCents;
  const resultatExceptionnelCents =
    groupNet(produits, "produitsExceptionnels") - groupNet(charges, "chargesExceptionnelles");

  return {
    bilan: {
      actif: sides.actif,
      passif: sides.passif,
      totalActif,
      totalPassifCents: total("passif"),
      resultatNotInAccountsCents,
    },
    compteDeResultat: {
      produits,
      charges,
      totalProduitsCents,
      totalChargesCents,
      resultatExploitationCents,
      resultatFinancierCents,
      resultatCourantAvantImpotsCents,
      resultatExceptionnelCents,
      resultatExerciceCents:
        resultatCourantAvantImpotsCents +
        resultatExceptionnelCents -
        rubricNet(charges, "participationSalaries") -
        rubricNet(charges, "impotsBenefices"),
    },
    unclassified,
  };
}

/**
 * The statements of an import at the end of `scope.period`, computed from the exercice's start (pass
 * the exercice's first month as `period.from`; movements before it would count as à-nouveaux).
 */
export function computeFinancialStatements(
  aggregate: LedgerAggregate,
  scope: AccountingScope = {},
): FinancialStatements {
  return statementsFromTrialBalance(computeTrialBalance(aggregate, scope));
}
