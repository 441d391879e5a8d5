import { z } from "zod";
import { monthOf } from "../fec/date";
import type { FecEntry } from "../fec/entry";

/**
 * What a storage layer keeps per import so that views stay cheap: debit/credit sums per
 * (account, auxiliary account, journal, month, establishment). Balance, key figures, SIG and monthly
 * series are computed from these rows alone; only the grand livre and journals need the lines.
 */
export const accountMonthTotalsSchema = z.object({
  compteNum: z.string(),
  /** "" when the line has no auxiliary account. */
  compAuxNum: z.string(),
  journalCode: z.string(),
  /** yyyymm of EcritureDate. */
  month: z.number().int(),
  /** "" when the file has no CodeEtablissement column or the field is empty. */
  etablissement: z.string(),
  /** Lines of an à-nouveaux journal (see isOpeningJournal): they form the opening balances. */
  opening: z.boolean(),
  debitCents: z.number().int(),
  creditCents: z.number().int(),
  lineCount: z.number().int().nonnegative(),
});
export type AccountMonthTotals = z.infer<typeof accountMonthTotalsSchema>;

export const ledgerAggregateSchema = z.object({
  rows: z.array(accountMonthTotalsSchema),
  accountLabels: z.record(z.string(), z.string()),
  auxiliaryLabels: z.record(z.string(), z.string()),
  journalLabels: z.record(z.string(), z.string()),
});
export type LedgerAggregate = z.infer<typeof ledgerAggregateSchema>;

/** The labels alone: what the line views (grand livre, journaux, balance âgée, exports) show beside the lines. */
export const ledgerLabelsSchema = ledgerAggregateSchema.pick({
  accountLabels: true,
  auxiliaryLabels: true,
  journalLabels: true,
});
export type LedgerLabels = z.infer<typeof ledgerLabelsSchema>;

/** Journal codes commonly used for à-nouveaux (opening) entries. */
export const DEFAULT_OPENING_JOURNAL_CODES: readonly string[] = ["AN", "ANO", "RAN", "ANX", "AN0"];

function normalise(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Opening balances rule: a line is an à-nouveau when its journal is the à-nouveaux journal, i.e. its
 * code is one of `codes` (AN, ANO, RAN… by default) or its label speaks of "à nouveau(x)". We do not
 * treat "dated on the first day of the exercice" as opening on its own: ordinary operations happen on
 * that day too, and the FEC requires the reprise des soldes to be identifiable anyway.
 */
export function isOpeningJournal(
  journalCode: string,
  journalLib: string,
  codes: readonly string[] = DEFAULT_OPENING_JOURNAL_CODES,
): boolean {
  const code = journalCode.trim().toUpperCase();
  if (codes.some((c) => c.toUpperCase() === code)) return true;
  const lib = ` ${normalise(journalLib)} `;
  return lib.includes(" a nouveau") || lib.includes(" anouveau");
}

export type AggregateOptions = { openingJournalCodes?: readonly string[] };

/** A loop, not find(): a closure per lookup would be garbage on the import's hot path. */
function rowOf(slots: readonly AccountMonthTotals[], month: number, etab: string): AccountMonthTotals | undefined {
  for (const row of slots) if (row.month === month && row.etablissement === etab) return row;
  return undefined;
}

/** Streaming builder: feed parser batches with add(), read the aggregate at the end. */
export class LedgerAggregator {
  private readonly rows: AccountMonthTotals[] = [];
  /** account → auxiliary → journal → its rows (a few months × établissements). */
  private readonly tree = new Map<string, Map<string, Map<string, AccountMonthTotals[]>>>();
  private readonly accountLabels: Record<string, string> = {};
  private readonly auxiliaryLabels: Record<string, string> = {};
  private readonly journalLabels: Record<string, string> = {};
  private readonly openingByJournal = new Map<string, boolean>();
  private readonly lastRow = new Map<string, AccountMonthTotals>();

  constructor(private readonly options: AggregateOptions = {}) {}

  /**
   * Adds one line. `label`, when given, supplies the labels instead of the entry: they are read only
   * the first time an account, auxiliary or journal is seen, so a parser need not decode them on
   * every line.
   */
  add(entry: FecEntry, label?: (field: "journalLib" | "compteLib" | "compAuxLib") => string): void {
    let opening = this.openingByJournal.get(entry.journalCode);
    if (opening === undefined) {
      const journalLib = label ? label("journalLib") : entry.journalLib;
      opening = isOpeningJournal(entry.journalCode, journalLib, this.options.openingJournalCodes);
      this.openingByJournal.set(entry.journalCode, opening);
      this.journalLabels[entry.journalCode] = journalLib;
    }
    const aux = entry.compAuxNum ?? "";
    const etab = entry.etablissement ?? "";
    const month = monthOf(entry.date);
    // An account's lines mostly come in runs of the same journal and month (files are sorted by
    // journal and date): its last row usually matches. Otherwise nested maps find the row from the
    // line's strings, which the parser interns: no key to build and hash on every line.
    let row = this.lastRow.get(entry.compteNum);
    if (
      row === undefined ||
      row.journalCode !== entry.journalCode ||
      row.month !== month ||
      row.compAuxNum !== aux ||
      row.etablissement !== etab
    ) {
      const slots = this.slotsOf(entry.compteNum, aux, entry.journalCode);
      row = rowOf(slots, month, etab);
      if (row === undefined) {
        row = {
          compteNum: entry.compteNum,
          compAuxNum: aux,
          journalCode: entry.journalCode,
          month,
          etablissement: etab,
          opening,
          debitCents: 0,
          creditCents: 0,
          lineCount: 0,
        };
        slots.push(row);
        this.rows.push(row);
        if (this.accountLabels[entry.compteNum] === undefined)
          this.accountLabels[entry.compteNum] = label ? label("compteLib") : entry.compteLib;
        if (aux !== "" && this.auxiliaryLabels[aux] === undefined)
          this.auxiliaryLabels[aux] = label ? label("compAuxLib") : (entry.compAuxLib ?? "");
      }
      this.lastRow.set(entry.compteNum, row);
    }
    row.debitCents += entry.debitCents;
    row.creditCents += entry.creditCents;
    row.lineCount++;
  }

  private slotsOf(compteNum: string, aux: string, journalCode: string): AccountMonthTotals[] {
    let byAux = this.tree.get(compteNum);
    if (byAux === undefined) {
      byAux = new Map();
      this.tree.set(compteNum, byAux);
    }
    let byJournal = byAux.get(aux);
    if (byJournal === undefined) {
      byJournal = new Map();
      byAux.set(aux, byJournal);
    }
    let slots = byJournal.get(journalCode);
    if (slots === undefined) {
      slots = [];
      byJournal.set(journalCode, slots);
    }
    return slots;
  }

  addAll(entries: Iterable<FecEntry>): void {
    for (const entry of entries) this.add(entry);
  }

  result(): LedgerAggregate {
    return {
      rows: this.rows.map((r) => ({ ...r })),
      accountLabels: { ...this.accountLabels },
      auxiliaryLabels: { ...this.auxiliaryLabels },
      journalLabels: { ...this.journalLabels },
    };
  }
}

export function aggregateEntries(entries: Iterable<FecEntry>, options: AggregateOptions = {}): LedgerAggregate {
  const aggregator = new LedgerAggregator(options);
  aggregator.addAll(entries);
  return aggregator.result();
}

/** A period of months (yyyymm, inclusive); open ends mean "from the start" / "to the end". */
export type MonthPeriod = { from?: number; to?: number };

/**
 * "Limité à": a contact restricted to some establishments only sees their rows. An undefined list
 * means no restriction.
 */
export type AccountingScope = { period?: MonthPeriod; etablissements?: readonly string[] };

export function rowsInScope(
  rows: readonly AccountMonthTotals[],
  etablissements?: readonly string[],
): AccountMonthTotals[] {
  if (etablissements === undefined) return [...rows];
  const allowed = new Set(etablissements);
  return rows.filter((r) => allowed.has(r.etablissement));
}

/** FEC lines of the rows in scope: what an import of only those établissements' lines would count. */
export function lineCountInScope(aggregate: LedgerAggregate, etablissements?: readonly string[]): number {
  let n = 0;
  for (const row of rowsInScope(aggregate.rows, etablissements)) n += row.lineCount;
  return n;
}

export function entryInScope(entry: FecEntry, etablissements?: readonly string[]): boolean {
  return etablissements === undefined || etablissements.includes(entry.etablissement ?? "");
}

/** Where a row falls for a period: before it (brought forward), in it, or after it. */
export function rowPosition(
  row: { month: number; opening: boolean },
  period: MonthPeriod = {},
): "before" | "in" | "after" {
  if (row.opening) return "before";
  if (period.to !== undefined && row.month > period.to) return "after";
  if (period.from !== undefined && row.month < period.from) return "before";
  return "in";
}
