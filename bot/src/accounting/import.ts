import { createHash } from "node:crypto";
import {
  createFecParser,
  FEC_ERROR_CODES,
  etablissementCodeKey,
  isOpeningJournal,
  LedgerAggregator,
  monthOf,
  type Actor,
  type ExerciceBounds,
  type FecEntry,
  type FecReport,
  type LedgerAggregate,
} from "@comptoir/shared";
import { encodeCore, journalPrefix, ledgerPrefix } from "./codec";
import { bucketKey, GroupedBlobWriter, type ByteRange } from "./grouped-blob";
import {
  compareCodes,
  type AccountingStore,
  type JournalIndex,
  type LedgerIndex,
  type StoredImport,
  type VersionRef,
} from "./store";

export type ImportInput = {
  tenantId: string;
  dossierId: string;
  importId: string;
  exercice: ExerciceBounds;
  fileName: string;
  siren: string | null;
  actor: Actor;
  now: () => Date;
  maxBytes: number;
  body: AsyncIterable<Uint8Array>;
};

export type ImportHooks = {
  /** Called once every row and blob is written, right before the switch (tests simulate a crash here). */
  beforeSwitch?: (version: VersionRef) => Promise<void>;
};

export type ImportOutcome = { record: StoredImport; report: FecReport; version: VersionRef };

/** Letters tracked per account before giving up on `letterBalanced` (a file lettering every line alone). */
const MAX_TRACKED_LETTERS = 400_000;
const MAX_UNBALANCED_PER_ACCOUNT = 5_000;

type LedgerStats = Map<string, [lines: number, debit: number, credit: number]>;
/** Entries whose établissement was normalised (always a string). */
type LedgerEntry = FecEntry & { etablissement: string };
type JournalBucketStats = {
  ecritures: number;
  /** établissement → [écritures, lines, debit, credit]. */
  etabs: Map<string, [number, number, number, number]>;
};

/**
 * Streams one FEC into a new import version: parse and validate, SHA-256, aggregates, and both
 * entry blobs, with memory bounded by the blob writers' budgets. Nothing is served yet: the caller
 * switches the exercice's pointer only when this returns an `ok` report.
 */
export class FecImportJob {
  readonly version: VersionRef;
  private readonly aggregator = new LedgerAggregator();
  private readonly ledger: GroupedBlobWriter;
  private readonly journal: GroupedBlobWriter;
  /** journal → month → counts. */
  private readonly journalStats = new Map<string, Map<number, JournalBucketStats>>();
  private readonly openingByJournal = new Map<string, boolean>();
  /** account → letter → debit − credit; null once too many letters to track. */
  private letters: Map<string, Map<string, number>> | null = new Map();
  private letterCount = 0;
  private readonly etablissements = new Set<string>();
  private runJournal = "";
  private runNum = "";
  private runMonth = 0;
  private readonly runEtabs: string[] = [];
  private failure: Error | null = null;
  sha256: string | null = null;

  constructor(
    private readonly store: AccountingStore,
    private readonly input: ImportInput,
  ) {
    this.version = {
      tenantId: input.tenantId,
      dossierId: input.dossierId,
      exercice: input.exercice.end,
      importId: input.importId,
    };
    this.ledger = new GroupedBlobWriter(store.blockSink(this.version, "ledger"));
    this.journal = new GroupedBlobWriter(store.blockSink(this.version, "journal"));
  }

  /** Reads the whole body (or until the parser gives up) and returns the validation report. */
  async parse(): Promise<FecReport> {
    const hash = createHash("sha256");
    const parser = createFecParser({
      maxBytes: this.input.maxBytes,
      exercice: this.input.exercice,
      fileName: this.input.fileName,
      ...(this.input.siren ? { siren: this.input.siren } : {}),
      batchSize: 2000,
      onBatch: (entries) => this.add(entries),
    });
    let complete = true;
    // Not `for await`: leaving that loop early would destroy the request, and its socket with it,
    // before the report could be sent.
    const chunks = this.input.body[Symbol.asyncIterator]();
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = next.value;
      hash.update(chunk);
      parser.push(chunk);
      if (this.failure !== null) throw this.failure;
      if (parser.stopped) {
        complete = false;
        break;
      }
      if (this.ledger.overBudget) await this.ledger.relieve();
      if (this.journal.overBudget) await this.journal.relieve();
    }
    const { report } = parser.end();
    if (this.failure !== null) throw this.failure;
    this.sha256 = complete ? hash.digest("hex") : null;
    return report;
  }

  private add(entries: FecEntry[]): void {
    try {
      for (const e of entries) this.addEntry(e);
    } catch (e) {
      this.failure ??= e instanceof Error ? e : new Error(String(e));
    }
  }

  private addEntry(e: FecEntry): void {
    // "Limité à" compares codes as the dossier does: trimmed, upper-case.
    const raw = e.etablissement;
    const etab = raw ? etablissementCodeKey(raw) : "";
    e.etablissement = etab;
    if (etab !== "" && !this.etablissements.has(etab)) this.etablissements.add(etab);
    this.aggregator.add(e);

    let opening = this.openingByJournal.get(e.journalCode);
    if (opening === undefined) {
      opening = isOpeningJournal(e.journalCode, e.journalLib);
      this.openingByJournal.set(e.journalCode, opening);
    }
    const month = monthOf(e.date);
    const ledgerMonth = opening ? 0 : month;
    const core = encodeCore(e as LedgerEntry);
    this.ledger.add(e.compteNum, ledgerMonth, ledgerPrefix(e), core);

    if (e.ecritureLet && this.letters) {
      let letters = this.letters.get(e.compteNum);
      if (letters === undefined) {
        letters = new Map();
        this.letters.set(e.compteNum, letters);
      }
      const before = letters.get(e.ecritureLet);
      if (before === undefined) this.letterCount++;
      letters.set(e.ecritureLet, (before ?? 0) + e.debitCents - e.creditCents);
      if (this.letterCount > MAX_TRACKED_LETTERS) this.letters = null;
    }

    // An écriture is a run of consecutive lines with the same journal and number, counted once per
    // établissement it touches; it belongs to the month of its first line. The journal reader groups
    // runs the same way, so the counts that locate a page are exact.
    const newRun = e.journalCode !== this.runJournal || e.ecritureNum !== this.runNum;
    if (newRun) {
      this.runJournal = e.journalCode;
      this.runNum = e.ecritureNum;
      this.runMonth = month;
      this.runEtabs.length = 0;
    }
    this.journal.add(e.journalCode, this.runMonth, journalPrefix(e), core);
    let months = this.journalStats.get(e.journalCode);
    if (months === undefined) {
      months = new Map();
      this.journalStats.set(e.journalCode, months);
    }
    let js = months.get(this.runMonth);
    if (js === undefined) {
      js = { ecritures: 0, etabs: new Map() };
      months.set(this.runMonth, js);
    }
    if (newRun) js.ecritures++;
    let je = js.etabs.get(etab);
    if (je === undefined) {
      je = [0, 0, 0, 0];
      js.etabs.set(etab, je);
    }
    if (!this.runEtabs.includes(etab)) {
      this.runEtabs.push(etab);
      je[0]++;
    }
    je[1]++;
    je[2] += e.debitCents;
    je[3] += e.creditCents;
  }

  /** Commits both blobs and writes aggregates and indexes under the version's partition. */
  async write(): Promise<{ etablissements: string[] }> {
    const ledgerRanges = await this.ledger.finish(compareCodes);
    const journalRanges = await this.journal.finish(compareCodes);
    const aggregate = this.aggregator.result();
    await this.store.writeVersionRows(
      this.version,
      aggregate,
      this.ledgerIndexes(ledgerRanges, aggregate),
      this.journalIndexes(journalRanges),
    );
    return { etablissements: [...this.etablissements].sort() };
  }

  /** The ledger buckets' statistics are sums of aggregate rows (à-nouveaux rows go to bucket 0). */
  private ledgerIndexes(ranges: Map<string, ByteRange>, aggregate: LedgerAggregate): LedgerIndex[] {
    const ledgerStats = new Map<string, Map<number, LedgerStats>>();
    for (const row of aggregate.rows) {
      const stats = statsOf(ledgerStats, row.compteNum, row.opening ? 0 : row.month);
      const s = stats.get(row.etablissement);
      if (s) {
        s[0] += row.lineCount;
        s[1] += row.debitCents;
        s[2] += row.creditCents;
      } else stats.set(row.etablissement, [row.lineCount, row.debitCents, row.creditCents]);
    }
    const out: LedgerIndex[] = [];
    for (const [compteNum, months] of ledgerStats) {
      let unbalanced: string[] | null = null;
      if (this.letters) {
        unbalanced = [];
        for (const [letter, sum] of this.letters.get(compteNum) ?? []) if (sum !== 0) unbalanced.push(letter);
        unbalanced = unbalanced.length <= MAX_UNBALANCED_PER_ACCOUNT ? unbalanced.sort() : null;
      }
      const buckets: LedgerIndex["buckets"] = [];
      for (const [month, stats] of months) {
        const range = ranges.get(bucketKey(compteNum, month)) ?? { offset: 0, length: 0 };
        buckets.push([month, range.offset, range.length, [...stats].map(([etab, [n, d, c]]) => [etab, n, d, c])]);
      }
      out.push({ compteNum, buckets: buckets.sort((a, b) => a[0] - b[0]), unbalanced });
    }
    return out;
  }

  private journalIndexes(ranges: Map<string, ByteRange>): JournalIndex[] {
    const out: JournalIndex[] = [];
    for (const [journalCode, months] of this.journalStats) {
      const buckets: JournalIndex["buckets"] = [];
      for (const [month, stats] of months) {
        const range = ranges.get(bucketKey(journalCode, month)) ?? { offset: 0, length: 0 };
        buckets.push([
          month,
          range.offset,
          range.length,
          stats.ecritures,
          [...stats.etabs].map(([etab, [n, lines, d, c]]) => [etab, n, lines, d, c]),
        ]);
      }
      out.push({ journalCode, buckets: buckets.sort((a, b) => a[0] - b[0]) });
    }
    return out;
  }
}

function statsOf(all: Map<string, Map<number, LedgerStats>>, group: string, month: number): LedgerStats {
  let months = all.get(group);
  if (months === undefined) {
    months = new Map();
    all.set(group, months);
  }
  let stats = months.get(month);
  if (stats === undefined) {
    stats = new Map();
    months.set(month, stats);
  }
  return stats;
}

/** The history row of a finished (or refused) import, from its report. */
export function importRecord(
  input: Pick<ImportInput, "importId" | "dossierId" | "exercice" | "fileName" | "actor">,
  startedAt: Date,
  finishedAt: Date | null,
  status: StoredImport["status"],
  report: FecReport | null,
  extra: { sha256: string | null; etablissements: string[] },
): StoredImport {
  return {
    id: input.importId,
    dossierId: input.dossierId,
    exercice: input.exercice,
    status,
    current: false,
    fileName: input.fileName,
    bytes: report?.bytes ?? 0,
    sha256: extra.sha256,
    lineCount: report?.lineCount ?? 0,
    ecritureCount: report?.ecritureCount ?? 0,
    errorCount: report?.errorCount ?? 0,
    warningCount: report?.warningCount ?? 0,
    totalDebitCents: report?.totalDebitCents ?? 0,
    totalCreditCents: report?.totalCreditCents ?? 0,
    etablissements: extra.etablissements,
    firstError: report ? firstError(report) : null,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt ? finishedAt.toISOString() : null,
    by: input.actor,
    purged: false,
  };
}

/** The first blocking code by line, or any counted one when only warnings were kept in the list. */
export function firstError(report: FecReport): string | null {
  const listed = report.issues.find((i) => i.severity === "error");
  if (listed) return listed.code;
  return FEC_ERROR_CODES.find((code) => (report.countsByCode[code] ?? 0) > 0) ?? null;
}
