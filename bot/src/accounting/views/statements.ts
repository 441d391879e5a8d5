import { AppError, computeFinancialStatements, type Principal } from "@comptoir/shared";
import type { AccountingStatements, StatementsQuery } from "@comptoir/shared/api/accounting-statements";
import type { AccountingAccess } from "../access";
import type { AccountingDeps } from "../deps";
import type { ExercicePointer } from "../store/store";
import { exerciceMonths, resolvePeriod, type MonthSpan } from "./period";
import { previousOf, samePeriodIn, versionOf, visiblePointers } from "./service";

/** From the exercice's first month to the asked closing month: a bilan is a position, not a period. */
function fromOpening(pointer: ExercicePointer, period: MonthSpan): MonthSpan {
  return { from: exerciceMonths(pointer)[0] ?? period.from, to: period.to };
}

/**
 * Bilan and compte de résultat at the end of the asked month, beside the same month of N-1 when that
 * exercice is imported (the synthèse's lookup). Computed from the stored aggregate rows, restricted to
 * the client's établissements under *Limité à*, as the balance is.
 */
export async function statementsView(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  query: Pick<StatementsQuery, "exercice" | "from" | "to">,
): Promise<AccountingStatements> {
  const pointers = await visiblePointers(acc, principal.tenantId, access);
  const pointer = query.exercice ? pointers.find((p) => p.end === query.exercice) : pointers[0];
  if (!pointer) throw new AppError("ACCOUNTING_EXERCICE_NOT_FOUND");
  const period = fromOpening(pointer, resolvePeriod(pointer, query.from, query.to));
  const etablissements = access.etablissements ? { etablissements: access.etablissements } : {};
  const prevPointer = previousOf(pointers, pointer);
  const prevSpan = prevPointer ? samePeriodIn(pointer, period, prevPointer) : null;
  const [aggregate, prevAggregate] = await Promise.all([
    acc.store.readAggregate(versionOf(access, principal.tenantId, pointer)),
    prevPointer && prevSpan ? acc.store.readAggregate(versionOf(access, principal.tenantId, prevPointer)) : null,
  ]);
  const prevPeriod = prevPointer && prevSpan ? fromOpening(prevPointer, prevSpan) : null;
  return {
    exercice: { id: pointer.end, start: pointer.start, end: pointer.end, importId: pointer.importId },
    period,
    restricted: access.etablissements !== undefined,
    statements: computeFinancialStatements(aggregate, { period, ...etablissements }),
    previousStatements:
      prevAggregate && prevPeriod
        ? computeFinancialStatements(prevAggregate, { period: prevPeriod, ...etablissements })
        : null,
    previous:
      prevPointer && prevPeriod
        ? { id: prevPointer.end, start: prevPointer.start, end: prevPointer.end, period: prevPeriod }
        : null,
  };
}
