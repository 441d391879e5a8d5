import type { LedgerAggregate, LedgerLabels } from "@comptoir/shared";
import type { LedgerAccountDto, LedgerLineDto } from "@comptoir/shared/api/accounting";
import { pageInfo, pageWhileCounting, sliceSections } from "@comptoir/shared/accounting/compute/paging";
import { inScope } from "../access";
import {
  BucketBatchReader,
  ledgerBucketRef,
  readBucketLines,
  type BucketRef,
  type CopyBlob,
  type StoredLine,
} from "../store/entry-records";
import { AUX_LEDGER_BLOB } from "../store/aux-ledger";
import { readAuxLedger } from "../store/aux-ledger-read";
import type { Segment } from "../store/framed-blob";
import { markLettering } from "./lettering";
import type { MonthSpan } from "./period";
import type { AccountingStore, LedgerIndex, VersionRef } from "../store/store";

export type LedgerQuery = {
  /** Account number prefix ("" = every account). */
  account: string;
  aux?: string;
  /** Already normalised (searchable()); matched against label, piece reference and écriture number. */
  q?: string;
  unletteredOnly: boolean;
  period: MonthSpan;
  scope: ReadonlySet<string> | undefined;
  /**
   * An auxiliary's page: false when the caller just found no auxiliaries' copy, so that the lines blob is
   * read without looking for it again (a copy built meanwhile gives the same answers).
   */
  auxCopyBuilt?: boolean;
};

export type LedgerPage = {
  page: number;
  pageSize: number;
  pageCount: number;
  totalLines: number;
  accounts: LedgerAccountDto[];
};

type Bucket = LedgerIndex["buckets"][number];

const isOpening = (b: Bucket) => b[0] === 0;
const inPeriod = (b: Bucket, p: MonthSpan) => isOpening(b) || (b[0] >= p.from && b[0] <= p.to);
const beforePeriod = (b: Bucket, p: MonthSpan) => !isOpening(b) && b[0] < p.from;

/** Sums per-établissement [etab, lines, debit, credit] counts over the établissements in scope. */
function inScopeSums(
  perEtab: ReadonlyArray<readonly [string, number, number, number]>,
  scope: ReadonlySet<string> | undefined,
): { n: number; d: number; c: number } {
  let n = 0;
  let d = 0;
  let c = 0;
  for (const [etab, lines, debit, credit] of perEtab) {
    if (!inScope(scope, etab)) continue;
    n += lines;
    d += debit;
    c += credit;
  }
  return { n, d, c };
}

const scoped = (b: Bucket, scope: ReadonlySet<string> | undefined) => inScopeSums(b[3], scope);

/** Lines of one bucket in display order (date, then file line), restricted to the scope. */
function inDisplayOrder(lines: StoredLine[], scope: ReadonlySet<string> | undefined): StoredLine[] {
  return lines.filter((r) => inScope(scope, r.etablissement)).sort((x, y) => x.date - y.date || x.line - y.line);
}

/** The lines of `buckets` (some of an account's months, or of their segments), in display order, for a page. */
async function readLines(
  store: AccountingStore,
  v: VersionRef,
  buckets: readonly BucketRef[],
  scope: ReadonlySet<string> | undefined,
  blob: CopyBlob = "lines",
): Promise<StoredLine[][]> {
  const lines = await readBucketLines(store, v, "ledger", buckets, blob);
  return lines.map((l) => inDisplayOrder(l, scope));
}

/**
 * What a page reads of one bucket whose lines [start, start + n) of the section hold some of the
 * page's [first, last): when its lines are stored in display order and every line counts (no
 * *Limité à*), only the segments holding the page's lines, the earlier ones skipped by their line
 * counts and nets (a 200-line page of a large account reads one frame or two, not its month);
 * otherwise the whole bucket.
 */
function pagePart(
  bucket: Bucket,
  start: number,
  first: number,
  last: number,
  scope: ReadonlySet<string> | undefined,
): PagePart {
  const ref = ledgerBucketRef(bucket);
  const whole = { ref, start, skippedLines: 0, skippedNet: 0 };
  const nets = bucket[6];
  if (scope !== undefined || bucket[5] !== 1 || nets.length !== bucket[1].length) return whole;
  const from = first - start;
  const to = last - start;
  let skippedLines = 0;
  let skippedNet = 0;
  let cum = 0;
  const segments: Segment[] = [];
  bucket[1].forEach((segment, i) => {
    const lines = segment[2];
    if (cum + lines <= from) {
      skippedLines += lines;
      skippedNet += nets[i] ?? 0;
    } else if (cum < to) segments.push(segment);
    cum += lines;
  });
  // The bytes are only a hint for batch readers; a page's reader does not use them.
  const bytes = segments.length === bucket[1].length ? ref.bytes : 0;
  return { ref: { id: ref.id, segments, bytes }, start, skippedLines, skippedNet };
}

function lineDto(r: StoredLine, balance: number): LedgerLineDto {
  const dto: LedgerLineDto = {
    line: r.line,
    date: r.date,
    journalCode: r.journalCode,
    ecritureNum: r.ecritureNum,
    pieceRef: r.pieceRef,
    ecritureLib: r.ecritureLib,
    debitCents: r.debitCents,
    creditCents: r.creditCents,
    balanceCents: balance,
  };
  if (r.compAuxNum !== undefined) dto.compAuxNum = r.compAuxNum;
  if (r.ecritureLet !== undefined) dto.ecritureLet = r.ecritureLet;
  if (r.dateLet !== undefined) dto.dateLet = r.dateLet;
  return dto;
}

export function matchesLedgerSearch(r: StoredLine, q: string, normalise: (s: string) => string): boolean {
  return normalise(`${r.ecritureLib} ${r.pieceRef} ${r.ecritureNum} ${r.compAuxNum ?? ""}`).includes(q);
}

/**
 * The grand livre, paged by lines across accounts (number order). Without search, lettering or
 * auxiliary filters the index alone tells which buckets hold the page: one range read per account on
 * the page. With them, each candidate account is read in turn (one range read each) and only the
 * page's lines are kept. Running balances always count every line in scope; `q` and `unletteredOnly`
 * only choose which lines are shown.
 */
export async function readGrandLivre(
  store: AccountingStore,
  v: VersionRef,
  labels: LedgerLabels,
  query: LedgerQuery,
  request: { page: number; pageSize: number },
  normalise: (s: string) => string,
): Promise<LedgerPage> {
  if (query.aux !== undefined) {
    // The auxiliaries' copy, once built: the auxiliary's lines paged as an account's (aux-ledger.ts),
    // and a search reads only the auxiliary's lines.
    const copy = query.auxCopyBuilt === false ? null : await readAuxLedger(store, v, query.aux, query.account);
    if (copy !== null && query.q !== undefined)
      return filteredPage(store, v, labels, copy, query, request, normalise, AUX_LEDGER_BLOB);
    if (copy !== null) {
      const view = query.unletteredOnly ? unletteredView(query) : indexedView(query);
      return locatedPage(store, v, labels, copy, query, request, { ...view, aux: query.aux }, AUX_LEDGER_BLOB);
    }
  }
  const indexes = await store.readLedgerIndex(v, query.account);
  const located = (view: LocatedView) => locatedPage(store, v, labels, indexes, query, request, view);
  if (query.q === undefined && query.aux === undefined)
    return located(query.unletteredOnly ? unletteredView(query) : indexedView(query));
  if (query.q === undefined && query.aux !== undefined && !query.unletteredOnly)
    return located(auxiliaryView(await store.readAggregate(v), { ...query, aux: query.aux }));
  return filteredPage(store, v, labels, indexes, query, request, normalise);
}

/**
 * How a page located from the index counts one kind of line: `all` sums a bucket's lines that carry
 * into running balances (undefined: none), `shown` those listed; `counts` and `shows` tell them apart
 * line by line; `part` is what of a bucket the page reads.
 */
type LocatedView = {
  all: (index: LedgerIndex, b: Bucket) => Sums | undefined;
  shown: (index: LedgerIndex, b: Bucket) => Sums | undefined;
  counts: (r: StoredLine) => boolean;
  shows: (r: StoredLine) => boolean;
  part: (bucket: Bucket, start: number, first: number, last: number) => PagePart;
  aux?: string;
};

type PagePart = { ref: BucketRef; start: number; skippedLines: number; skippedNet: number };

const wholeBucket = (bucket: Bucket, start: number): PagePart => ({
  ref: ledgerBucketRef(bucket),
  start,
  skippedLines: 0,
  skippedNet: 0,
});

/**
 * A grand livre page whose counts and totals come from the index (or the aggregates) alone: only the
 * buckets (or segments) holding the page's lines are read, one range read per account on the page.
 */
async function locatedPage(
  store: AccountingStore,
  v: VersionRef,
  labels: LedgerLabels,
  indexes: readonly LedgerIndex[],
  query: LedgerQuery,
  request: { page: number; pageSize: number },
  view: LocatedView,
  blob: CopyBlob = "lines",
): Promise<LedgerPage> {
  const { period, scope } = query;
  const sections = indexes
    .map((index) => {
      let broughtForward = 0;
      let net = 0;
      let count = 0;
      let debit = 0;
      let credit = 0;
      const buckets: Array<{ bucket: Bucket; n: number }> = [];
      for (const b of index.buckets) {
        const all = view.all(index, b);
        if (all === undefined) continue;
        if (beforePeriod(b, period)) broughtForward += all.d - all.c;
        else if (inPeriod(b, period)) {
          net += all.d - all.c;
          const shown = view.shown(index, b);
          if (shown === undefined || shown.n === 0) continue;
          buckets.push({ bucket: b, n: shown.n });
          count += shown.n;
          debit += shown.d;
          credit += shown.c;
        }
      }
      return { index, broughtForward, net, count, debit, credit, buckets };
    })
    .filter((s) => s.count > 0);
  const totalLines = sections.reduce((n, s) => n + s.count, 0);
  const info = pageInfo(request, totalLines);
  const accounts: LedgerAccountDto[] = [];
  for (const { section, first: a, last: b, wanted } of sliceSections(sections, info)) {
    const firstRead = wanted[0]?.bucket;
    // Every counted line of the buckets before the first one read carries into the running balance.
    let balance = section.broughtForward;
    for (const bucket of section.index.buckets) {
      if (bucket === firstRead) break;
      const all = inPeriod(bucket, period) ? view.all(section.index, bucket) : undefined;
      if (all !== undefined) balance += all.d - all.c;
    }
    const plans = wanted.map(({ bucket, start }) => view.part(bucket, start, a, b));
    const read = await readLines(
      store,
      v,
      plans.map((p) => p.ref),
      scope,
      blob,
    );
    const lines: LedgerLineDto[] = [];
    let balanceBeforePage = balance;
    for (const [w, { start, skippedLines, skippedNet }] of plans.entries()) {
      balance += skippedNet;
      let at = start + skippedLines;
      for (const r of read[w] ?? []) {
        if (!view.counts(r)) continue;
        const before = balance;
        balance += r.debitCents - r.creditCents;
        if (!view.shows(r)) continue;
        if (at === a) balanceBeforePage = before;
        if (at >= a && at < b) lines.push(lineDto(r, balance));
        at++;
      }
    }
    await markLettering(store, v, section.index, lines, scope);
    const compteNum = section.index.compteNum;
    const account: LedgerAccountDto = {
      compteNum,
      compteLib: labels.accountLabels[compteNum] ?? "",
      broughtForwardCents: section.broughtForward,
      totalDebitCents: section.debit,
      totalCreditCents: section.credit,
      closingBalanceCents: section.broughtForward + section.net,
      lineCount: section.count,
      balanceBeforePageCents: balanceBeforePage,
      lines,
    };
    if (view.aux !== undefined) {
      account.compAuxNum = view.aux;
      account.compAuxLib = labels.auxiliaryLabels[view.aux] ?? "";
    }
    accounts.push(account);
  }
  return { page: info.page, pageSize: info.pageSize, pageCount: info.pageCount, totalLines, accounts };
}

const always = () => true;

/** Every line in scope: the page reads only the segments holding its lines when it can. */
function indexedView(query: LedgerQuery): LocatedView {
  const sums = (_: LedgerIndex, b: Bucket) => scoped(b, query.scope);
  return {
    all: sums,
    shown: sums,
    counts: always,
    shows: always,
    part: (bucket, start, first, last) => pagePart(bucket, start, first, last, query.scope),
  };
}

/** The unlettered lines of a bucket in scope: counts and totals from the index. */
const scopedUnlettered = (b: Bucket, scope: ReadonlySet<string> | undefined) => inScopeSums(b[7], scope);

/**
 * The grand livre of unlettered lines only (the open items), located like an unfiltered page: the
 * index counts each bucket's unlettered lines per établissement, so totals and page counts come from
 * it and only the buckets holding the page are read. Running balances still count every line.
 */
function unletteredView(query: LedgerQuery): LocatedView {
  return {
    all: (_, b) => scoped(b, query.scope),
    shown: (_, b) => scopedUnlettered(b, query.scope),
    counts: always,
    shows: (r) => r.ecritureLet === undefined,
    part: wholeBucket,
  };
}

type Sums = { n: number; d: number; c: number };

/**
 * One auxiliary account's lines (a client's, a supplier's), located from the aggregates: their rows
 * are per account, auxiliary, month (à-nouveaux apart) and établissement, the ledger buckets' very
 * keys, so counts, totals and the brought-forward of the auxiliary come without reading a line, and
 * only the buckets holding the page are read. Running balances count the auxiliary's lines only.
 */
function auxiliaryView(aggregate: LedgerAggregate, query: LedgerQuery & { aux: string }): LocatedView {
  const { scope, aux } = query;
  const byAccount = new Map<string, Map<number, Sums>>();
  for (const r of aggregate.rows) {
    if (r.compAuxNum !== aux || !inScope(scope, r.etablissement)) continue;
    let months = byAccount.get(r.compteNum);
    if (months === undefined) byAccount.set(r.compteNum, (months = new Map<number, Sums>()));
    const month = r.opening ? 0 : r.month;
    const sums = months.get(month) ?? { n: 0, d: 0, c: 0 };
    sums.n += r.lineCount;
    sums.d += r.debitCents;
    sums.c += r.creditCents;
    months.set(month, sums);
  }
  const sums = (index: LedgerIndex, b: Bucket) => byAccount.get(index.compteNum)?.get(b[0]);
  return {
    all: sums,
    shown: sums,
    counts: (r) => r.compAuxNum === aux,
    shows: always,
    part: wholeBucket,
    aux,
  };
}

type AccountQuery = Pick<LedgerQuery, "aux" | "period" | "scope">;

/** The buckets accountLines reads, in its order: earlier months first when an auxiliary is asked for. */
function accountPlan(index: LedgerIndex, query: AccountQuery): { before: Bucket[]; within: Bucket[] } {
  const used = (b: Bucket) => scoped(b, query.scope).n > 0;
  return {
    before: query.aux === undefined ? [] : index.buckets.filter((b) => beforePeriod(b, query.period) && used(b)),
    within: index.buckets.filter((b) => inPeriod(b, query.period) && used(b)),
  };
}

/** A reader for accountLines over these accounts, in this order (a whole grand livre reads each frame a few times, not once per account). */
export function ledgerReader(
  store: AccountingStore,
  v: VersionRef,
  indexes: readonly LedgerIndex[],
  query: AccountQuery,
  blob: CopyBlob = "lines",
): BucketBatchReader {
  const plan = indexes.flatMap((index) => {
    const { before, within } = accountPlan(index, query);
    return [...before, ...within].map(ledgerBucketRef);
  });
  return new BucketBatchReader(store, v, "ledger", plan, blob);
}

/**
 * How accountLines reads an auxiliary's lines: from the lines blob, picking the auxiliary's among its
 * account's; or from the auxiliaries' copy, whose indexes hold the auxiliary's lines alone (their sums
 * give its brought-forward).
 */
export function auxiliaryReading(query: AccountQuery, blob: CopyBlob): AccountQuery {
  return blob === "lines" ? query : { period: query.period, scope: query.scope };
}

/** The brought-forward balance of one account's lines in scope (and of `aux`), and the buckets to read. */
async function accountStart(
  index: LedgerIndex,
  query: AccountQuery,
  reader: BucketBatchReader,
): Promise<{ broughtForward: number; within: Bucket[] }> {
  const { period, scope, aux } = query;
  const { before, within } = accountPlan(index, query);
  let broughtForward = 0;
  if (aux === undefined) {
    for (const b of index.buckets)
      if (beforePeriod(b, period)) broughtForward += scoped(b, scope).d - scoped(b, scope).c;
  } else {
    // The index has no per-auxiliary totals: the auxiliary's earlier lines are read and summed.
    for await (const r of bucketStream(reader, before, scope))
      if (r.compAuxNum === aux) broughtForward += r.debitCents - r.creditCents;
  }
  return { broughtForward, within };
}

/**
 * One account's lines in scope (and of `aux` when set): the brought-forward balance, then the period's
 * lines in display order, a month at a time. Reading several accounts, pass one `reader` for all.
 */
export async function accountLines(
  store: AccountingStore,
  v: VersionRef,
  index: LedgerIndex,
  query: AccountQuery,
  reader: BucketBatchReader = ledgerReader(store, v, [index], query),
): Promise<{ broughtForward: number; lines: AsyncGenerator<StoredLine> }> {
  const { broughtForward, within } = await accountStart(index, query, reader);
  const aux = query.aux;
  async function* lines(): AsyncGenerator<StoredLine> {
    for await (const r of bucketStream(reader, within, query.scope))
      if (aux === undefined || r.compAuxNum === aux) yield r;
  }
  return { broughtForward, lines: lines() };
}

/**
 * accountLines for a long export: each line is handed to `visit` as it is decoded, none kept, when its
 * month is stored in display order (other months are read whole and sorted). No generator per line.
 */
export async function eachAccountLine(
  index: LedgerIndex,
  query: AccountQuery,
  reader: BucketBatchReader,
): Promise<{
  broughtForward: number;
  /** Visits the lines in display order; `visit` returns a promise only when the next line must wait for it. */
  each: (visit: (r: StoredLine) => Promise<void> | undefined) => Promise<void>;
}> {
  const { broughtForward, within } = await accountStart(index, query, reader);
  const { scope, aux } = query;
  const shown = (r: StoredLine) => inScope(scope, r.etablissement) && (aux === undefined || r.compAuxNum === aux);
  const each = async (visit: (r: StoredLine) => Promise<void> | undefined) => {
    for (const b of within) {
      const ref = ledgerBucketRef(b);
      if (b[5] === 1) await reader.forEachLine(ref, (r) => (shown(r) ? visit(r) : undefined));
      else
        for (const r of inDisplayOrder(await reader.lines(ref), scope)) {
          const visited = shown(r) ? visit(r) : undefined;
          if (visited !== undefined) await visited;
        }
    }
  };
  return { broughtForward, each };
}

/** Lines of each bucket in turn, in display order. */
async function* bucketStream(
  reader: BucketBatchReader,
  buckets: readonly Bucket[],
  scope: ReadonlySet<string> | undefined,
): AsyncGenerator<StoredLine> {
  for (const b of buckets) yield* inDisplayOrder(await reader.lines(ledgerBucketRef(b)), scope);
}

async function filteredPage(
  store: AccountingStore,
  v: VersionRef,
  labels: LedgerLabels,
  indexes: readonly LedgerIndex[],
  query: LedgerQuery,
  request: { page: number; pageSize: number },
  normalise: (s: string) => string,
  blob: CopyBlob = "lines",
): Promise<LedgerPage> {
  const reading = auxiliaryReading(query, blob);
  const pass = async (first: number, last: number) => {
    const accounts: LedgerAccountDto[] = [];
    let total = 0;
    const reader = ledgerReader(store, v, indexes, reading, blob);
    for (const index of indexes) {
      const { broughtForward, lines } = await accountLines(store, v, index, reading, reader);
      let balance = broughtForward;
      let balanceBeforePage = broughtForward;
      let count = 0;
      let debit = 0;
      let credit = 0;
      const shown: LedgerLineDto[] = [];
      for await (const r of lines) {
        const before = balance;
        balance += r.debitCents - r.creditCents;
        if (query.unletteredOnly && r.ecritureLet) continue;
        if (query.q !== undefined && !matchesLedgerSearch(r, query.q, normalise)) continue;
        const at = total + count;
        if (at >= first && at < last) {
          if (shown.length === 0) balanceBeforePage = before;
          shown.push(lineDto(r, balance));
        }
        count++;
        debit += r.debitCents;
        credit += r.creditCents;
      }
      if (count === 0) continue;
      if (shown.length > 0) {
        await markLettering(store, v, index, shown, query.scope);
        const compteNum = index.compteNum;
        const section: LedgerAccountDto = {
          compteNum,
          compteLib: labels.accountLabels[compteNum] ?? "",
          broughtForwardCents: broughtForward,
          totalDebitCents: debit,
          totalCreditCents: credit,
          closingBalanceCents: balance,
          lineCount: count,
          balanceBeforePageCents: balanceBeforePage,
          lines: shown,
        };
        if (query.aux !== undefined) {
          section.compAuxNum = query.aux;
          section.compAuxLib = labels.auxiliaryLabels[query.aux] ?? "";
        }
        accounts.push(section);
      }
      total += count;
    }
    return { accounts, total };
  };
  const { info, result } = await pageWhileCounting(request, pass);
  return {
    page: info.page,
    pageSize: info.pageSize,
    pageCount: info.pageCount,
    totalLines: result.total,
    accounts: result.accounts,
  };
}
