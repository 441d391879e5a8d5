import { daysInMonth, isoToYmd, ymdToIso } from "./date";
import { parseFecFileName } from "./filename";

export interface ExerciceBounds {
  start: string;
  end: string;
}

/** The closing day `MM-DD` in `year` (29 February falls back to the 28th), as yyyymmdd. */
function closingIn(year: number, fiscalYearEnd: string): number {
  const [month = 12, day = 31] = fiscalYearEnd.split("-").map(Number);
  return year * 10000 + month * 100 + Math.min(day, daysInMonth(year, month));
}

function dayAfter(ymd: number): number {
  const d = new Date(Date.UTC(Math.floor(ymd / 10000), (Math.floor(ymd / 100) % 100) - 1, (ymd % 100) + 1));
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

const monthsBetween = (from: number, to: number) =>
  (Math.floor(to / 10000) - Math.floor(from / 10000)) * 12 +
  ((Math.floor(to / 100) % 100) - (Math.floor(from / 100) % 100));

/**
 * The exercice of a FEC found in a dossier's intake folder, where no one is there to type it:
 * - its end is the closing date of the file's name (SirenFECAAAAMMJJ, article A.47 A-1); a file named
 *   otherwise ends at the dossier's first closing on or after its last EcritureDate;
 * - it starts the day after the closing a year earlier, or at its first EcritureDate when that is earlier
 *   (a first exercice may run up to 24 months).
 * Null when neither the name nor the dates tell.
 */
export function intakeExercice(input: {
  fileName: string;
  fiscalYearEnd: string;
  firstDate: number | null;
  lastDate: number | null;
}): ExerciceBounds | null {
  const named = parseFecFileName(input.fileName);
  let end: number | null = named ? isoToYmd(named.closingDate) : null;
  if (end === null && input.lastDate !== null) {
    const year = Math.floor(input.lastDate / 10000);
    end = closingIn(year, input.fiscalYearEnd);
    if (end < input.lastDate) end = closingIn(year + 1, input.fiscalYearEnd);
  }
  if (end === null) return null;
  const monthDay = `${String(Math.floor(end / 100) % 100).padStart(2, "0")}-${String(end % 100).padStart(2, "0")}`;
  let start = dayAfter(closingIn(Math.floor(end / 10000) - 1, monthDay));
  if (input.firstDate !== null && input.firstDate < start && monthsBetween(input.firstDate, end) < 24) {
    start = input.firstDate;
  }
  return { start: ymdToIso(start), end: ymdToIso(end) };
}
