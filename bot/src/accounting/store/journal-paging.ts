import { naturalCompare } from "@comptoir/shared/accounting/compute/paging";
import type { JournalIndex } from "./store";

/**
 * What the import notes of a journal bucket so that a journal page reads only the segments holding its
 * écritures (the ledger's segment skipping, for écritures): whether the bucket's écritures come in
 * display order (date of their first line, then number, as the journal reader sorts them), and per
 * segment the écritures starting in it and the lines at its start that continue an earlier one.
 */
export type JournalPaging = {
  sorted: boolean;
  lastDate: number;
  lastNum: string;
  starts: number[];
  leads: number[];
};

/** lastDate -1: no écriture yet (dates are yyyymmdd). */
export const newJournalPaging = (): JournalPaging => ({
  sorted: true,
  lastDate: -1,
  lastNum: "",
  starts: [],
  leads: [],
});

const DIGITS = /^[0-9]+$/;

/** naturalCompare(a, b) > 0, with plain string order for numbers of the same length (most FECs' numbers). */
function after(a: string, b: string): boolean {
  if (a.length === b.length && DIGITS.test(a) && DIGITS.test(b)) return a > b;
  return naturalCompare(a, b) > 0;
}

/**
 * Counts one line of the bucket, just stored in its `segment`-th segment: `newRun` when it starts an
 * écriture, numbered `num`. Écritures must come strictly after one another: an equal key would let the
 * reader's sort and grouping differ from the file's order, so the bucket is then read whole.
 */
export function countJournalLine(p: JournalPaging, segment: number, newRun: boolean, date: number, num: string): void {
  while (p.starts.length <= segment) {
    p.starts.push(0);
    p.leads.push(0);
  }
  if (newRun) {
    if (date < p.lastDate || (date === p.lastDate && !after(num, p.lastNum))) p.sorted = false;
    p.lastDate = date;
    p.lastNum = num;
    p.starts[segment] = (p.starts[segment] ?? 0) + 1;
  } else if (p.starts[segment] === 0) p.leads[segment] = (p.leads[segment] ?? 0) + 1;
}

/** The index entry of a bucket stored in display order (undefined otherwise). */
export function journalPagingEntry(
  month: number,
  p: JournalPaging,
): NonNullable<JournalIndex["paging"]>[number] | undefined {
  return p.sorted ? [month, p.starts, p.leads] : undefined;
}
