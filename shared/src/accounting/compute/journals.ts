import { isoToYmd } from "../fec/date";
import type { FecEntry } from "../fec/entry";
import { entryInScope } from "./aggregate";
import { naturalCompare, pageInfo, type AccountingPageInfo, type AccountingPageRequest } from "./paging";

export type JournalLine = {
  line: number;
  compteNum: string;
  compteLib: string;
  compAuxNum?: string;
  compAuxLib?: string;
  ecritureLib: string;
  debitCents: number;
  creditCents: number;
  ecritureLet?: string;
};

export type JournalEcriture = {
  ecritureNum: string;
  date: number;
  pieceRef: string;
  pieceDate?: number;
  /** Label of the first line: usually the operation's label. */
  ecritureLib: string;
  debitCents: number;
  creditCents: number;
  lines: JournalLine[];
};

export type JournalSection = {
  journalCode: string;
  journalLib: string;
  ecritureCount: number;
  totalDebitCents: number;
  totalCreditCents: number;
  /** Only the écritures that fall on the requested page. */
  ecritures: JournalEcriture[];
};

export type JournalsPage = AccountingPageInfo & { totalEcritures: number; journals: JournalSection[] };

export type JournalsOptions = AccountingPageRequest & {
  journalCode?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  etablissements?: readonly string[];
};

/**
 * Journaux: per journal (code order), écritures grouped by EcritureNum (lines of one écriture need not
 * be contiguous in the file), ordered by date then number. Paging counts écritures across journals.
 */
export function journalsPage(entries: Iterable<FecEntry>, options: JournalsOptions = {}): JournalsPage {
  const from = options.from ? (isoToYmd(options.from) ?? 0) : 0;
  const to = options.to ? (isoToYmd(options.to) ?? 99999999) : 99999999;
  type Group = { journalLib: string; ecritures: Map<string, FecEntry[]>; debit: number; credit: number };
  const groups = new Map<string, Group>();
  for (const e of entries) {
    if (options.journalCode !== undefined && e.journalCode !== options.journalCode) continue;
    if (!entryInScope(e, options.etablissements) || e.date < from || e.date > to) continue;
    let group = groups.get(e.journalCode);
    if (group === undefined) {
      group = { journalLib: e.journalLib, ecritures: new Map(), debit: 0, credit: 0 };
      groups.set(e.journalCode, group);
    }
    const lines = group.ecritures.get(e.ecritureNum);
    if (lines === undefined) group.ecritures.set(e.ecritureNum, [e]);
    else lines.push(e);
    group.debit += e.debitCents;
    group.credit += e.creditCents;
  }
  const codes = [...groups.keys()].sort(naturalCompare);
  const ordered = codes.map((code) => {
    const group = groups.get(code);
    const list = group ? [...group.ecritures.entries()] : [];
    const sorted = list
      .map(([num, lines]) => ({ num, lines: lines.sort((a, b) => a.line - b.line) }))
      .sort((a, b) => (a.lines[0]?.date ?? 0) - (b.lines[0]?.date ?? 0) || naturalCompare(a.num, b.num));
    return { code, group, sorted };
  });
  const totalEcritures = ordered.reduce((n, j) => n + j.sorted.length, 0);
  const info = pageInfo(options, totalEcritures);
  const sections: JournalSection[] = [];
  let offset = 0;
  for (const { code, group, sorted } of ordered) {
    const start = offset;
    offset += sorted.length;
    if (group === undefined || offset <= info.first || start >= info.last) continue;
    const shown = sorted.slice(Math.max(0, info.first - start), info.last - start);
    sections.push({
      journalCode: code,
      journalLib: group.journalLib,
      ecritureCount: sorted.length,
      totalDebitCents: group.debit,
      totalCreditCents: group.credit,
      ecritures: shown.map(({ num, lines }) => {
        const first = lines[0];
        return {
          ecritureNum: num,
          date: first?.date ?? 0,
          pieceRef: first?.pieceRef ?? "",
          pieceDate: first?.pieceDate,
          ecritureLib: first?.ecritureLib ?? "",
          debitCents: lines.reduce((n, l) => n + l.debitCents, 0),
          creditCents: lines.reduce((n, l) => n + l.creditCents, 0),
          lines: lines.map((l) => ({
            line: l.line,
            compteNum: l.compteNum,
            compteLib: l.compteLib,
            compAuxNum: l.compAuxNum,
            compAuxLib: l.compAuxLib,
            ecritureLib: l.ecritureLib,
            debitCents: l.debitCents,
            creditCents: l.creditCents,
            ecritureLet: l.ecritureLet,
          })),
        };
      }),
    });
  }
  return { page: info.page, pageSize: info.pageSize, pageCount: info.pageCount, totalEcritures, journals: sections };
}
