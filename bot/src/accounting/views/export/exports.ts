import { AppError, type Locale, type Principal, searchable } from "@comptoir/shared";
import { XLSX_MAX_ROWS, type AccountingExportFormat, type AccountingExportView } from "@comptoir/shared/api/accounting";
import type { Turns } from "../../../lib/turns";
import { scopeSet, type AccountingAccess } from "../../access";
import { AUX_LEDGER_BLOB } from "../../store/aux-ledger";
import { readAuxLedger } from "../../store/aux-ledger-read";
import type { BucketBatchReader, CopyBlob, LeanReading } from "../../store/entry-records";
import { journalEcritures, journalReader, matchesJournalSearch } from "../journal-reader";
import { indexedSearchExport, queryWords } from "../journal-search";
import { auxiliaryReading, eachAccountLine, ledgerReader, matchesLedgerSearch } from "../ledger-reader";
import type { AccountingDeps } from "../../deps";
import { balanceView, viewedImport } from "../service";
import { EXPORT_TEXT, exportColumns, say } from "./columns";
import type { CellValue, TableWriter } from "./table-writer";

export type ExportQuery = {
  exercice?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  account?: string | undefined;
  aux?: string | undefined;
  lettering?: "all" | "unlettered" | undefined;
  journal?: string | undefined;
};

/**
 * How an export reads the stored lines: a whole grand livre is ordered by account while the lines are
 * stored in file order, so the records are sorted out into batches of 16 MiB in one pass over the frames
 * (a temporary file holds the batches, see BucketBatchReader.lean). 16 MiB batches and 2 × 4 frames in
 * flight keep one export near 110 MB of RSS at peak (64 MiB and 3 × 16 took about 250 MB, and seconds
 * of the event loop).
 */
function exportReading(turns: Turns): LeanReading {
  return { batchBytes: 16 * 1024 * 1024, framesPerRead: 4, readsInFlight: 2, turns };
}

/** A resolved export: its file name, an upper bound of its rows, and how to write it. */
export type PreparedExport = {
  fileName: string;
  sheetName: string;
  maxRows: number;
  write(writer: TableWriter): Promise<void>;
};

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 40) || "dossier";
}

/**
 * Resolves the exercice and the caller's scope, then returns the export ready to stream. XLSX is
 * refused (ACCOUNTING_EXPORT_TOO_LARGE) before the first byte when the rows could pass Excel's limit.
 */
export async function prepareExport(
  acc: AccountingDeps,
  principal: Principal,
  access: AccountingAccess,
  view: AccountingExportView,
  format: AccountingExportFormat,
  query: ExportQuery,
  locale: Locale,
  turns: Turns,
): Promise<PreparedExport> {
  const { pointer, period, v } = await viewedImport(acc, principal, access, query);
  const scope = scopeSet(access);
  const labels = await acc.store.readLabels(v);
  const q = query.q ? searchable(query.q) : "";
  let prepared: Omit<PreparedExport, "fileName" | "sheetName">;

  if (view === "balance") {
    const { balance } = await balanceView(acc, principal, access, { ...query, exercice: pointer.end });
    const rows = balance.classes.reduce(
      (n, c) => n + 1 + c.accounts.reduce((m, a) => m + 1 + a.auxiliaries.length, 0),
      1,
    );
    prepared = {
      maxRows: rows,
      async write(writer) {
        await writer.start(exportColumns.balance(locale));
        for (const cls of balance.classes) {
          for (const a of cls.accounts) {
            await writer.row([cls.classNumber, a.compteNum, a.compteLib, "", "", ...amounts(a)]);
            for (const x of a.auxiliaries)
              await writer.row([cls.classNumber, a.compteNum, a.compteLib, x.compAuxNum, x.compAuxLib, ...amounts(x)]);
          }
          await writer.row([
            cls.classNumber,
            "",
            `${say(EXPORT_TEXT.classTotal, locale)} ${cls.classNumber}`,
            "",
            "",
            ...amounts(cls),
          ]);
        }
        await writer.row(["", "", say(EXPORT_TEXT.grandTotal, locale), "", "", ...amounts(balance)]);
        await writer.end();
      },
    };
  } else if (view === "grand-livre") {
    // One auxiliary's lines come from the auxiliaries' copy once it is built (aux-ledger.ts).
    const copy = query.aux ? await readAuxLedger(acc.store, v, query.aux, query.account ?? "") : null;
    const blob: CopyBlob = copy === null ? "lines" : AUX_LEDGER_BLOB;
    const indexes = copy ?? (await acc.store.readLedgerIndex(v, query.account ?? ""));
    const inPeriod = (m: number) => m === 0 || (m >= period.from && m <= period.to);
    const maxRows =
      1 +
      indexes.reduce(
        (n, i) =>
          n +
          1 +
          i.buckets
            .filter((b) => inPeriod(b[0]))
            .reduce((m, b) => m + b[3].reduce((k, s) => k + (scope === undefined || scope.has(s[0]) ? s[1] : 0), 0), 0),
        0,
      );
    prepared = {
      maxRows,
      async write(writer) {
        await writer.start(exportColumns.grandLivre(locale));
        const accountQuery = auxiliaryReading({ ...(query.aux ? { aux: query.aux } : {}), period, scope }, blob);
        const reader = ledgerReader(acc.store, v, indexes, accountQuery, blob).lean(exportReading(turns));
        try {
          await writeLedger(reader);
        } finally {
          await reader.close();
        }
        await writer.end();
        async function writeLedger(reader: BucketBatchReader): Promise<void> {
          const cells: CellValue[] = new Array<CellValue>(12).fill("");
          for (const index of indexes) {
            const lib = labels.accountLabels[index.compteNum] ?? "";
            const { broughtForward, each } = await eachAccountLine(index, accountQuery, reader);
            let balance = broughtForward;
            let wroteForward = false;
            // Synchronous unless a row went to the sink: a promise per line was a good part of the export's CPU.
            await each((r) => {
              let flushed: Promise<void> | undefined;
              if (!wroteForward && broughtForward !== 0) {
                flushed = writer.row([
                  index.compteNum,
                  lib,
                  null,
                  "",
                  "",
                  "",
                  say(EXPORT_TEXT.broughtForward, locale),
                  "",
                  null,
                  null,
                  broughtForward,
                  "",
                ]);
              }
              wroteForward = true;
              balance += r.debitCents - r.creditCents;
              if (query.lettering === "unlettered" && r.ecritureLet) return flushed;
              if (q && !matchesLedgerSearch(r, q, searchable)) return flushed;
              // One array for every line: a writer reads the cells before row() returns (see TableWriter).
              cells[0] = index.compteNum;
              cells[1] = lib;
              cells[2] = r.date;
              cells[3] = r.journalCode;
              cells[4] = r.ecritureNum;
              cells[5] = r.pieceRef;
              cells[6] = r.ecritureLib;
              cells[7] = r.compAuxNum ?? "";
              cells[8] = r.debitCents;
              cells[9] = r.creditCents;
              cells[10] = balance;
              cells[11] = r.ecritureLet ?? "";
              return flushed ? flushed.then(() => writer.row(cells)) : writer.row(cells);
            });
          }
        }
      },
    };
  } else {
    const indexes = (await acc.store.readJournalIndex(v)).filter(
      (i) => query.journal === undefined || i.journalCode === query.journal,
    );
    const maxRows =
      1 +
      indexes.reduce(
        (n, i) =>
          n +
          i.buckets
            .filter((b) => b[0] >= period.from && b[0] <= period.to)
            .reduce((m, b) => m + b[4].reduce((k, s) => k + (scope === undefined || scope.has(s[0]) ? s[2] : 0), 0), 0),
        0,
      );
    prepared = {
      maxRows,
      async write(writer) {
        await writer.start(exportColumns.journaux(locale));
        // With a search, the import's search index gives the matches (journal-search.ts); without one, a scan.
        const words = queryWords(q);
        const searched =
          words.length > 0
            ? await indexedSearchExport(acc.store, v, labels, { journals: indexes, period, scope, words })
            : null;
        const reader = journalReader(acc.store, v, indexes, { period, scope }).lean(exportReading(turns));
        try {
          await writeJournals(reader);
        } finally {
          await reader.close();
        }
        await writer.end();
        async function writeJournals(reader: BucketBatchReader): Promise<void> {
          for (const index of indexes) {
            const journalLib = labels.journalLabels[index.journalCode] ?? "";
            const ecritures =
              searched?.ecrituresOf(index.journalCode) ??
              journalEcritures(acc.store, v, index, { period, scope }, reader);
            for await (const e of ecritures) {
              if (q && !searched && !matchesJournalSearch(e, q, labels)) continue;
              for (const l of e.lines) {
                const flushed = writer.row([
                  index.journalCode,
                  journalLib,
                  l.date,
                  e.ecritureNum,
                  l.pieceRef,
                  l.pieceDate ?? null,
                  l.compteNum,
                  labels.accountLabels[l.compteNum] ?? "",
                  l.compAuxNum ?? "",
                  l.ecritureLib,
                  l.debitCents,
                  l.creditCents,
                  l.ecritureLet ?? "",
                ]);
                if (flushed) await flushed;
              }
            }
          }
        }
      },
    };
  }
  if (format === "xlsx" && prepared.maxRows > XLSX_MAX_ROWS) {
    throw new AppError("ACCOUNTING_EXPORT_TOO_LARGE", { maxRows: XLSX_MAX_ROWS });
  }
  return {
    ...prepared,
    fileName: `${fileSafe(access.dossier.code)}-${view}-${pointer.end}.${format}`,
    sheetName: `${say(EXPORT_TEXT.sheet[view], locale)} ${pointer.end}`,
  };
}

function amounts(a: {
  openingDebitCents: number;
  openingCreditCents: number;
  debitCents: number;
  creditCents: number;
  closingDebitCents: number;
  closingCreditCents: number;
}): number[] {
  return [
    a.openingDebitCents,
    a.openingCreditCents,
    a.debitCents,
    a.creditCents,
    a.closingDebitCents,
    a.closingCreditCents,
  ];
}
