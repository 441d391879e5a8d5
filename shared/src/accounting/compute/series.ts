import { isoToYmd, monthOf, monthRange } from "../fec/date";
import { rowsInScope, type LedgerAggregate } from "./aggregate";
import { accountClass } from "./pcg";

export type MonthValues = {
  /** yyyymm */
  month: number;
  caCents: number;
  resultatCents: number;
  /** Class 5 net debit balance at the end of the month, à-nouveaux included. */
  tresorerieCents: number;
  caCumulCents: number;
  resultatCumulCents: number;
};
export type MonthlyPoint = MonthValues & { previous?: MonthValues };

export type ExerciceBounds = { start: string; end: string };

function monthsOf(exercice: ExerciceBounds): number[] {
  const start = isoToYmd(exercice.start);
  const end = isoToYmd(exercice.end);
  if (start === null || end === null || end < start) throw new RangeError("Invalid exercice bounds");
  return monthRange(monthOf(start), monthOf(end));
}

function series(
  aggregate: LedgerAggregate,
  exercice: ExerciceBounds,
  etablissements?: readonly string[],
): MonthValues[] {
  const months = monthsOf(exercice);
  const first = months[0] ?? 0;
  const ca = new Map<number, number>();
  const resultat = new Map<number, number>();
  const cash = new Map<number, number>();
  let cashBefore = 0;
  for (const row of rowsInScope(aggregate.rows, etablissements)) {
    const net = row.debitCents - row.creditCents;
    const cls = accountClass(row.compteNum);
    if (cls === 5) {
      if (row.opening || row.month < first) cashBefore += net;
      else cash.set(row.month, (cash.get(row.month) ?? 0) + net);
    }
    if (row.opening) continue;
    if (cls === 6 || cls === 7) resultat.set(row.month, (resultat.get(row.month) ?? 0) - net);
    if (row.compteNum.startsWith("70")) ca.set(row.month, (ca.get(row.month) ?? 0) - net);
  }
  let tresorerie = cashBefore;
  let caCumul = 0;
  let resultatCumul = 0;
  return months.map((month) => {
    const caCents = ca.get(month) ?? 0;
    const resultatCents = resultat.get(month) ?? 0;
    tresorerie += cash.get(month) ?? 0;
    caCumul += caCents;
    resultatCumul += resultatCents;
    return {
      month,
      caCents,
      resultatCents,
      tresorerieCents: tresorerie,
      caCumulCents: caCumul,
      resultatCumulCents: resultatCumul,
    };
  });
}

/**
 * CA, résultat and trésorerie month by month over the exercice. With `previous`, each month carries
 * the same-rank month of the N-1 exercice (month 1 with month 1…), which also works for exercices
 * that do not follow the calendar year or differ in length (missing months are left out).
 */
export function monthlySeries(
  aggregate: LedgerAggregate,
  exercice: ExerciceBounds,
  options: {
    etablissements?: readonly string[];
    previous?: { aggregate: LedgerAggregate; exercice: ExerciceBounds };
  } = {},
): MonthlyPoint[] {
  const current = series(aggregate, exercice, options.etablissements);
  const prev = options.previous;
  if (!prev) return current;
  const before = series(prev.aggregate, prev.exercice, options.etablissements);
  return current.map((point, i) => {
    const previous = before[i];
    return previous ? { ...point, previous } : point;
  });
}
