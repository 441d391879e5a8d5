import { isoToYmd } from "../fec/date";
import type { FecEntry } from "../fec/entry";
import { DEFAULT_OPENING_JOURNAL_CODES, entryInScope, isOpeningJournal } from "./aggregate";
import { pageInfo, type AccountingPageInfo, type AccountingPageRequest } from "./paging";

export type LedgerLine = {
  line: number;
  date: number;
  journalCode: string;
  ecritureNum: string;
  pieceRef: string;
  ecritureLib: string;
  debitCents: number;
  creditCents: number;
  /** Running balance (debit − credit) after this line, brought-forward balance included. */
  balanceCents: number;
  ecritureLet?: string;
  dateLet?: number;
  /** True when all lines of this account carrying the same letter sum to zero (fully lettered). */
  letterBalanced?: boolean;
};

export type LedgerAccount = {
  compteNum: string;
  compteLib: string;
  compAuxNum?: string;
  compAuxLib?: string;
  /** Balance of the lines before the period (à-nouveaux are listed as lines, not brought forward). */
  broughtForwardCents: number;
  totalDebitCents: number;
  totalCreditCents: number;
  closingBalanceCents: number;
  lineCount: number;
  /** Running balance before the first line shown on this page. */
  balanceBeforePageCents: number;
  /** Only the lines that fall on the requested page. */
  lines: LedgerLine[];
};

export type GeneralLedgerPage = AccountingPageInfo & { totalLines: number; accounts: LedgerAccount[] };

export type GeneralLedgerOptions = AccountingPageRequest & {
  /** Keeps accounts whose number starts with this prefix. */
  compteNum?: string;
  /** "auxiliary": one section per (account, auxiliary account), the grand livre auxiliaire. */
  groupBy?: "account" | "auxiliary";
  compAuxNum?: string;
  /** ISO dates; lines before `from` are brought forward, lines after `to` ignored. */
  from?: string;
  to?: string;
  etablissements?: readonly string[];
  unletteredOnly?: boolean;
  openingJournalCodes?: readonly string[];
};

/**
 * Grand livre from the lines of one import: accounts in number order, lines by date then file order,
 * with the running balance and lettering. Paging counts lines across accounts, so a page may hold the
 * end of one account and the start of the next.
 */
export function generalLedgerPage(entries: Iterable<FecEntry>, options: GeneralLedgerOptions = {}): GeneralLedgerPage {
  const from = options.from ? (isoToYmd(options.from) ?? 0) : 0;
  const to = options.to ? (isoToYmd(options.to) ?? 99999999) : 99999999;
  const byAux = options.groupBy === "auxiliary";
  const codes = options.openingJournalCodes ?? DEFAULT_OPENING_JOURNAL_CODES;
  type Section = { head: FecEntry; before: number; lines: FecEntry[]; letters: Map<string, number> };
  const sections = new Map<string, Section>();
  const openingByJournal = new Map<string, boolean>();
  const opening = (e: FecEntry): boolean => {
    let known = openingByJournal.get(e.journalCode);
    if (known === undefined) {
      known = isOpeningJournal(e.journalCode, e.journalLib, codes);
      openingByJournal.set(e.journalCode, known);
    }
    return known;
  };
  for (const e of entries) {
    if (options.compteNum !== undefined && !e.compteNum.startsWith(options.compteNum)) continue;
    if (options.compAuxNum !== undefined && e.compAuxNum !== options.compAuxNum) continue;
    if (!entryInScope(e, options.etablissements) || e.date > to) continue;
    const key = byAux ? `${e.compteNum}\u0001${e.compAuxNum ?? ""}` : e.compteNum;
    let section = sections.get(key);
    if (section === undefined) {
      section = { head: e, before: 0, lines: [], letters: new Map() };
      sections.set(key, section);
    }
    if (e.date < from && !opening(e)) {
      section.before += e.debitCents - e.creditCents;
      continue;
    }
    section.lines.push(e);
    if (e.ecritureLet) {
      section.letters.set(e.ecritureLet, (section.letters.get(e.ecritureLet) ?? 0) + e.debitCents - e.creditCents);
    }
  }
  const keys = [...sections.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ordered: Section[] = [];
  for (const key of keys) {
    const section = sections.get(key);
    if (section === undefined) continue;
    section.lines.sort((a, b) => a.date - b.date || a.line - b.line);
    if (options.unletteredOnly) section.lines = section.lines.filter((l) => !l.ecritureLet);
    // Accounts without any line in the period only matter to the balance, not to the grand livre.
    if (section.lines.length > 0) ordered.push(section);
  }
  const totalLines = ordered.reduce((n, s) => n + s.lines.length, 0);
  const info = pageInfo(options, totalLines);
  const accounts: LedgerAccount[] = [];
  let offset = 0;
  for (const section of ordered) {
    const start = offset;
    offset += section.lines.length;
    const visible = offset > info.first && start < info.last;
    let balance = section.before;
    let debit = 0;
    let credit = 0;
    let balanceBeforePage = balance;
    const lines: LedgerLine[] = [];
    section.lines.forEach((e, i) => {
      if (start + i === info.first || (i === 0 && start >= info.first)) balanceBeforePage = balance;
      balance += e.debitCents - e.creditCents;
      debit += e.debitCents;
      credit += e.creditCents;
      if (start + i < info.first || start + i >= info.last) return;
      lines.push({
        line: e.line,
        date: e.date,
        journalCode: e.journalCode,
        ecritureNum: e.ecritureNum,
        pieceRef: e.pieceRef,
        ecritureLib: e.ecritureLib,
        debitCents: e.debitCents,
        creditCents: e.creditCents,
        balanceCents: balance,
        ecritureLet: e.ecritureLet,
        dateLet: e.dateLet,
        letterBalanced: e.ecritureLet ? section.letters.get(e.ecritureLet) === 0 : undefined,
      });
    });
    if (!visible) continue;
    const head = section.head;
    accounts.push({
      compteNum: head.compteNum,
      compteLib: head.compteLib,
      compAuxNum: byAux ? head.compAuxNum : undefined,
      compAuxLib: byAux ? head.compAuxLib : undefined,
      broughtForwardCents: section.before,
      totalDebitCents: debit,
      totalCreditCents: credit,
      closingBalanceCents: balance,
      lineCount: section.lines.length,
      balanceBeforePageCents: balanceBeforePage,
      lines,
    });
  }
  return { page: info.page, pageSize: info.pageSize, pageCount: info.pageCount, totalLines, accounts };
}
