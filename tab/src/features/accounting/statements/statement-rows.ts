import type { RubricId, StatementGroupId } from "@comptoir/shared/accounting/compute/statements-rubrics";
import type { FinancialStatementsDto } from "@comptoir/shared/api/accounting-statements";

export type StatementSide = "actif" | "passif" | "produits" | "charges";
export type Amounts = { grossCents: number; depreciationCents: number; netCents: number };

/** An account under its rubric, with its N-1 net when N-1 had it in the same rubric. */
export type AccountRow = { compteNum: string; compteLib: string; current: Amounts | null; previousNet: number | null };
export type RubricRow = {
  id: RubricId;
  current: Amounts;
  previousNet: number | null;
  accounts: AccountRow[];
  /** The résultat de l'exercice's part that no class 12 account holds (produits − charges). */
  fromIncomeStatement: { current: number; previous: number | null } | null;
};
export type GroupRows = { id: StatementGroupId; rubrics: RubricRow[]; total: Amounts; previousNet: number | null };
export type ResultId = "exploitation" | "financier" | "courantAvantImpots" | "exceptionnel" | "exercice";

function groupsOf(s: FinancialStatementsDto, side: StatementSide) {
  return side === "actif" || side === "passif" ? s.bilan[side] : s.compteDeResultat[side];
}

/**
 * One side of a statement laid out for a table: N's groups and rubrics in the PCG's order, each with
 * its N-1 net; a rubric's accounts are N's and N-1's together, by number, so that an account emptied
 * this year still shows last year's figure.
 */
export function sideRows(
  current: FinancialStatementsDto,
  previous: FinancialStatementsDto | null,
  side: StatementSide,
): GroupRows[] {
  const prevGroups = previous ? groupsOf(previous, side) : [];
  const prevRubrics = new Map(prevGroups.flatMap((g) => g.rubrics).map((r) => [r.id, r]));
  return groupsOf(current, side).map((g) => ({
    id: g.id,
    total: g,
    previousNet: previous ? (prevGroups.find((p) => p.id === g.id)?.netCents ?? 0) : null,
    rubrics: g.rubrics.map((r): RubricRow => {
      const prev = prevRubrics.get(r.id);
      const numbers = [...new Set([...r.accounts, ...(prev?.accounts ?? [])].map((a) => a.compteNum))].sort();
      return {
        id: r.id,
        current: r,
        previousNet: previous ? (prev?.netCents ?? 0) : null,
        accounts: numbers.map((compteNum) => {
          const now = r.accounts.find((a) => a.compteNum === compteNum) ?? null;
          const before = prev?.accounts.find((a) => a.compteNum === compteNum) ?? null;
          return {
            compteNum,
            compteLib: now?.compteLib || before?.compteLib || "",
            current: now,
            previousNet: previous ? (before?.netCents ?? 0) : null,
          };
        }),
        fromIncomeStatement:
          r.id === "resultatExercice"
            ? {
                current: current.bilan.resultatNotInAccountsCents,
                previous: previous ? previous.bilan.resultatNotInAccountsCents : null,
              }
            : null,
      };
    }),
  }));
}

/** The compte de résultat's intermediate results, N and N-1. */
export function resultRows(
  current: FinancialStatementsDto,
  previous: FinancialStatementsDto | null,
): Array<{ id: ResultId; current: number; previous: number | null }> {
  const pick = (s: FinancialStatementsDto, id: ResultId) => {
    const cr = s.compteDeResultat;
    switch (id) {
      case "exploitation":
        return cr.resultatExploitationCents;
      case "financier":
        return cr.resultatFinancierCents;
      case "courantAvantImpots":
        return cr.resultatCourantAvantImpotsCents;
      case "exceptionnel":
        return cr.resultatExceptionnelCents;
      case "exercice":
        return cr.resultatExerciceCents;
    }
  };
  const ids: ResultId[] = ["exploitation", "financier", "courantAvantImpots", "exceptionnel", "exercice"];
  return ids.map((id) => ({ id, current: pick(current, id), previous: previous ? pick(previous, id) : null }));
}

/** Whether the statements hold nothing at all: no account of classes 1–7 has a balance. */
export function isEmptyStatements(s: FinancialStatementsDto): boolean {
  const all = [...s.bilan.actif, ...s.bilan.passif, ...s.compteDeResultat.produits, ...s.compteDeResultat.charges];
  return all.every((g) => g.rubrics.every((r) => r.accounts.length === 0)) && s.bilan.resultatNotInAccountsCents === 0;
}
