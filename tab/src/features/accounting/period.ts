import type { AccountingExercice } from "@comptoir/shared/api/accounting";
import { clampMonthRange, isWholeExercice, monthKey, type MonthRange } from "./months";
import type { PeriodParams } from "./useAccounting";

/** The query of a view for an exercice and a month range; the months are left out when it is the whole exercice. */
export function periodParams(exercice: AccountingExercice, range: MonthRange | null): PeriodParams {
  const clamped = range ? clampMonthRange(exercice.months, range) : null;
  if (!clamped || isWholeExercice(exercice.months, clamped)) return { exercice: exercice.id };
  return { exercice: exercice.id, from: monthKey(clamped.from), to: monthKey(clamped.to) };
}
