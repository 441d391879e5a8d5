import { createHash } from "node:crypto";
import {
  createFecParser,
  FEC_ERROR_CODES,
  etablissementCodeKey,
  isOpeningJournal,
  isoToYmd,
  LedgerAggregator,
  lineFormatOf,
  monthOf,
  type Actor,
  type ExerciceBounds,
  type FecEntry,
  type FecParser,
  type FecReport,
  type LedgerAggregate,
} from "@comptoir/shared";
import { countRecord, FrameLogWriter, segmentsOf, type FrameCounts, type FrameLogOptions } from "../store/frame-log";
import { countJournalLine, journalPagingEntry, newJournalPaging, type JournalPaging } from "../store/journal-paging";
import { ENTITY_CHARS } from "../store/packing";
import type { FrameRef } from "../store/framed-blob";
import { LetterSumsBuilder } from "../store/letter-sums";
import { recordBytes } from "../store/line-records";
import {
  isThirdPartyAccount,
  THIRD_PARTY_BLOB,
  THIRD_PARTY_META_BLOB,
  ThirdPartyIndexBuilder,
} from "../store/third-party-index";
import {
  ENTRY_LAYOUT_VERSION,
  type AccountingStore,
  type JournalIndex,
  type LedgerIndex,
  type StoredImport,
  type VersionRef,
} from "../store/store";

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
  /** Frame sizes (tests store small files in many frames, as a large file is). */
  frames?: FrameLogOptions;
};

export type ImportHooks = {
  /** Called once every row and blob is written, right before the switch (tests simulate a crash here). */
  beforeSwitch?: (version: VersionRef) => Promise<void>;
};

type LedgerStats = Map<string, [lines: number, debit: number, credit: number]>;
/**
 * What the import decodes of every line: the codes the aggregates and buckets are keyed by. Labels
 * are decoded when an account, auxiliary or journal is first seen, écriture numbers when the parser
 * sees a new run; piece references, écriture labels, lettering… stay in the stored bytes.
 */
const IMPORT_TEXT_FIELDS = ["journalCode", "compteNum", "compAuxNum", "etablissement"] as const;
/** A bucket's id (in its records' headers) and where its records went. */
type BucketRecords = FrameCounts & {
  id: number;
  month: number;
  /** Ledger buckets: debit − credit of the lines in each of `frames`' frames (per pair). */
  nets: number[];
  /** Ledger buckets: whether the lines come in display order (dates never go back), and the last date. */
  sorted: boolean;
  lastDate: number;
  /** Ledger buckets: lines without a letter, per établissement (and the last one counted, cached). */
  unlettered: Map<string, [lines: number, debit: number, credit: number]>;
  lastEtab: string | null;
  lastUnlettered: [number, number, number] | undefined;
};
/**
 * An établissement's counts in a journal bucket (the index stores them as [écritures, lines, debit,
 * credit]).
 */
type EtabCounters = { ecritures: number; lines: number; debit: number; credit: number };
type JournalBucketStats = {
  bucket: BucketRecords;
  ecritures: number;
  etabs: Map<string, EtabCounters>;
  /** Écritures touching several établissements, by their sorted codes (rare: created on the first). */
  shared?: Map<string, { etabs: string[]; ecritures: number }>;
  /** Whether its écritures come in display order, and their starts per segment (journal-paging.ts). */
  paging: JournalPaging;
};

/**
 * Streams one FEC into a new import version: parse and validate, SHA-256, aggregates, bucket indexes
 * and the entry blob, with the blob's memory bounded by its writer's budget of pending frames. Nothing
 * is served yet: the caller switches the exercice's pointer only when this returns an `ok` report.
 */
export class FecImportJob {
  readonly version: VersionRef;
  private readonly aggregator = new LedgerAggregator();
  private readonly letterSums = new LetterSumsBuilder();
  private readonly lines: FrameLogWriter;
  /** The balance âgée's lines (411…, 401…), in columns (third-party-index.ts). */
  private readonly thirdParty: ThirdPartyIndexBuilder;
  /** account → month (0 = à-nouveaux) → its records. */
  private readonly ledgerBuckets = new Map<string, Map<number, BucketRecords>>();
  private readonly lastLedgerBucket = new Map<string, BucketRecords>();
  private ledgerBucketCount = 0;
  private journalBucketCount = 0;
  private report: FecReport | null = null;
  /** journal → whether it holds à-nouveaux, and its counts per month. */
  private readonly journalStats = new Map<string, { opening: boolean; months: Map<number, JournalBucketStats> }>();
  private readonly etablissements = new Set<string>();
  private runJournal = "";
  private runNum = "";
  /** The current écriture (stats is null before the first line). */
  private readonly run: {
    opening: boolean;
    stats: JournalBucketStats | null;
    /** The établissement counted last in `stats`, and its counters. */
    etab: string | null;
    etabStats: EtabCounters | undefined;
  } = { opening: false, stats: null, etab: null, etabStats: undefined };
  /** Établissements the current écriture touched (each counts it once). */
  private readonly runEtabs: string[] = [];
  /** How many of runEtabs belong to the current écriture: `length = 0` would free the array's storage, per écriture. */
  private runEtabCount = 0;
  private failure: Error | null = null;
  private parser: FecParser | null = null;
  private readonly label = (field: "journalLib" | "compteLib" | "compAuxLib") => this.parser?.lineText(field) ?? "";
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
    this.lines = new FrameLogWriter(store.blockSink(this.version), input.frames);
    this.thirdParty = new ThirdPartyIndexBuilder(
      store.blockSink(this.version, THIRD_PARTY_BLOB),
      store.blockSink(this.version, THIRD_PARTY_META_BLOB),
      { start: isoToYmd(input.exercice.start) ?? 0, end: isoToYmd(input.exercice.end) ?? 0 },
    );
  }

  /** Reads the whole body (or until the parser gives up) and returns the validation report. */
  async parse(): Promise<FecReport> {
    const hash = createHash("sha256");
    const parser = (this.parser = createFecParser({
      maxBytes: this.input.maxBytes,
      exercice: this.input.exercice,
      fileName: this.input.fileName,
      ...(this.input.siren ? { siren: this.input.siren } : {}),
      textFields: IMPORT_TEXT_FIELDS,
      onLine: (entry, bytes, start, end) => this.add(entry, bytes, start, end),
    }));
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
      if (this.lines.overBudget) await this.lines.relieve();
      if (this.thirdParty.overBudget) await this.thirdParty.relieve();
    }
    const { report } = parser.end();
    if (this.failure !== null) throw this.failure;
    this.sha256 = complete ? hash.digest("hex") : null;
    this.report = report;
    return report;
  }

  private add(entry: FecEntry, bytes: Uint8Array, start: number, end: number): void {
    if (this.failure !== null) return;
    try {
      this.addEntry(entry, bytes, start, end);
    } catch (e) {
      this.failure = e instanceof Error ? e : new Error(String(e));
    }
  }

  private addEntry(e: FecEntry, bytes: Uint8Array, start: number, end: number): void {
    // "Limité à" compares codes as the dossier does: trimmed, upper-case.
    const raw = e.etablissement;
    const etab = raw ? etablissementCodeKey(raw) : "";
    e.etablissement = etab;
    if (etab !== "" && !this.etablissements.has(etab)) this.etablissements.add(etab);
    this.aggregator.add(e, this.label);
    // The letter is decoded here only (not among IMPORT_TEXT_FIELDS): most lines have none.
    const letter = this.parser?.lineText("ecritureLet") ?? "";
    if (letter !== "") this.letterSums.add(e.compteNum, letter, etab, e.debitCents - e.creditCents);

    // An écriture is a run of consecutive lines with the same journal and number, counted once per
    // établissement it touches; it belongs to the month of its first line. The journal reader groups
    // runs the same way, so the counts that locate a page are exact.
    const month = monthOf(e.date);
    // Same bytes as the previous line: same écriture. Other bytes may still decode (trimmed) the same.
    let newRun = false;
    let num = "";
    if (this.parser?.lineStartsRun !== false) {
      num = this.parser?.lineText("ecritureNum") ?? "";
      newRun = e.journalCode !== this.runJournal || num !== this.runNum;
      if (newRun) this.startRun(e, num, month);
    }
    const run = this.run;
    const stats = run.stats;
    if (stats === null) throw new Error("no current écriture");
    const ledgerMonth = run.opening ? 0 : month;
    let ledger = this.lastLedgerBucket.get(e.compteNum);
    if (ledger === undefined || ledger.month !== ledgerMonth) ledger = this.ledgerBucket(e.compteNum, ledgerMonth);
    const journal = stats.bucket;
    const frame = this.lines.add(e.line, ledger.id, journal.id, bytes, start, end);
    if (isThirdPartyAccount(e.compteNum)) this.thirdParty.add(e, etab, letter, frame);
    const size = recordBytes(end - start);
    countRecord(ledger, frame, size);
    countRecord(journal, frame, size);
    countJournalLine(stats.paging, (journal.frames.length >> 1) - 1, newRun, e.date, num);
    ledgerCounted(ledger, e, etab, letter === "");

    if (newRun) stats.ecritures++;
    let je = run.etab === etab ? run.etabStats : undefined;
    if (je === undefined) {
      je = stats.etabs.get(etab);
      if (je === undefined) {
        je = { ecritures: 0, lines: 0, debit: 0, credit: 0 };
        stats.etabs.set(etab, je);
      }
      run.etab = etab;
      run.etabStats = je;
    }
    if (!this.touched(etab)) {
      this.runEtabs[this.runEtabCount++] = etab;
      je.ecritures++;
    }
    je.lines++;
    je.debit += e.debitCents;
    je.credit += e.creditCents;
  }

  private touched(etab: string): boolean {
    for (let i = 0; i < this.runEtabCount; i++) if (this.runEtabs[i] === etab) return true;
    return false;
  }

  private ledgerBucket(compteNum: string, month: number): BucketRecords {
    let months = this.ledgerBuckets.get(compteNum);
    if (months === undefined) {
      months = new Map();
      this.ledgerBuckets.set(compteNum, months);
    }
    let bucket = months.get(month);
    if (bucket === undefined) {
      bucket = newBucket(this.ledgerBucketCount++, month);
      months.set(month, bucket);
    }
    this.lastLedgerBucket.set(compteNum, bucket);
    return bucket;
  }

  /**
   * The écriture that just ended counts once in each établissement it touched; when it touched
   * several, its set is remembered, so that a *Limité à* scope holding several counts it once.
   */
  private endRun(): void {
    const stats = this.run.stats;
    if (this.runEtabCount < 2 || stats === null) return;
    const etabs = this.runEtabs.slice(0, this.runEtabCount).sort();
    const key = etabs.join("\u0000");
    stats.shared ??= new Map();
    const found = stats.shared.get(key);
    if (found) found.ecritures++;
    else stats.shared.set(key, { etabs, ecritures: 1 });
  }

  private startRun(e: FecEntry, num: string, month: number): void {
    this.endRun();
    this.runJournal = e.journalCode;
    this.runNum = num;
    this.runEtabCount = 0;
    let journal = this.journalStats.get(e.journalCode);
    if (journal === undefined) {
      journal = { opening: isOpeningJournal(e.journalCode, this.label("journalLib")), months: new Map() };
      this.journalStats.set(e.journalCode, journal);
    }
    let stats = journal.months.get(month);
    if (stats === undefined) {
      stats = {
        bucket: newBucket(this.journalBucketCount++, month),
        ecritures: 0,
        etabs: new Map(),
        paging: newJournalPaging(),
      };
      journal.months.set(month, stats);
    }
    // One object for every run (no garbage per écriture). Consecutive écritures of a journal and
    // month share their établissement's counters.
    const run = this.run;
    if (run.stats !== stats) {
      run.etab = null;
      run.etabStats = undefined;
    }
    run.opening = journal.opening;
    run.stats = stats;
  }

  /** Commits both blobs and writes aggregates and indexes under the version's partition. */
  async write(): Promise<{ etablissements: string[] }> {
    this.endRun();
    this.runEtabCount = 0;
    const frames = await this.lines.finish();
    await this.thirdParty.finish(frames);
    const aggregate = this.aggregator.result();
    const format = this.report ? lineFormatOf(this.report) : null;
    if (format === null) throw new Error("write() before a successful parse()");
    await this.store.writeVersionRows(
      this.version,
      aggregate,
      this.ledgerIndexes(frames, aggregate),
      this.journalIndexes(frames),
      { format, version: ENTRY_LAYOUT_VERSION },
      this.letterSums.result(),
    );
    return { etablissements: [...this.etablissements].sort() };
  }

  /** The ledger buckets' statistics are sums of aggregate rows (à-nouveaux rows go to bucket 0). */
  private ledgerIndexes(frames: readonly FrameRef[], aggregate: LedgerAggregate): LedgerIndex[] {
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
      const buckets: LedgerIndex["buckets"] = [];
      for (const [month, stats] of months) {
        const records = this.ledgerBuckets.get(compteNum)?.get(month);
        buckets.push([
          month,
          segmentsOf(records, frames),
          records?.bytes ?? 0,
          [...stats].map(([etab, [n, d, c]]) => [etab, n, d, c]),
          records?.id ?? -1,
          records?.sorted === false ? 0 : 1,
          records?.nets ?? [],
          [...(records?.unlettered ?? [])].map(([etab, [n, d, c]]) => [etab, n, d, c]),
        ]);
      }
      out.push({ compteNum, buckets: buckets.sort((a, b) => a[0] - b[0]) });
    }
    return out;
  }

  private journalIndexes(frames: readonly FrameRef[]): JournalIndex[] {
    const out: JournalIndex[] = [];
    for (const [journalCode, { months }] of this.journalStats) {
      const buckets: JournalIndex["buckets"] = [];
      const shared: NonNullable<JournalIndex["shared"]> = [];
      const paging: NonNullable<JournalIndex["paging"]> = [];
      for (const [month, stats] of months) {
        const pages = journalPagingEntry(month, stats.paging);
        if (pages !== undefined) paging.push(pages);
        for (const { etabs, ecritures } of stats.shared?.values() ?? []) shared.push([month, etabs, ecritures]);
        buckets.push([
          month,
          segmentsOf(stats.bucket, frames),
          stats.bucket.bytes,
          stats.ecritures,
          [...stats.etabs].map(([etab, c]) => [etab, c.ecritures, c.lines, c.debit, c.credit]),
          stats.bucket.id,
        ]);
      }
      const index = { journalCode, buckets: buckets.sort((a, b) => a[0] - b[0]), ...(shared.length ? { shared } : {}) };
      // Paging only spares reads: a journal whose row would outgrow an entity goes without it.
      const paged = { ...index, paging };
      out.push(paging.length > 0 && JSON.stringify(paged).length <= ENTITY_CHARS ? paged : index);
    }
    return out;
  }
}

const newBucket = (id: number, month: number): BucketRecords => ({
  id,
  month,
  frames: [],
  lastFrame: -1,
  bytes: 0,
  nets: [],
  sorted: true,
  lastDate: 0,
  unlettered: new Map(),
  lastEtab: null,
  lastUnlettered: undefined,
});

/**
 * What a ledger bucket's index adds to its segments, counted right after `countRecord` put the line in
 * its frame: the net of each segment (a page further on skips the segments before it and still
 * knows its running balance), whether dates never go back (then file order is display order), and
 * the unlettered lines per établissement (the unlettered filter's counts and totals).
 */
function ledgerCounted(bucket: BucketRecords, e: FecEntry, etab: string, unlettered: boolean): void {
  const segment = (bucket.frames.length >> 1) - 1;
  bucket.nets[segment] = (bucket.nets[segment] ?? 0) + e.debitCents - e.creditCents;
  if (e.date < bucket.lastDate) bucket.sorted = false;
  bucket.lastDate = e.date;
  if (!unlettered) return;
  let stats = bucket.lastEtab === etab ? bucket.lastUnlettered : undefined;
  if (stats === undefined) {
    stats = bucket.unlettered.get(etab);
    if (stats === undefined) {
      stats = [0, 0, 0];
      bucket.unlettered.set(etab, stats);
    }
    bucket.lastEtab = etab;
    bucket.lastUnlettered = stats;
  }
  stats[0]++;
  stats[1] += e.debitCents;
  stats[2] += e.creditCents;
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
