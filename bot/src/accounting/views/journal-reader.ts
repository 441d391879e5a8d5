import type { LedgerLabels } from "@comptoir/shared";
import type { JournalSectionDto } from "@comptoir/shared/api/accounting";
import { naturalCompare, pageInfo, pageWhileCounting, sliceSections } from "@comptoir/shared/accounting/compute/paging";
import { inScope } from "../access";
import { BucketBatchReader, journalBucketRef, readBucketLines, type StoredLine } from "../store/entry-records";
import { journalPagePart, type JournalPagePart } from "./journal-page-part";
import { ecritureMatches, indexedSearchPage, queryWords } from "./journal-search";
import type { MonthSpan } from "./period";
import type { AccountingStore, JournalIndex, VersionRef } from "../store/store";

export type JournalQuery = {
  journal?: string;
  /** Already normalised (searchable()). */
  q?: string;
  period: MonthSpan;
  scope: ReadonlySet<string> | undefined;
  /**
   * A search: false when the caller just found no search index, so that the journals are scanned without
   * looking for it again (an index built meanwhile gives the same answers).
   */
  searchIndexBuilt?: boolean;
};

export type JournalsResult = {
  page: number;
  pageSize: number;
  pageCount: number;
  totalEcritures: number;
  journals: JournalSectionDto[];
};

type Bucket = JournalIndex["buckets"][number];
export type Ecriture = { ecritureNum: string; lines: StoredLine[] };

/**
 * A bucket's écritures, debit and credit in scope. Per établissement the index counts every écriture
 * touching it, so an écriture shared by several établissements of the scope is taken back off all
 * but once: the count is the one an import of the scope's lines alone would make.
 */
function scoped(
  index: JournalIndex,
  b: Bucket,
  scope: ReadonlySet<string> | undefined,
): { e: number; d: number; c: number } {
  if (scope === undefined) {
    let d = 0;
    let c = 0;
    for (const s of b[4]) {
      d += s[3];
      c += s[4];
    }
    return { e: b[3], d, c };
  }
  let e = 0;
  let d = 0;
  let c = 0;
  for (const [etab, ecritures, , debit, credit] of b[4]) {
    if (!scope.has(etab)) continue;
    e += ecritures;
    d += debit;
    c += credit;
  }
  if (scope.size > 1)
    for (const [month, etabs, n] of index.shared ?? []) {
      if (month !== b[0]) continue;
      let inside = 0;
      for (const etab of etabs) if (scope.has(etab)) inside++;
      if (inside > 1) e -= (inside - 1) * n;
    }
  return { e, d, c };
}

/**
 * Écritures of one bucket in display order (date, then number), lines in file order. An écriture is
 * a run of consecutive lines with the same number (the import counts them the same way).
 */
function bucketEcritures(lines: StoredLine[], scope: ReadonlySet<string> | undefined): Ecriture[] {
  const runs: Ecriture[] = [];
  let current: Ecriture | undefined;
  for (const r of lines) {
    if (!inScope(scope, r.etablissement)) continue;
    if (current?.ecritureNum === r.ecritureNum) current.lines.push(r);
    else {
      current = { ecritureNum: r.ecritureNum, lines: [r] };
      runs.push(current);
    }
  }
  return runs.sort(
    (x, y) => (x.lines[0]?.date ?? 0) - (y.lines[0]?.date ?? 0) || naturalCompare(x.ecritureNum, y.ecritureNum),
  );
}

/** The écritures of each part read (the lines finishing an écriture begun before it dropped). */
async function readParts(
  store: AccountingStore,
  v: VersionRef,
  parts: readonly JournalPagePart[],
  scope: ReadonlySet<string> | undefined,
): Promise<Ecriture[][]> {
  const lines = await readBucketLines(
    store,
    v,
    "journal",
    parts.map((p) => p.ref),
  );
  return lines.map((l, i) => bucketEcritures(l.slice(parts[i]?.leading ?? 0), scope));
}

type JournalScope = Pick<JournalQuery, "period" | "scope">;

const journalPlan = (index: JournalIndex, query: JournalScope) =>
  index.buckets.filter(
    (b) => b[0] >= query.period.from && b[0] <= query.period.to && scoped(index, b, query.scope).e > 0,
  );

/** A reader for journalEcritures over these journals, in this order. */
export function journalReader(
  store: AccountingStore,
  v: VersionRef,
  indexes: readonly JournalIndex[],
  query: JournalScope,
): BucketBatchReader {
  const plan = indexes.flatMap((index) => journalPlan(index, query).map(journalBucketRef));
  return new BucketBatchReader(store, v, "journal", plan);
}

/**
 * Every écriture of one journal in the period and scope, in display order, a month at a time. Reading
 * several journals, pass one `reader` for all.
 */
export async function* journalEcritures(
  store: AccountingStore,
  v: VersionRef,
  index: JournalIndex,
  query: JournalScope,
  reader: BucketBatchReader = journalReader(store, v, [index], query),
): AsyncGenerator<Ecriture> {
  for (const b of journalPlan(index, query))
    yield* bucketEcritures(await reader.lines(journalBucketRef(b)), query.scope);
}

/** The search rule (journal-search.ts) applied to an écriture read by a scan. */
export function matchesJournalSearch(e: Ecriture, q: string, labels: LedgerLabels): boolean {
  return ecritureMatches(e.lines, queryWords(q), labels.accountLabels);
}

export function ecritureDto(e: Ecriture, labels: LedgerLabels): JournalSectionDto["ecritures"][number] {
  const first = e.lines[0];
  const dto: JournalSectionDto["ecritures"][number] = {
    ecritureNum: e.ecritureNum,
    date: first?.date ?? 0,
    pieceRef: first?.pieceRef ?? "",
    ecritureLib: first?.ecritureLib ?? "",
    debitCents: e.lines.reduce((n, l) => n + l.debitCents, 0),
    creditCents: e.lines.reduce((n, l) => n + l.creditCents, 0),
    lines: e.lines.map((l) => {
      const line: JournalSectionDto["ecritures"][number]["lines"][number] = {
        line: l.line,
        compteNum: l.compteNum,
        compteLib: labels.accountLabels[l.compteNum] ?? "",
        ecritureLib: l.ecritureLib,
        debitCents: l.debitCents,
        creditCents: l.creditCents,
      };
      if (l.compAuxNum !== undefined) {
        line.compAuxNum = l.compAuxNum;
        line.compAuxLib = labels.auxiliaryLabels[l.compAuxNum] ?? "";
      }
      if (l.ecritureLet !== undefined) line.ecritureLet = l.ecritureLet;
      return line;
    }),
  };
  if (first?.pieceDate !== undefined) dto.pieceDate = first.pieceDate;
  return dto;
}

/**
 * Journaux, paged by écritures across journals (code order, then date and number). Without search,
 * the index's per-bucket écriture counts locate the page: one range read per journal on the page.
 * With search, the import's search index answers (journal-search.ts); an import stored without one
 * has each journal read in turn, and only the page's écritures kept.
 */
export async function readJournaux(
  store: AccountingStore,
  v: VersionRef,
  labels: LedgerLabels,
  query: JournalQuery,
  request: { page: number; pageSize: number },
): Promise<JournalsResult> {
  const indexes = (await store.readJournalIndex(v)).filter(
    (i) => query.journal === undefined || i.journalCode === query.journal,
  );
  const words = queryWords(query.q ?? "");
  if (words.length === 0) return indexedPage(store, v, labels, indexes, query, request);
  const scope = { journals: indexes, period: query.period, scope: query.scope, words };
  const found =
    query.searchIndexBuilt === false
      ? null
      : await indexedSearchPage(store, v, labels, scope, request, (e) => ecritureDto(e, labels));
  return found ?? searchPage(store, v, labels, indexes, query, query.q ?? "", request);
}

async function indexedPage(
  store: AccountingStore,
  v: VersionRef,
  labels: LedgerLabels,
  indexes: readonly JournalIndex[],
  query: JournalQuery,
  request: { page: number; pageSize: number },
): Promise<JournalsResult> {
  const sections = indexes
    .map((index) => {
      let count = 0;
      let debit = 0;
      let credit = 0;
      const buckets: Array<{ bucket: Bucket; n: number }> = [];
      for (const b of index.buckets) {
        if (b[0] < query.period.from || b[0] > query.period.to) continue;
        const s = scoped(index, b, query.scope);
        if (s.e === 0) continue;
        buckets.push({ bucket: b, n: s.e });
        count += s.e;
        debit += s.d;
        credit += s.c;
      }
      return { index, count, debit, credit, buckets };
    })
    .filter((s) => s.count > 0);
  const total = sections.reduce((n, s) => n + s.count, 0);
  const info = pageInfo(request, total);
  const journals: JournalSectionDto[] = [];
  for (const { section, first: a, last: b, wanted } of sliceSections(sections, info)) {
    const parts = wanted.map((w) => journalPagePart(section.index, w.bucket, w.start, a, b, query.scope));
    const read = await readParts(store, v, parts, query.scope);
    const ecritures: JournalSectionDto["ecritures"] = [];
    wanted.forEach(({ start }, i) => {
      const skipped = parts[i]?.skipped ?? 0;
      (read[i] ?? []).forEach((e, j) => {
        const at = start + skipped + j;
        if (at >= a && at < b) ecritures.push(ecritureDto(e, labels));
      });
    });
    const code = section.index.journalCode;
    journals.push({
      journalCode: code,
      journalLib: labels.journalLabels[code] ?? "",
      ecritureCount: section.count,
      totalDebitCents: section.debit,
      totalCreditCents: section.credit,
      ecritures,
    });
  }
  return { page: info.page, pageSize: info.pageSize, pageCount: info.pageCount, totalEcritures: total, journals };
}

async function searchPage(
  store: AccountingStore,
  v: VersionRef,
  labels: LedgerLabels,
  indexes: readonly JournalIndex[],
  query: JournalQuery,
  q: string,
  request: { page: number; pageSize: number },
): Promise<JournalsResult> {
  const pass = async (first: number, last: number) => {
    const journals: JournalSectionDto[] = [];
    let total = 0;
    const reader = journalReader(store, v, indexes, query);
    for (const index of indexes) {
      let count = 0;
      let debit = 0;
      let credit = 0;
      const shown: JournalSectionDto["ecritures"] = [];
      for await (const e of journalEcritures(store, v, index, query, reader)) {
        if (!matchesJournalSearch(e, q, labels)) continue;
        const at = total + count;
        if (at >= first && at < last) shown.push(ecritureDto(e, labels));
        count++;
        for (const l of e.lines) {
          debit += l.debitCents;
          credit += l.creditCents;
        }
      }
      if (shown.length > 0) {
        journals.push({
          journalCode: index.journalCode,
          journalLib: labels.journalLabels[index.journalCode] ?? "",
          ecritureCount: count,
          totalDebitCents: debit,
          totalCreditCents: credit,
          ecritures: shown,
        });
      }
      total += count;
    }
    return { journals, total };
  };
  const { info, result } = await pageWhileCounting(request, pass);
  return {
    page: info.page,
    pageSize: info.pageSize,
    pageCount: info.pageCount,
    totalEcritures: result.total,
    journals: result.journals,
  };
}
