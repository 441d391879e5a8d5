/** Exercice dates as ISO days; `fiscalYearEnd` is the dossier's `MM-DD` closing. */

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The closing day in a given year: 29 February falls back to the 28th in common years. */
export function closingIn(year: number, fiscalYearEnd: string): string {
  const [m = 12, d = 31] = fiscalYearEnd.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return iso(year, m, Math.min(d, last));
}

/** The day after an ISO day. */
export function nextDay(day: string): string {
  const [y = 1970, m = 1, d = 1] = day.split("-").map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return iso(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

export interface ExerciceDates {
  start: string;
  end: string;
}

/**
 * The last closed exercice on `today` (ISO): it ended on the latest closing strictly before today and
 * began the day after the closing before it. That is the exercice a firm usually exports the FEC for.
 */
export function lastClosedExercice(fiscalYearEnd: string, today: string): ExerciceDates {
  const year = Number(today.slice(0, 4));
  const end =
    closingIn(year, fiscalYearEnd) < today ? closingIn(year, fiscalYearEnd) : closingIn(year - 1, fiscalYearEnd);
  const endYear = Number(end.slice(0, 4));
  return { start: nextDay(closingIn(endYear - 1, fiscalYearEnd)), end };
}

/** Today in Paris, ISO: the firm's calendar decides which exercice is closed. */
export function parisToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}

/** A start no later than the end and at most 24 months apart (an exercice lasts 12 months, 24 at most). */
export function isPlausibleExercice(dates: ExerciceDates): boolean {
  const ok = /^\d{4}-\d{2}-\d{2}$/;
  if (!ok.test(dates.start) || !ok.test(dates.end) || dates.start > dates.end) return false;
  const [sy = 0, sm = 0] = dates.start.split("-").map(Number);
  const [ey = 0, em = 0] = dates.end.split("-").map(Number);
  return (ey - sy) * 12 + (em - sm) < 24;
}
