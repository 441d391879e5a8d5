import { isoToYmd, monthOf, monthRange, type ExerciceBounds } from "@comptoir/shared";

export type MonthSpan = { from: number; to: number };

/** "2024-03" → 202403. */
export function monthOfQuery(text: string): number {
  return Number(text.slice(0, 4)) * 100 + Number(text.slice(5, 7));
}

export function exerciceMonths(exercice: ExerciceBounds): number[] {
  return monthRange(monthOf(isoToYmd(exercice.start) ?? 0), monthOf(isoToYmd(exercice.end) ?? 0));
}

/** The asked months clamped to the exercice; a reversed range is read the right way round. */
export function resolvePeriod(exercice: ExerciceBounds, from?: string, to?: string): MonthSpan {
  const months = exerciceMonths(exercice);
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  let a = from ? monthOfQuery(from) : first;
  let b = to ? monthOfQuery(to) : last;
  if (a > b) [a, b] = [b, a];
  const f = Math.min(Math.max(first, a), last);
  const t = Math.max(Math.min(last, b), f);
  return { from: f, to: t };
}
